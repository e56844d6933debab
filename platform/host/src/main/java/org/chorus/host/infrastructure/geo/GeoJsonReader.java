package org.chorus.host.infrastructure.geo;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
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
import java.util.NoSuchElementException;
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
        String name = file.getFileName().toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = jakarta.json.Json.createParser(r)) {
            return read(p, name);
        } catch (JsonParsingException e) {
            throw new IOException(name + ": not JSON at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ": " + e.getMessage(), e);
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new IOException(name + ": not GeoJSON: " + e.getMessage(), e);
        }
    }

    // Streamed rather than read as a JsonObject tree: boundary files are megabytes of coordinates, and a
    // JsonNumber (BigDecimal) per ordinate made the tree several times slower than this.
    private FeatureSet read(JsonParser p, String name) throws IOException {
        if (p.next() != JsonParser.Event.START_OBJECT) {
            throw new IOException(name + ": not a GeoJSON object");
        }
        String type = null;
        JsonValue crsMember = null;
        List<Feature> features = null;
        RawGeometry bareGeometry = null;
        Map<String, Object> bareProperties = new LinkedHashMap<>();
        while (p.next() == JsonParser.Event.KEY_NAME) {
            String key = p.getString();
            JsonParser.Event e = p.next();
            switch (key) {
                case "type" -> type = e == JsonParser.Event.VALUE_STRING ? p.getString() : null;
                case "crs" -> crsMember = p.getValue();
                case "features" -> {
                    if (e != JsonParser.Event.START_ARRAY) {
                        throw new IOException(name + ": features is not an array");
                    }
                    features = new ArrayList<>();
                    JsonParser.Event next;
                    while ((next = p.next()) == JsonParser.Event.START_OBJECT) {
                        features.add(feature(p, features.size() + 1, name));
                    }
                    if (next != JsonParser.Event.END_ARRAY) {
                        throw new IOException(name + " feature " + (features.size() + 1) + ": not a Feature object");
                    }
                }
                // a bare Feature as the whole file
                case "properties" -> bareProperties = properties(p, e);
                case "geometry" -> bareGeometry = e == JsonParser.Event.START_OBJECT ? geometryMember(p) : null;
                default -> skip(p, e);
            }
        }
        if ("Feature".equals(type)) {
            features = List.of(new Feature(1, bareProperties, bareGeometry == null ? null : build(bareGeometry, name, 1)));
        } else if (!"FeatureCollection".equals(type)) {
            throw new IOException(name + ": expected a GeoJSON FeatureCollection, found type '" + type + "'");
        } else if (features == null) {
            throw new IOException(name + ": FeatureCollection without a features array");
        }
        return new FeatureSet(features, crs(crsMember, name));
    }

    private Feature feature(JsonParser p, int index, String name) throws IOException {
        Map<String, Object> props = new LinkedHashMap<>();
        RawGeometry geometry = null;
        String type = null;
        while (p.next() == JsonParser.Event.KEY_NAME) {
            String key = p.getString();
            JsonParser.Event e = p.next();
            switch (key) {
                case "type" -> type = e == JsonParser.Event.VALUE_STRING ? p.getString() : null;
                case "properties" -> props = properties(p, e);
                case "geometry" -> geometry = e == JsonParser.Event.START_OBJECT ? geometryMember(p) : null;
                default -> skip(p, e);
            }
        }
        if (!"Feature".equals(type)) {
            throw new IOException(name + " feature " + index + ": not a Feature object");
        }
        return new Feature(index, props, geometry == null ? null : build(geometry, name, index));
    }

    private static Map<String, Object> properties(JsonParser p, JsonParser.Event e) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (e == JsonParser.Event.START_OBJECT) {
            p.getObject().forEach((k, v) -> props.put(k, scalar(v)));
        } else {
            skip(p, e);
        }
        return props;
    }

    /** A geometry object as read: its type, and its coordinates (nested lists ending in double[]) or members. */
    private record RawGeometry(String type, Object coordinates, List<RawGeometry> geometries) {
    }

    private RawGeometry geometryMember(JsonParser p) {
        String type = null;
        Object coordinates = null;
        List<RawGeometry> geometries = null;
        while (p.next() == JsonParser.Event.KEY_NAME) {
            String key = p.getString();
            JsonParser.Event e = p.next();
            switch (key) {
                case "type" -> type = e == JsonParser.Event.VALUE_STRING ? p.getString() : null;
                case "coordinates" -> coordinates = e == JsonParser.Event.START_ARRAY ? coordinates(p) : null;
                case "geometries" -> {
                    geometries = new ArrayList<>();
                    if (e == JsonParser.Event.START_ARRAY) {
                        while (p.next() == JsonParser.Event.START_OBJECT) {
                            geometries.add(geometryMember(p));
                        }
                    }
                }
                default -> skip(p, e);
            }
        }
        return new RawGeometry(type, coordinates, geometries);
    }

    /** After START_ARRAY: a position as double[], or a list of nested arrays. */
    private static Object coordinates(JsonParser p) {
        List<Object> nested = null;
        double[] numbers = null;
        int n = 0;
        JsonParser.Event e;
        while ((e = p.next()) != JsonParser.Event.END_ARRAY) {
            if (e == JsonParser.Event.VALUE_NUMBER) {
                if (numbers == null) {
                    numbers = new double[3];
                }
                if (n < numbers.length) {
                    numbers[n] = Double.parseDouble(p.getString());
                }
                n++;
            } else if (e == JsonParser.Event.START_ARRAY) {
                if (nested == null) {
                    nested = new ArrayList<>();
                }
                nested.add(coordinates(p));
            } else {
                throw new IllegalStateException("unexpected " + e + " in coordinates");
            }
        }
        if (numbers != null) {
            if (n < 2) {
                throw new IllegalStateException("position with fewer than 2 numbers");
            }
            return new double[] {numbers[0], numbers[1]};
        }
        return nested == null ? List.of() : nested;
    }

    private static void skip(JsonParser p, JsonParser.Event e) {
        if (e == JsonParser.Event.START_OBJECT) {
            p.skipObject();
        } else if (e == JsonParser.Event.START_ARRAY) {
            p.skipArray();
        }
    }

    private Geometry build(RawGeometry raw, String name, int index) throws IOException {
        try {
            return geometry(raw);
        } catch (RuntimeException e) {
            throw new IOException(name + " feature " + index + ": bad geometry: " + e.getMessage(), e);
        }
    }

    private static Crs crs(JsonValue v, String name) throws IOException {
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

    private Geometry geometry(RawGeometry g) {
        String type = String.valueOf(g.type());
        if (type.equals("GeometryCollection")) {
            List<RawGeometry> gs = g.geometries() == null ? List.of() : g.geometries();
            return factory.createGeometryCollection(gs.stream().map(this::geometry).toArray(Geometry[]::new));
        }
        if (g.coordinates() == null) {
            throw new IllegalArgumentException(type + " without coordinates");
        }
        Object c = g.coordinates();
        return switch (type) {
            case "Point" -> factory.createPoint(coordinate(c));
            case "MultiPoint" -> factory.createMultiPoint(list(c).stream().map(x -> factory.createPoint(coordinate(x)))
                    .toArray(Point[]::new));
            case "LineString" -> factory.createLineString(coordinates(c));
            case "MultiLineString" -> factory.createMultiLineString(list(c).stream()
                    .map(x -> factory.createLineString(coordinates(x))).toArray(LineString[]::new));
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> factory.createMultiPolygon(list(c).stream().map(this::polygon).toArray(Polygon[]::new));
            default -> throw new IllegalArgumentException("unknown geometry type " + type);
        };
    }

    private Polygon polygon(Object rings) {
        List<?> rs = list(rings);
        if (rs.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = factory.createLinearRing(coordinates(rs.get(0)));
        LinearRing[] holes = new LinearRing[rs.size() - 1];
        for (int i = 1; i < rs.size(); i++) {
            holes[i - 1] = factory.createLinearRing(coordinates(rs.get(i)));
        }
        return factory.createPolygon(shell, holes);
    }

    private static List<?> list(Object c) {
        if (!(c instanceof List<?> l)) {
            throw new IllegalArgumentException("expected an array of positions");
        }
        return l;
    }

    private static Coordinate[] coordinates(Object c) {
        List<?> l = list(c);
        Coordinate[] cs = new Coordinate[l.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = coordinate(l.get(i));
        }
        return cs;
    }

    private static Coordinate coordinate(Object c) {
        if (!(c instanceof double[] xy)) {
            throw new IllegalArgumentException("expected a position [x, y]");
        }
        return new Coordinate(xy[0], xy[1]);
    }
}
