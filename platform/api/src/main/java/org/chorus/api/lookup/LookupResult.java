package org.chorus.api.lookup;

import java.util.List;

/**
 * The answer to a {@link LookupQuery}.
 *
 * @param districts  settled districts, at most one per chamber
 * @param candidates for a chamber that could not be settled (a town split between districts, a border
 *                   point): every possible district, for the supporter to choose
 * @param point      the point the lookup used, if any (e.g. from a geocoder)
 * @param source     which lookup answered, e.g. {@code boundaries}, {@code census-geocoder}, {@code town}
 * @param place      the city or town the lookup placed the supporter in, when it knows (e.g. from a ZIP code)
 */
public record LookupResult(List<DistrictMatch> districts, List<DistrictMatch> candidates, GeoPoint point,
                           String source, String place) {

    public LookupResult {
        districts = List.copyOf(districts);
        candidates = List.copyOf(candidates);
    }

    public LookupResult(List<DistrictMatch> districts, List<DistrictMatch> candidates, GeoPoint point, String source) {
        this(districts, candidates, point, source, null);
    }

    public boolean isEmpty() {
        return districts.isEmpty() && candidates.isEmpty();
    }

    public static LookupResult none(String source) {
        return new LookupResult(List.of(), List.of(), null, source);
    }
}
