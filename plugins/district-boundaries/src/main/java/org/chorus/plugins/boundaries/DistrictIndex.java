package org.chorus.plugins.boundaries;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chorus.api.DivisionInfo;
import org.chorus.api.lookup.DistrictMatch;
import org.chorus.api.lookup.GeoPoint;
import org.chorus.api.lookup.LookupResult;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Point → districts, in memory: which district of each chamber contains a WGS84 point. Built once from the
 * districts' WKT boundaries (an R-tree of prepared polygons per chamber), then immutable and safe to share between
 * threads. Depends on JTS and the plugin API only (no persistence), so a boundaries lookup plugin can build it
 * from {@code TargetDirectory.divisions(…)}.
 *
 * <p>Per chamber: a point inside exactly one district settles it. A point inside several (published boundaries
 * overlap in slivers along shared borders) leaves the chamber unsettled with those districts as
 * {@link LookupResult#candidates() candidates}. A point inside none (offshore, or in a gap between simplified
 * boundaries) takes the nearest district within {@link Options#toleranceMetres()}, unless others are as near
 * within {@link Options#tieMetres()}, which makes them all candidates. Farther from every district than the
 * tolerance (outside the state) gives nothing for that chamber. Distances are in metres on the WGS84 ellipsoid,
 * using the local tangent-plane scale at the point, which is exact to well under a metre at these ranges.
 */
public final class DistrictIndex {

    /** WGS84 semi-major axis and first eccentricity squared. */
    private static final double A = 6_378_137.0;
    private static final double E2 = 6.69437999014e-3;

    /** One district to index: boundary as WKT (Polygon or MultiPolygon) in WGS84 lon/lat. */
    public record District(String ocdId, String chamber, String name, String wkt) {

        public District {
            Objects.requireNonNull(ocdId, "ocdId");
            Objects.requireNonNull(chamber, "chamber");
        }

        /** A division as the host hands it to plugins; null geometry is not indexable. */
        public static District of(DivisionInfo d) {
            return new District(d.ocdId(), d.chamber(), d.name(), d.geometryWkt());
        }
    }

    /**
     * @param toleranceMetres how far outside every district a point may be and still take the nearest (default
     *                        100 m: a geocoded address on a pier or a beach, not a point in the next state)
     * @param tieMetres       distances within this of the nearest count as equally near (default 10 m, the
     *                        simplification tolerance of the Massachusetts boundaries: closer than that the
     *                        boundaries cannot tell)
     * @param source          the {@link LookupResult#source()} to report, e.g. {@code boundaries}
     */
    public record Options(double toleranceMetres, double tieMetres, String source) {

        public Options {
            if (!(toleranceMetres >= 0) || !(tieMetres >= 0)) {
                throw new IllegalArgumentException("distances must be >= 0");
            }
            Objects.requireNonNull(source, "source");
        }

        public static Options defaults() {
            return new Options(100, 10, "boundaries");
        }

        public Options withToleranceMetres(double metres) {
            return new Options(metres, tieMetres, source);
        }

        public Options withTieMetres(double metres) {
            return new Options(toleranceMetres, metres, source);
        }

        public Options withSource(String source) {
            return new Options(toleranceMetres, tieMetres, source);
        }
    }

    private record Entry(DistrictMatch match, Geometry geometry, PreparedGeometry prepared) {
    }

    private final Map<String, STRtree> trees;
    private final Options options;
    private final int size;
    private final GeometryFactory factory = new GeometryFactory();

    private DistrictIndex(Map<String, STRtree> trees, Options options, int size) {
        this.trees = trees;
        this.options = options;
        this.size = size;
    }

    public static DistrictIndex build(Collection<District> districts) {
        return build(districts, Options.defaults());
    }

    /**
     * @throws IllegalArgumentException when a district's WKT is missing, unreadable or not polygonal (naming it)
     */
    public static DistrictIndex build(Collection<District> districts, Options options) {
        WKTReader reader = new WKTReader();
        Map<String, STRtree> trees = new LinkedHashMap<>();
        for (District d : districts) {
            if (d.wkt() == null || d.wkt().isBlank()) {
                throw new IllegalArgumentException(d.ocdId() + " has no boundary");
            }
            Geometry g;
            try {
                g = reader.read(d.wkt());
            } catch (ParseException e) {
                throw new IllegalArgumentException(d.ocdId() + ": unreadable WKT: " + e.getMessage(), e);
            }
            if (!(g instanceof Polygonal) || g.isEmpty()) {
                throw new IllegalArgumentException(d.ocdId() + ": boundary is a " + g.getGeometryType() + ", not a polygon");
            }
            Entry e = new Entry(new DistrictMatch(d.ocdId(), d.chamber(), d.name()), g, PreparedGeometryFactory.prepare(g));
            trees.computeIfAbsent(d.chamber(), c -> new STRtree()).insert(g.getEnvelopeInternal(), e);
        }
        trees.values().forEach(STRtree::build); // built now, so queries from many threads only read
        return new DistrictIndex(trees, options, districts.size());
    }

    public int size() {
        return size;
    }

    public List<String> chambers() {
        return List.copyOf(trees.keySet());
    }

    public LookupResult lookup(GeoPoint point) {
        return lookup(point.latitude(), point.longitude());
    }

    /** The districts at a WGS84 point; {@link LookupResult#isEmpty() empty} outside every district's reach. */
    public LookupResult lookup(double latitude, double longitude) {
        GeoPoint at = new GeoPoint(latitude, longitude); // validates the range
        Point p = factory.createPoint(new Coordinate(longitude, latitude));
        List<DistrictMatch> settled = new ArrayList<>();
        List<DistrictMatch> candidates = new ArrayList<>();
        for (STRtree tree : trees.values()) {
            List<DistrictMatch> found = containing(tree, p);
            if (found.isEmpty()) {
                found = nearest(tree, latitude, longitude);
            }
            if (found.size() == 1) {
                settled.add(found.get(0));
            } else {
                candidates.addAll(found);
            }
        }
        return new LookupResult(settled, candidates, at, options.source());
    }

    @SuppressWarnings("unchecked")
    private static List<DistrictMatch> containing(STRtree tree, Point p) {
        List<DistrictMatch> out = new ArrayList<>();
        for (Entry e : (List<Entry>) tree.query(p.getEnvelopeInternal())) {
            if (e.prepared().covers(p)) {
                out.add(e.match());
            }
        }
        out.sort(Comparator.comparing(DistrictMatch::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<DistrictMatch> nearest(STRtree tree, double lat, double lon) {
        double tolerance = options.toleranceMetres();
        if (tolerance <= 0) {
            return List.of();
        }
        LocalScale scale = new LocalScale(lat, lon);
        // A search box a little larger than the tolerance, in degrees at this latitude.
        double dLat = tolerance / scale.metresPerDegreeLat * 1.01;
        double dLon = tolerance / Math.max(scale.metresPerDegreeLon, 1.0) * 1.01;
        Envelope box = new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat);
        List<Entry> near = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        double best = Double.MAX_VALUE;
        for (Entry e : (List<Entry>) tree.query(box)) {
            double d = scale.distance(e.geometry(), box);
            if (d <= tolerance) {
                near.add(e);
                distances.add(d);
                best = Math.min(best, d);
            }
        }
        List<DistrictMatch> out = new ArrayList<>();
        for (int i = 0; i < near.size(); i++) {
            if (distances.get(i) <= best + options.tieMetres()) {
                out.add(near.get(i).match());
            }
        }
        out.sort(Comparator.comparing(DistrictMatch::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /**
     * Metres around a point: the ellipsoid's meridional and prime-vertical radii of curvature there turn degree
     * differences into north and east metres (a local tangent plane). Good to centimetres within a kilometre.
     */
    private static final class LocalScale {
        final double lat0;
        final double lon0;
        final double metresPerDegreeLat;
        final double metresPerDegreeLon;

        LocalScale(double lat, double lon) {
            this.lat0 = lat;
            this.lon0 = lon;
            double phi = Math.toRadians(lat);
            double w = 1 - E2 * Math.sin(phi) * Math.sin(phi);
            double meridional = A * (1 - E2) / Math.pow(w, 1.5);
            double primeVertical = A / Math.sqrt(w);
            this.metresPerDegreeLat = Math.toRadians(meridional);
            this.metresPerDegreeLon = Math.toRadians(primeVertical * Math.cos(phi));
        }

        /** Metres from the point to the nearest boundary segment that can be within the box. */
        double distance(Geometry polygonal, Envelope box) {
            double best = Double.MAX_VALUE;
            for (int i = 0; i < polygonal.getNumGeometries(); i++) {
                Polygon poly = (Polygon) polygonal.getGeometryN(i);
                if (!poly.getEnvelopeInternal().intersects(box)) {
                    continue;
                }
                best = Math.min(best, ring(poly.getExteriorRing(), box));
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    best = Math.min(best, ring(poly.getInteriorRingN(h), box));
                }
            }
            return best;
        }

        private double ring(LineString ring, Envelope box) {
            if (!ring.getEnvelopeInternal().intersects(box)) {
                return Double.MAX_VALUE;
            }
            CoordinateSequence cs = ring.getCoordinateSequence();
            Coordinate origin = new Coordinate(0, 0);
            Coordinate a = new Coordinate();
            Coordinate b = new Coordinate();
            double best = Double.MAX_VALUE;
            double px = cs.getX(0);
            double py = cs.getY(0);
            for (int i = 1; i < cs.size(); i++) {
                double qx = cs.getX(i);
                double qy = cs.getY(i);
                // Skip segments whose bounding box misses the search box: most of a long boundary.
                if (Math.max(px, qx) >= box.getMinX() && Math.min(px, qx) <= box.getMaxX()
                        && Math.max(py, qy) >= box.getMinY() && Math.min(py, qy) <= box.getMaxY()) {
                    a.x = (px - lon0) * metresPerDegreeLon;
                    a.y = (py - lat0) * metresPerDegreeLat;
                    b.x = (qx - lon0) * metresPerDegreeLon;
                    b.y = (qy - lat0) * metresPerDegreeLat;
                    best = Math.min(best, Distance.pointToSegment(origin, a, b));
                }
                px = qx;
                py = qy;
            }
            return best;
        }
    }
}
