package org.chorus.api.lookup;

import java.util.List;
import org.chorus.api.TargetInfo;

/**
 * Districts found for a query, each with its sitting targets (none when the seat is vacant).
 *
 * @param districts  settled districts, at most one per chamber
 * @param candidates districts a supporter must choose between (a town split between districts, a border point)
 * @param point      the point used, if any
 * @param source     which lookup answered ({@code none} when nothing did)
 * @param degraded   true when a preferred service (e.g. the geocoder) was unavailable and a fallback answered
 * @param place      the city or town the supporter was placed in, when a lookup knows it
 */
public record FoundTargets(List<District> districts, List<District> candidates, GeoPoint point, String source,
                           boolean degraded, String place) {

    public FoundTargets {
        districts = List.copyOf(districts);
        candidates = List.copyOf(candidates);
    }

    /** A district and who sits for it. */
    public record District(DistrictMatch match, List<TargetInfo> sitting) {
        public District {
            sitting = List.copyOf(sitting);
        }
    }

    public boolean isEmpty() {
        return districts.isEmpty() && candidates.isEmpty();
    }
}
