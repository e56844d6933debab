package org.chorus.host.infrastructure.geo;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One record of a boundary file.
 *
 * @param index      1-based position in the file (GeoJSON feature / shapefile record number), for messages
 * @param properties attribute values: String, Long, Double, Boolean, LocalDate or null
 * @param geometry   in the file's CRS; null for a record without geometry
 */
public record Feature(int index, Map<String, Object> properties, Geometry geometry) {

    /** The property as text (numbers without a trailing ".0"), or null when absent or blank. */
    public String text(String name) {
        Object v = properties.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
