package org.chorus.host.application.targets;

import org.chorus.kit.DistrictNames;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.chorus.host.application.targets.ImportListener.Outcome;
import org.chorus.host.application.targets.ImportListener.Progress;
import org.chorus.host.domain.target.Division;
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.infrastructure.geo.Crs;
import org.chorus.host.infrastructure.geo.Feature;
import org.chorus.host.infrastructure.geo.FeatureSet;
import org.chorus.host.infrastructure.geo.GeoJsonReader;
import org.chorus.host.infrastructure.geo.ShapefileReader;
import org.chorus.host.infrastructure.openstates.OcdCrosswalk;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.sources.SourceFetcher;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Loads the districts legislators represent, with their boundaries, so a supporter's location can be turned
 * into their legislators. Boundary files come as GeoJSON or shapefiles in whatever CRS the publisher uses
 * (MassGIS: EPSG:26986 metres); each polygon is reprojected to WGS84 lon/lat, rounded to 1e-6° (about 0.1 m,
 * far below the 10 m the MA files are simplified to), made valid, normalised and stored as WKT. A polygon finds
 * its Open Civic Data id through the TIGER crosswalk by district number, and the import checks that the name it
 * carries is that id's district, so a shifted column or a wrong crosswalk is rejected rather than silently
 * mislabelling every district. The division's name is the one Open States uses for the district, so
 * legislators link to it by name. Upserts by OCD id; re-running with the same file changes nothing.
 */
public class DivisionImport {

    private static final Logger LOG = Logger.getLogger(DivisionImport.class.getName());
    private static final PrecisionModel MICRO_DEGREES = new PrecisionModel(1e6);

    /**
     * One boundary layer (one chamber).
     *
     * @param source      path or http(s) URL of a {@code .geojson}/{@code .json}, a {@code .shp} (with its
     *                    {@code .dbf} and {@code .prj} beside it) or a zip holding one of them
     * @param chamber     {@code upper} or {@code lower}
     * @param numberField the attribute holding the district number; null to take the first present of
     *                    {@code district_num}, {@code SENDISTNUM}/{@code REPDISTNUM}, {@code SLDUST}/{@code SLDLST}
     * @param nameField   the attribute holding the district name as Open States writes it; null to take the first
     *                    present of {@code district_display}, {@code SEN_DIST}/{@code REP_DIST}, {@code NAMELSAD},
     *                    {@code NAME}
     * @param crs         the CRS of the coordinates, overriding the file's ({@code EPSG:26986}); null to use the
     *                    file's ({@code crs} member, {@code .prj})
     * @param dbfCharset  the {@code .dbf} text encoding; null for {@code .cpg} or UTF-8/windows-1252 detection
     */
    public record Layer(String source, String chamber, String numberField, String nameField, String crs, Charset dbfCharset) {

        public Layer {
            Objects.requireNonNull(source, "source");
            OcdCrosswalk.kind(chamber); // validates
        }

        public static Layer of(String source, String chamber) {
            return new Layer(source, chamber, null, null, null, null);
        }

        public Layer withFields(String numberField, String nameField) {
            return new Layer(source, chamber, numberField, nameField, crs, dbfCharset);
        }

        public Layer withCrs(String crs) {
            return new Layer(source, chamber, numberField, nameField, crs, dbfCharset);
        }

        List<String> numberFields() {
            return numberField != null ? List.of(numberField) : chamber.equals("upper")
                    ? List.of("district_num", "SENDISTNUM", "SLDUST") : List.of("district_num", "REPDISTNUM", "SLDLST");
        }

        List<String> nameFields() {
            return nameField != null ? List.of(nameField) : chamber.equals("upper")
                    ? List.of("district_display", "SEN_DIST", "NAMELSAD", "NAME")
                    : List.of("district_display", "REP_DIST", "NAMELSAD", "NAME");
        }
    }

    private record Parsed(String ocdId, String name, String wkt, String location) {
    }

    private final Transactions tx;
    private final TargetRepository targets;
    private final SourceFetcher fetcher;
    private final Clock clock;

