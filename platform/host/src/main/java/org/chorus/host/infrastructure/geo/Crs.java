package org.chorus.host.infrastructure.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A coordinate reference system a boundary file is written in, and the way from it to WGS84 lon/lat.
 *
 * <p>Names come from GeoJSON {@code crs} members ({@code urn:ogc:def:crs:EPSG::26986}, {@code EPSG:26986},
 * {@code urn:ogc:def:crs:OGC:1.3:CRS84}) or from a shapefile's {@code .prj}. proj4j has no WKT parser, so
 * {@link #fromWkt} turns the few projections boundary files use in practice (Lambert conformal conic,
 * transverse Mercator, Albers, Mercator, plain lon/lat) into proj4 parameters itself and refuses the rest with
 * a message, rather than guessing. Axis order is always easting/longitude first, as GeoJSON and shapefiles write
 * it, whatever an EPSG code's official order says.
 */
public final class Crs {

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final Pattern EPSG = Pattern.compile("(?i)EPSG:(?:[0-9.]*:)?(\\d+)$");
    private static final Crs WGS84 = new Crs("EPSG:4326", FACTORY.createFromName("EPSG:4326"), true);

    private final String name;
    private final CoordinateReferenceSystem crs;
    private final boolean wgs84;

    private Crs(String name, CoordinateReferenceSystem crs, boolean wgs84) {
        this.name = name;
        this.crs = crs;
        this.wgs84 = wgs84;
    }

    public static Crs wgs84() {
        return WGS84;
    }

    /**
     * A CRS by name: an EPSG code in any of its usual spellings, {@code CRS84}, or a proj4 parameter string
     * ({@code +proj=…}).
     *
     * @throws IllegalArgumentException when the name is not understood
     */
    public static Crs fromName(String name) {
        String n = name.trim();
        if (n.startsWith("+")) {
            return fromProj4(n, n);
        }
        if (n.toUpperCase(Locale.ROOT).endsWith("CRS84")) {
            return WGS84;
        }
        Matcher m = EPSG.matcher(n);
        if (!m.find()) {
            throw new IllegalArgumentException("unknown coordinate reference system '" + name
                    + "': expected an EPSG code such as EPSG:26986, CRS84 or a +proj=… string");
        }
        if (m.group(1).equals("4326")) {
            return WGS84;
        }
        try {
            return new Crs("EPSG:" + m.group(1), FACTORY.createFromName("EPSG:" + m.group(1)), false);
        } catch (Proj4jException | IllegalStateException e) {
            throw new IllegalArgumentException("unknown coordinate reference system '" + name + "': " + e.getMessage(), e);
        }
    }

    private static Crs fromProj4(String name, String params) {
        try {
            return new Crs(name, FACTORY.createFromParameters(name, params), false);
        } catch (Proj4jException | IllegalStateException e) {
            throw new IllegalArgumentException("cannot use CRS '" + name + "' (" + params + "): " + e.getMessage(), e);
        }
    }

    /**
     * The CRS a {@code .prj} file (ESRI or OGC WKT 1) describes. An {@code AUTHORITY["EPSG",…]} on the outer
     * element wins; otherwise the projection and its parameters are translated.
     *
     * @throws IllegalArgumentException for projections, datums or syntax this does not handle
     */
    public static Crs fromWkt(String wkt) {
        Node root = new WktParser(wkt).parse();
        Node authority = root.child("AUTHORITY");
        if (authority != null && authority.text(0).equalsIgnoreCase("EPSG")) {
            return fromName("EPSG:" + authority.text(1));
        }
        Node projection = root.child("PROJECTION");
        if (projection != null && normalize(projection.text(0)).matches("mercatorauxiliarysphere|popularvisualisationpseudomercator")) {
            return fromName("EPSG:3857");
        }
        String proj4 = switch (root.keyword) {
            case "PROJCS" -> projected(root);
            case "GEOGCS" -> "+proj=longlat " + datum(root);
            default -> throw new IllegalArgumentException("unsupported .prj: " + root.keyword
                    + " (only PROJCS and GEOGCS are understood)");
        };
        String name = root.text(0);
        if (root.keyword.equals("GEOGCS") && proj4.contains("+datum=WGS84")) {
            return WGS84;
        }
        return fromProj4(name, proj4);
    }

