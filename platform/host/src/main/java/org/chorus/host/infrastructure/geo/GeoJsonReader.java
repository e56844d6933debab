package org.chorus.host.infrastructure.geo;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature) into {@link Feature}s. Unlike RFC 7946 files, many
 * published boundary files keep their projected coordinates and say so in the pre-RFC {@code crs} member, so
 * that member is honoured ({@code {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::26986"}}}, or the
 * older {@code {"type":"EPSG","properties":{"code":26986}}}); without it the coordinates are WGS84 lon/lat.
 * Parsed with Jakarta JSON Processing (the server provides it), so no extra JSON library ships in the WAR.
 */
public final class GeoJsonReader {

    private final GeometryFactory factory;

    public GeoJsonReader(GeometryFactory factory) {
        this.factory = factory;
    }

    public GeoJsonReader() {
        this(new GeometryFactory());
    }

    /**
     * @throws IOException when the file cannot be read or is not GeoJSON; the message names the file and,
     *                     for bad geometry, the feature
     */
    public FeatureSet read(Path file) throws IOException {
        JsonObject root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             jakarta.json.JsonReader jr = jakarta.json.Json.createReader(r)) {
            root = jr.readObject();
        } catch (JsonParsingException e) {
            throw new IOException(file.getFileName() + ": not JSON at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ": " + e.getMessage(), e);
        } catch (JsonException | ClassCastException e) {
            throw new IOException(file.getFileName() + ": not a GeoJSON object: " + e.getMessage(), e);
        }
        return read(root, file.getFileName().toString());
    }

    FeatureSet read(JsonObject root, String name) throws IOException {
        Crs crs = crs(root, name);
        String type = root.getString("type", "");
        List<Feature> features = new ArrayList<>();
        switch (type) {
            case "FeatureCollection" -> {
                JsonValue fs = root.get("features");
                if (!(fs instanceof JsonArray array)) {
                    throw new IOException(name + ": FeatureCollection without a features array");
                }
                int i = 0;
                for (JsonValue f : array) {
                    i++;
                    if (!(f instanceof JsonObject fo) || !"Feature".equals(fo.getString("type", ""))) {
                        throw new IOException(name + " feature " + i + ": not a Feature object");
                    }
                    features.add(feature(fo, i, name));
                }
            }
            case "Feature" -> features.add(feature(root, 1, name));
            default -> throw new IOException(name + ": expected a GeoJSON FeatureCollection, found type '" + type + "'");
        }
        return new FeatureSet(features, crs);
    }

    private static Crs crs(JsonObject root, String name) throws IOException {
        JsonValue v = root.get("crs");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Crs.wgs84();
        }
        try {
            JsonObject crs = v.asJsonObject();
            JsonObject props = crs.getJsonObject("properties");
            String type = crs.getString("type", "");
            if (type.equalsIgnoreCase("name")) {
                return Crs.fromName(props.getString("name"));
            }
            if (type.equalsIgnoreCase("EPSG")) {
                return Crs.fromName("EPSG:" + props.get("code").toString().replace("\"", ""));
            }
            throw new IOException(name + ": crs of type '" + type + "' is not supported (use a named EPSG code)");
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IOException(name + ": unusable crs member " + v + ": " + e.getMessage(), e);
        }
    }

    private Feature feature(JsonObject f, int index, String name) throws IOException {
        Map<String, Object> props = new LinkedHashMap<>();
        JsonValue pv = f.get("properties");
        if (pv instanceof JsonObject po) {
            po.forEach((k, val) -> props.put(k, scalar(val)));
        }
        JsonValue gv = f.get("geometry");
        Geometry g = null;
        if (gv instanceof JsonObject go) {
            try {
                g = geometry(go);
            } catch (RuntimeException e) {
                throw new IOException(name + " feature " + index + ": bad geometry: " + e.getMessage(), e);
            }
        }
        return new Feature(index, props, g);
    }

    private static Object scalar(JsonValue v) {
        return switch (v.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> {
                JsonNumber n = (JsonNumber) v;
                yield n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
            }
            default -> v.toString();
        };
    }

    private Geometry geometry(JsonObject g) {
        String type = g.getString("type");
        if (type.equals("GeometryCollection")) {
            JsonArray gs = g.getJsonArray("geometries");
            Geometry[] parts = new Geometry[gs.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = geometry(gs.getJsonObject(i));
            }
            return factory.createGeometryCollection(parts);
        }
        JsonArray c = g.getJsonArray("coordinates");
        return switch (type) {
            case "Point" -> factory.createPoint(coordinate(c));
            case "MultiPoint" -> factory.createMultiPoint(points(c));
            case "LineString" -> factory.createLineString(coordinates(c));
            case "MultiLineString" -> {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < ls.length; i++) {
                    ls[i] = factory.createLineString(coordinates(c.getJsonArray(i)));
                }
                yield factory.createMultiLineString(ls);
            }
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = polygon(c.getJsonArray(i));
                }
                yield factory.createMultiPolygon(ps);
            }
            default -> throw new IllegalArgumentException("unknown geometry type " + type);
        };
    }

    private Polygon polygon(JsonArray rings) {
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = factory.createLinearRing(coordinates(rings.getJsonArray(0)));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = factory.createLinearRing(coordinates(rings.getJsonArray(i)));
        }
        return factory.createPolygon(shell, holes);
    }

    private Point[] points(JsonArray c) {
        Point[] ps = new Point[c.size()];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = factory.createPoint(coordinate(c.getJsonArray(i)));
        }
        return ps;
    }

    private static Coordinate[] coordinates(JsonArray c) {
        Coordinate[] cs = new Coordinate[c.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = coordinate(c.getJsonArray(i));
        }
        return cs;
    }

    private static Coordinate coordinate(JsonArray xy) {
        if (xy.size() < 2) {
            throw new IllegalArgumentException("position with fewer than 2 numbers: " + xy);
        }
        return new Coordinate(xy.getJsonNumber(0).doubleValue(), xy.getJsonNumber(1).doubleValue());
    }
}
