package org.chorus.api.lookup;

/** A WGS84 point. */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || Double.isNaN(latitude)
                || Double.isNaN(longitude)) {
            throw new IllegalArgumentException("not a WGS84 point: " + latitude + "," + longitude);
        }
    }
}
