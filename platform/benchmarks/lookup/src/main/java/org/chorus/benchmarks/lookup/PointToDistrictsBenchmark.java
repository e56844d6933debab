package org.chorus.benchmarks.lookup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.chorus.api.lookup.LookupResult;
import org.chorus.host.application.targets.DivisionImport;
import org.chorus.host.application.targets.ImportListener;
import org.chorus.host.domain.target.Division;
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.infrastructure.openstates.OcdCrosswalk;
import org.chorus.host.infrastructure.persistence.Database;
import org.chorus.host.infrastructure.persistence.JpaRepositories;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.sources.SourceFetcher;
import org.chorus.plugins.boundaries.DistrictIndex;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A point → its Senate and House districts, over the 200 real districts as the host imports them (GeoJSON in
 * EPSG:26986, reprojected, stored as WKT) and the district-boundaries plugin indexes them. Points are drawn
 * uniformly inside Massachusetts. Target: ≤ 5 µs per lookup.
 *
 * <p>Run: {@code java -jar platform/benchmarks/lookup/target/lookup-benchmarks.jar} (reads the reference data
 * from {@code -Dchorus.shared.data}, default {@code ../shared/data}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PointToDistrictsBenchmark {

    private DistrictIndex index;
    private double[][] points;
    private int next;

    @Setup
    public void setUp() throws Exception {
        Path data = Path.of(System.getProperty("chorus.shared.data", "../shared/data")).toAbsolutePath().normalize();
        Path dir = Files.createTempDirectory("chorus-bench");
        try (Database db = Database.start("jdbc:h2:mem:bench" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 2)) {
            Transactions tx = new Transactions(db.entityManagerFactory());
            TargetRepository repo = new JpaRepositories.Targets(tx);
            DivisionImport imports = new DivisionImport(tx, repo, SourceFetcher.defaults(), Clock.systemUTC());
            OcdCrosswalk cw = OcdCrosswalk.read(data.resolve("ma-ocd-tiger-crosswalk/openstates-geo_ma.yml"));
            imports.importLayer(DivisionImport.Layer.of(data.resolve("ma-district-boundaries/senate2021.geojson").toString(), "upper"),
                    cw, ImportListener.none());
            imports.importLayer(DivisionImport.Layer.of(data.resolve("ma-district-boundaries/house2021.geojson").toString(), "lower"),
                    cw, ImportListener.none());
            List<DistrictIndex.District> districts = new ArrayList<>();
            for (String kind : List.of("sldu", "sldl")) {
                for (Division d : tx.inTransaction(() -> repo.findDivisions(kind))) {
                    districts.add(new DistrictIndex.District(d.getOcdId(), d.getChamber(), d.getName(), d.getGeometryWkt()));
                }
            }
            index = DistrictIndex.build(districts);
            // Uniform points inside the state: rejection-sample the Senate districts' union envelope.
            WKTReader reader = new WKTReader();
            List<Geometry> senate = new ArrayList<>();
            Envelope env = new Envelope();
            for (DistrictIndex.District d : districts) {
                if ("upper".equals(d.chamber())) {
                    Geometry g = reader.read(d.wkt());
                    senate.add(g);
                    env.expandToInclude(g.getEnvelopeInternal());
                }
            }
            GeometryFactory gf = new GeometryFactory();
            Random random = new Random(42);
            points = new double[4096][];
            int n = 0;
            while (n < points.length) {
                double lon = env.getMinX() + random.nextDouble() * env.getWidth();
                double lat = env.getMinY() + random.nextDouble() * env.getHeight();
                var p = gf.createPoint(new Coordinate(lon, lat));
                for (Geometry g : senate) {
                    if (g.getEnvelopeInternal().contains(p.getCoordinate()) && g.contains(p)) {
                        points[n++] = new double[] {lat, lon};
                        break;
                    }
                }
            }
        }
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public LookupResult pointToBothDistricts() {
        double[] p = points[next++ & (points.length - 1)];
        return index.lookup(p[0], p[1]);
    }
}