    private static String projected(Node root) {
        Node geog = root.child("GEOGCS");
        Node projection = root.child("PROJECTION");
        if (geog == null || projection == null) {
            throw new IllegalArgumentException("PROJCS without GEOGCS or PROJECTION");
        }
        Node unit = root.child("UNIT");
        double toMetre = unit == null ? 1.0 : unit.number(1);
        Map<String, Double> p = new LinkedHashMap<>();
        for (Node param : root.children("PARAMETER")) {
            p.put(normalize(param.text(0)), param.number(1));
        }
        String kind = normalize(projection.text(0));
        StringBuilder s = new StringBuilder();
        switch (kind) {
            case "lambertconformalconic", "lambertconformalconic2sp" -> s.append("+proj=lcc")
                    .append(" +lat_1=").append(get(p, kind, "standardparallel1"))
                    .append(" +lat_2=").append(p.getOrDefault("standardparallel2", get(p, kind, "standardparallel1")))
                    .append(" +lat_0=").append(get(p, kind, "latitudeoforigin", "latitudeofcenter", "latitudeoffalseorigin"))
                    .append(" +lon_0=").append(get(p, kind, "centralmeridian", "longitudeoforigin", "longitudeofcenter", "longitudeoffalseorigin"))
                    .append(" +k_0=").append(p.getOrDefault("scalefactor", 1.0));
            case "lambertconformalconic1sp" -> {
                double lat0 = get(p, kind, "latitudeoforigin", "latitudeofnaturalorigin");
                s.append("+proj=lcc +lat_1=").append(lat0).append(" +lat_0=").append(lat0)
                        .append(" +lon_0=").append(get(p, kind, "centralmeridian", "longitudeofnaturalorigin"))
                        .append(" +k_0=").append(p.getOrDefault("scalefactor", 1.0));
            }
            case "transversemercator", "gausskruger" -> s.append("+proj=tmerc")
                    .append(" +lat_0=").append(get(p, kind, "latitudeoforigin", "latitudeofnaturalorigin"))
                    .append(" +lon_0=").append(get(p, kind, "centralmeridian", "longitudeofnaturalorigin"))
                    .append(" +k_0=").append(get(p, kind, "scalefactor", "scalefactoratnaturalorigin"));
            case "albers", "albersconicequalarea" -> s.append("+proj=aea")
                    .append(" +lat_1=").append(get(p, kind, "standardparallel1"))
                    .append(" +lat_2=").append(get(p, kind, "standardparallel2"))
                    .append(" +lat_0=").append(get(p, kind, "latitudeoforigin", "latitudeofcenter", "latitudeoffalseorigin"))
                    .append(" +lon_0=").append(get(p, kind, "centralmeridian", "longitudeofcenter", "longitudeoffalseorigin"));
            case "mercator", "mercator1sp", "mercator2sp" -> {
                s.append("+proj=merc +lon_0=").append(get(p, kind, "centralmeridian", "longitudeofnaturalorigin"));
                if (p.containsKey("standardparallel1")) {
                    s.append(" +lat_ts=").append(p.get("standardparallel1"));
                } else {
                    s.append(" +k_0=").append(p.getOrDefault("scalefactor", 1.0));
                }
            }
            default -> throw new IllegalArgumentException("unsupported projection '" + projection.text(0)
                    + "' in .prj: reproject the file (e.g. ogr2ogr -t_srs EPSG:4326) or name its EPSG code");
        }
        // False easting/northing are in the PROJCS unit in WKT, always metres in proj4.
        s.append(" +x_0=").append(p.getOrDefault("falseeasting", 0.0) * toMetre)
                .append(" +y_0=").append(p.getOrDefault("falsenorthing", 0.0) * toMetre);
        s.append(toMetre == 1.0 ? " +units=m" : " +to_meter=" + toMetre);
        s.append(' ').append(datum(geog)).append(" +no_defs");
        return s.toString();
    }

    private static double get(Map<String, Double> p, String projection, String... names) {
        for (String n : names) {
            Double v = p.get(n);
            if (v != null) {
                return v;
            }
        }
        throw new IllegalArgumentException("projection " + projection + " in .prj lacks parameter " + names[0]);
    }

