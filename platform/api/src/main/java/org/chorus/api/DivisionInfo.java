package org.chorus.api;

/**
 * A district or other division a target represents.
 *
 * @param ocdId     Open Civic Data id, e.g. {@code ocd-division/country:us/state:ma/sldu:third_suffolk}
 * @param kind      e.g. {@code sldu} / {@code sldl}
 * @param chamber   {@code upper} / {@code lower} (or null)
 * @param name      the name as legislators' data write it, e.g. "Third Suffolk" or "8th Suffolk"
 * @param geometryWkt boundary in WKT, WGS84 lon/lat, or null when no boundary was imported
 */
public record DivisionInfo(String ocdId, String kind, String chamber, String name, String geometryWkt) {
}
