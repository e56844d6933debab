package org.chorus.api.lookup;

/**
 * What a supporter told us about where they live. Any field may be null; {@link #point} is WGS84.
 */
public record LookupQuery(GeoPoint point, String address, String postalCode, String town, String ward,
                          String precinct) {

    public static LookupQuery ofPoint(double lat, double lon) {
        return new LookupQuery(new GeoPoint(lat, lon), null, null, null, null, null);
    }

    public static LookupQuery ofAddress(String address) {
        return new LookupQuery(null, address, null, null, null, null);
    }
}