    private static String datum(Node geog) {
        Node primem = geog.child("PRIMEM");
        if (primem != null && primem.number(1) != 0.0) {
            throw new IllegalArgumentException("prime meridian " + primem.text(0) + " is not supported");
        }
        Node datum = geog.child("DATUM");
        if (datum == null) {
            throw new IllegalArgumentException("GEOGCS without DATUM");
        }
        String d = normalize(datum.text(0));
        if (d.contains("wgs1984") || d.contains("wgs84")) {
            return "+datum=WGS84";
        }
        if (d.contains("northamerican1983") || d.contains("nad83") || d.contains("nad1983")) {
            return "+datum=NAD83"; // NAD83 realisations differ from WGS84 by about a metre: below what boundaries need
        }
        if (d.contains("northamerican1927") || d.contains("nad27") || d.contains("nad1927")) {
            throw new IllegalArgumentException("datum " + datum.text(0)
                    + " needs a grid shift this importer does not do: reproject the file to WGS84 first");
        }
        Node spheroid = datum.child("SPHEROID");
        if (spheroid == null) {
            throw new IllegalArgumentException("datum " + datum.text(0) + " without SPHEROID");
        }
        // Unknown datum: keep its ellipsoid and assume no shift to WGS84 (metres to tens of metres off).
        double rf = spheroid.number(2);
        return "+a=" + spheroid.number(1) + (rf == 0 ? " +b=" + spheroid.number(1) : " +rf=" + rf);
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    public String name() {
        return name;
    }

    public boolean isWgs84() {
        return wgs84;
    }

    /** proj4 parameters, for diagnostics. */
    public String parameters() {
        return crs.getParameterString();
    }

    /**
     * A copy of the geometry in WGS84 lon/lat. Each call builds its own proj4j transform (they are not
     * thread-safe), so call it per geometry or per batch, not per coordinate.
     *
     * @throws IllegalArgumentException when a coordinate cannot be projected (wrong CRS for the data)
     */
    public Geometry toWgs84(Geometry geometry) {
        Geometry copy = geometry.copy();
        if (wgs84) {
            return copy;
        }
        CoordinateTransform t = new CoordinateTransformFactory().createTransform(crs, WGS84.crs);
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                try {
                    t.transform(in, out);
                } catch (Proj4jException e) {
                    throw new IllegalArgumentException("cannot project " + in.x + "," + in.y + " from " + name + ": "
                            + e.getMessage(), e);
                }
                if (!Double.isFinite(out.x) || !Double.isFinite(out.y) || Math.abs(out.y) > 90) {
                    throw new IllegalArgumentException("coordinate " + in.x + "," + in.y + " is outside " + name);
                }
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    @Override
    public String toString() {
        return name;
    }

    /** An element of WKT 1: {@code KEYWORD[arg, arg, …]} where an arg is a quoted text, a number or an element. */
    private record Node(String keyword, List<Object> args) {

        Node child(String keyword) {
            return args.stream().filter(a -> a instanceof Node n && n.keyword.equals(keyword)).map(Node.class::cast)
                    .findFirst().orElse(null);
        }

        List<Node> children(String keyword) {
            return args.stream().filter(a -> a instanceof Node n && n.keyword.equals(keyword)).map(Node.class::cast).toList();
        }

        String text(int i) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(keyword + " has no argument " + (i + 1));
            }
            return String.valueOf(args.get(i));
        }

        double number(int i) {
            if (i >= args.size() || !(args.get(i) instanceof Double d)) {
                throw new IllegalArgumentException(keyword + " argument " + (i + 1) + " is not a number");
            }
            return d;
        }
    }

    private static final class WktParser {
        private final String s;
        private int pos;

        WktParser(String s) {
            this.s = s;
        }

        Node parse() {
            Node n = element();
            skipSpace();
            if (pos != s.length()) {
                throw error("unexpected text after the end");
            }
            return n;
        }

        private Node element() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("keyword expected");
            }
            String keyword = s.substring(start, pos).toUpperCase(Locale.ROOT);
            skipSpace();
            char open = pos < s.length() ? s.charAt(pos) : 0;
            if (open != '[' && open != '(') {
                throw error("'[' expected after " + keyword);
            }
            char close = open == '[' ? ']' : ')';
            pos++;
            List<Object> args = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    throw error("unterminated " + keyword);
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    int end = s.indexOf('"', pos + 1);
                    if (end < 0) {
                        throw error("unterminated text");
                    }
                    args.add(s.substring(pos + 1, end));
                    pos = end + 1;
                } else if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    int st = pos;
                    while (pos < s.length() && "+-.eE0123456789".indexOf(s.charAt(pos)) >= 0) {
                        pos++;
                    }
                    try {
                        args.add(Double.parseDouble(s.substring(st, pos)));
                    } catch (NumberFormatException e) {
                        throw error("bad number " + s.substring(st, pos));
                    }
                } else if (Character.isLetter(c)) {
                    int save = pos;
                    Node child;
                    try {
                        child = element();
                    } catch (IllegalArgumentException e) {
                        // A bare enumeration value such as AXIS["X", EAST]
                        pos = save;
                        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                            pos++;
                        }
                        args.add(s.substring(save, pos));
                        child = null;
                    }
                    if (child != null) {
                        args.add(child);
                    }
                } else {
                    throw error("unexpected '" + c + "'");
                }
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == close) {
                    pos++;
                    return new Node(keyword, args);
                } else {
                    throw error("',' or '" + close + "' expected");
                }
            }
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("cannot read .prj at character " + pos + ": " + what);
        }
    }
}
