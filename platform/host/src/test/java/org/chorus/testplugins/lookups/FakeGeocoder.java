package org.chorus.testplugins.lookups;

import java.util.List;
import java.util.Optional;
import org.chorus.api.lookup.DistrictMatch;
import org.chorus.api.lookup.GeoPoint;
import org.chorus.api.lookup.Geocoder;
import org.chorus.api.lookup.LookupResult;
import org.pf4j.Extension;

/** Answers by the address text: "down" → unavailable; "senate only" → one chamber and a point; else nothing. */
@Extension
public class FakeGeocoder implements Geocoder {

    @Override
    public String id() {
        return "fake-geocoder";
    }

    @Override
    public Optional<LookupResult> geocode(String address) throws GeocoderUnavailableException {
        if (address.contains("down")) {
            throw new GeocoderUnavailableException("service down", null);
        }
        if (address.contains("senate only")) {
            return Optional.of(new LookupResult(List.of(new DistrictMatch("ocd-division/test/sldu:u1", "upper", "Upper One")),
                    List.of(), new GeoPoint(42.0, -71.0), id()));
        }
        return Optional.empty();
    }
}