    public DivisionImport(Transactions tx, TargetRepository targets, SourceFetcher fetcher, Clock clock) {
        this.tx = tx;
        this.targets = targets;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * Imports one layer.
     *
     * @param crosswalk district number → OCD id for the layer's jurisdiction
     * @throws ImportException when the source cannot be read, has no usable CRS or yields no district
     */
    public ImportSummary importLayer(Layer layer, OcdCrosswalk crosswalk, ImportListener listener) {
        long t0 = System.nanoTime();
        String label;
        FeatureSet features;
        String fileName;
        try (SourceFetcher.Fetched fetched = fetcher.fetch(layer.source())) {
            label = fetched.label();
            Path file = boundaryFile(fetched);
            fileName = file.getFileName().toString();
            features = fileName.toLowerCase(Locale.ROOT).endsWith(".shp")
                    ? new ShapefileReader().read(file, layer.dbfCharset())
                    : new GeoJsonReader().read(file);
        } catch (IOException e) {
            throw new ImportException("cannot read boundaries from " + layer.source() + ": " + e.getMessage(), e);
        }
        Crs crs;
        try {
            crs = layer.crs() != null ? Crs.fromName(layer.crs()) : features.crs();
        } catch (IllegalArgumentException e) {
            throw new ImportException(layer.source() + ": " + e.getMessage(), e);
        }
        if (crs == null) {
            throw new ImportException(fileName + " does not say which CRS its coordinates are in (no .prj):"
                    + " give it with Layer.withCrs, e.g. EPSG:26986");
        }
        List<ImportSummary.Rejection> rejected = new ArrayList<>();
        List<Parsed> parsed = parse(features, crs, layer, crosswalk, fileName, rejected);
        if (parsed.isEmpty()) {
            throw new ImportException(label + ": no usable district (" + rejected.size() + " rejected"
                    + (rejected.isEmpty() ? "" : ", first: " + rejected.get(0)) + ")");
        }
        ImportSummary summary = tx.inTransaction(() -> apply(parsed, rejected, layer, crosswalk, label, listener, t0));
        LOG.info(summary::toString);
        return summary;
    }

    private static Path boundaryFile(SourceFetcher.Fetched fetched) throws IOException {
        Path path = fetched.path();
        if (Files.isRegularFile(path)) {
            return path;
        }
        List<Path> candidates;
        try (Stream<Path> s = Files.walk(path, fetched.unzipped() ? 8 : 1)) {
            candidates = s.filter(p -> Files.isRegularFile(p)
                    && p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(shp|geojson|json)$")).sorted().toList();
        }
        if (candidates.size() != 1) {
            throw new IOException(candidates.isEmpty() ? "no .shp, .geojson or .json file in " + fetched.label()
                    : "several boundary files in " + fetched.label() + " (" + candidates.stream()
                    .map(p -> p.getFileName().toString()).toList() + "): give one");
        }
        return candidates.get(0);
    }

    private static List<Parsed> parse(FeatureSet features, Crs crs, Layer layer, OcdCrosswalk crosswalk, String fileName,
                                      List<ImportSummary.Rejection> rejected) {
        GeometryFactory wgs84 = new GeometryFactory(MICRO_DEGREES);
        WKTWriter wktWriter = new WKTWriter();
        List<Parsed> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Feature f : features.features()) {
            String location = fileName + " feature " + f.index();
            try {
                Integer number = number(first(f, layer.numberFields()));
                if (number == null) {
                    throw new IllegalArgumentException("no district number in " + layer.numberFields());
                }
                String name = first(f, layer.nameFields());
                if (name == null) {
                    throw new IllegalArgumentException("no district name in " + layer.nameFields());
                }
                OcdCrosswalk.Entry entry = crosswalk.find(layer.chamber(), number).orElseThrow(() ->
                        new IllegalArgumentException(OcdCrosswalk.kind(layer.chamber()) + " district " + number
                                + " ('" + name + "') is not in the crosswalk"));
                String slug = entry.ocdId().substring(entry.ocdId().lastIndexOf(':') + 1);
                if (!DistrictNames.slug(name).equals(slug)) {
                    throw new IllegalArgumentException("name '" + name + "' does not match " + entry.ocdId()
                            + " that the crosswalk gives for district " + number);
                }
                Geometry g = f.geometry();
                if (g == null || g.isEmpty()) {
                    throw new IllegalArgumentException("no geometry");
                }
                if (!(g instanceof Polygonal)) {
                    throw new IllegalArgumentException("geometry is a " + g.getGeometryType() + ", not a polygon");
                }
                String wkt = wktWriter.write(toStoredGeometry(g, crs, wgs84));
                String earlier = seen.putIfAbsent(entry.ocdId(), location);
                if (earlier != null) {
                    throw new IllegalArgumentException(entry.ocdId() + " appears again (first at " + earlier + ")");
                }
                out.add(new Parsed(entry.ocdId(), name, wkt, location));
            } catch (IllegalArgumentException e) {
                rejected.add(new ImportSummary.Rejection(location, e.getMessage()));
            }
        }
        return out;
    }

    /** Reprojected to WGS84, valid, on a 1e-6° grid and normalised, so the same boundary always gives the same WKT. */
    static Geometry toStoredGeometry(Geometry g, Crs crs, GeometryFactory wgs84) {
        Geometry lonLat = crs.toWgs84(g);
        if (!lonLat.isValid()) {
            lonLat = GeometryFixer.fix(lonLat);
        }
        // Rounding each vertex is enough almost always and far cheaper than snap-rounding the whole polygon,
        // which is kept for the rare case where rounding makes rings touch or cross.
        GeometryPrecisionReducer pointwise = new GeometryPrecisionReducer(wgs84.getPrecisionModel());
        pointwise.setPointwise(true);
        pointwise.setChangePrecisionModel(true);
        Geometry reduced = pointwise.reduce(lonLat);
        if (!reduced.isValid()) {
            GeometryPrecisionReducer snapRounding = new GeometryPrecisionReducer(wgs84.getPrecisionModel());
            snapRounding.setChangePrecisionModel(true);
            reduced = snapRounding.reduce(lonLat);
        }
        if (reduced.isEmpty() || !(reduced instanceof Polygonal)) {
            throw new IllegalArgumentException("geometry collapses at 1e-6 degrees");
        }
        reduced.normalize();
        return reduced;
    }

    private ImportSummary apply(List<Parsed> parsed, List<ImportSummary.Rejection> rejected, Layer layer,
                                OcdCrosswalk crosswalk, String label, ImportListener listener, long t0) {
        Instant now = clock.instant();
        String kind = OcdCrosswalk.kind(layer.chamber());
        Set<String> inSource = new HashSet<>();
        parsed.forEach(p -> inSource.add(p.ocdId()));
        List<Division> stored = targets.findDivisions(kind);
        List<String> stale = stored.stream().map(Division::getOcdId)
                .filter(id -> id.startsWith(crosswalk.prefix() + "/") && !inSource.contains(id)).sorted().toList();
        int total = rejected.size() + parsed.size() + stale.size();
        int done = 0;
        for (ImportSummary.Rejection r : rejected) {
            listener.progress(new Progress(++done, total, Outcome.REJECTED, r.location(), r.reason()));
        }
        Map<String, Division> byId = new HashMap<>();
        stored.forEach(d -> byId.put(d.getOcdId(), d));
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<ImportSummary.Rejection> allRejected = new ArrayList<>(rejected);
        for (Parsed p : parsed) {
            Division d = byId.containsKey(p.ocdId()) ? byId.get(p.ocdId()) : targets.findDivision(p.ocdId()).orElse(null);
            Outcome outcome;
            if (d == null) {
                d = new Division(p.ocdId(), kind, layer.chamber(), p.name(), now);
                d.setGeometryWkt(p.wkt());
                d.setSource(truncate(label, 500));
                targets.add(d);
                outcome = Outcome.CREATED;
                created.add(p.ocdId());
            } else if (!kind.equals(d.getKind())) {
                String reason = p.ocdId() + " is stored as a '" + d.getKind() + "' division, not " + kind;
                allRejected.add(new ImportSummary.Rejection(p.location(), reason));
                listener.progress(new Progress(++done, total, Outcome.REJECTED, p.location(), reason));
                continue;
            } else if (!p.name().equals(d.getName()) || !p.wkt().equals(d.getGeometryWkt())) {
                d.setName(p.name());
                d.setGeometryWkt(p.wkt());
                d.setSource(truncate(label, 500));
                d.setUpdatedAt(now);
                outcome = Outcome.UPDATED;
                updated.add(p.ocdId());
            } else {
                outcome = Outcome.UNCHANGED;
                unchanged.add(p.ocdId());
            }
            listener.progress(new Progress(++done, total, outcome, p.ocdId(), null));
        }
        for (String id : stale) {
            LOG.warning(() -> id + " is stored but not in " + label + ": left as it is");
            listener.progress(new Progress(++done, total, Outcome.STALE, id, null));
        }
        return new ImportSummary(label, created, updated, unchanged, List.of(), stale, allRejected,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private static String first(Feature f, List<String> fields) {
        for (String field : fields) {
            String v = f.text(field);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** 12, "12", "012" and TIGER's "D12" are all district 12. */
    private static Integer number(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("^[A-Za-z]+", "");
        if (!digits.matches("\\d{1,6}")) {
            throw new IllegalArgumentException("district number '" + value + "' is not a number");
        }
        return Integer.parseInt(digits);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
