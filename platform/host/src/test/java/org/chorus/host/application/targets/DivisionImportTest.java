package org.chorus.host.application.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chorus.host.domain.target.Division;
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.infrastructure.geo.ShapefileTestFiles;
import org.chorus.host.infrastructure.openstates.OcdCrosswalk;
import org.chorus.host.infrastructure.persistence.JpaRepositories;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.sources.SourceFetcher;
import org.chorus.host.testsupport.SharedData;
import org.chorus.host.testsupport.TestDatabases;
import org.chorus.host.testsupport.TestDatabases.TestDatabase;
import org.chorus.host.testsupport.Zips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * Division import details on H2: shapefiles, rejections and stale districts. Made-up districts live in a made-up
 * state ("zz") with its own crosswalk, so they never touch the Massachusetts ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DivisionImportTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final String ZZ = "ocd-division/country:us/state:zz";

    TestDatabase db;
    Transactions tx;
    TargetRepository repo;
    DivisionImport imports;
    OcdCrosswalk zz;

    @TempDir
    Path tmp;

    @BeforeAll
    void setUp() throws IOException {
        SharedData.dir();
        db = TestDatabases.h2("divisions");
        tx = new Transactions(db.database().entityManagerFactory());
        repo = new JpaRepositories.Targets(tx);
        imports = new DivisionImport(tx, repo, SourceFetcher.defaults(), CLOCK);
        Path cw = Files.writeString(Files.createTempDirectory("zz").resolve("zz.yml"), """
                name: Nowhere
                os-id-prefix: "ocd-division/country:us/state:zz"
                id-mappings:
                  custom:
                    - os-id: "ocd-division/country:us/state:zz/sldl:1st_hill"
                      sld-id: sldl-99001
                    - os-id: "ocd-division/country:us/state:zz/sldl:2nd_hill"
                      sld-id: sldl-99002
                    - os-id: "ocd-division/country:us/state:zz/sldl:valley"
                      sld-id: sldl-99003
                """);
        zz = OcdCrosswalk.read(cw);
    }

    @BeforeEach
    void noMadeUpDistricts() {
        tx.inTransaction(() -> tx.em().createQuery("DELETE FROM Division d WHERE d.ocdId LIKE :zz")
                .setParameter("zz", ZZ + "/%").executeUpdate());
    }

    @AfterAll
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private Path geojson(String name, String features) throws IOException {
        return Files.writeString(tmp.resolve(name), "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
    }

    private static String feature(Object number, String name, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"district_num\":" + number + ",\"district_display\":\"" + name
                + "\"},\"geometry\":" + geometry + "}";
    }

    private static String square(double west, double south) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + west + "," + south + "],[" + (west + 0.01) + "," + south + "],["
                + (west + 0.01) + "," + (south + 0.01) + "],[" + west + "," + (south + 0.01) + "],[" + west + "," + south + "]]]}";
    }

    @Test
    void rejectsWhatItCannotPlaceAndReportsStaleDistricts() throws IOException {
        Path first = geojson("zz1.geojson", String.join(",",
                feature(1, "First Hill", square(-100, 40)),
                feature(2, "2nd Hill", square(-100.01, 40)),
                feature(3, "Valley", square(-100.02, 40))));
        List<ImportListener.Progress> events = new ArrayList<>();
        ImportSummary created = imports.importLayer(DivisionImport.Layer.of(first.toString(), "lower"), zz, events::add);
        assertThat(created.created()).containsExactlyInAnyOrder(ZZ + "/sldl:1st_hill", ZZ + "/sldl:2nd_hill", ZZ + "/sldl:valley");
        assertThat(events).hasSize(3).last().satisfies(e -> assertThat(e.done()).isEqualTo(3));
        // "First Hill" is stored as written in the file
        assertThat(tx.inTransaction(() -> repo.findDivision(ZZ + "/sldl:1st_hill")).orElseThrow().getName()).isEqualTo("First Hill");

        Path second = geojson("zz2.geojson", String.join(",",
                feature(1, "First Hill", square(-100, 40)),
                feature(2, "Second Valley", square(-100.01, 40)),         // name and number disagree
                feature(9, "9th Hill", square(-100.03, 40)),              // not in the crosswalk
                feature(1, "First Hill", square(-100, 40)),               // twice
                feature("\"x\"", "Valley", square(-100.02, 40)),          // not a number
                feature(3, "Valley", "{\"type\":\"Point\",\"coordinates\":[-100,40]}"),
                feature(3, "Valley", "null")));
        ImportSummary s = imports.importLayer(DivisionImport.Layer.of(second.toString(), "lower"), zz, ImportListener.none());
        assertThat(s.unchanged()).containsExactly(ZZ + "/sldl:1st_hill");
        assertThat(s.stale()).containsExactly(ZZ + "/sldl:2nd_hill", ZZ + "/sldl:valley");
        Map<String, String> reasons = s.rejected().stream()
                .collect(Collectors.toMap(ImportSummary.Rejection::location, ImportSummary.Rejection::reason));
        assertThat(reasons).hasSize(6);
        assertThat(reasons.get("zz2.geojson feature 2")).contains("'Second Valley' does not match").contains("2nd_hill");
        assertThat(reasons.get("zz2.geojson feature 3")).contains("district 9").contains("not in the crosswalk");
        assertThat(reasons.get("zz2.geojson feature 4")).contains("appears again").contains("feature 1");
        assertThat(reasons.get("zz2.geojson feature 5")).contains("'x' is not a number");
        assertThat(reasons.get("zz2.geojson feature 6")).contains("Point");
        assertThat(reasons.get("zz2.geojson feature 7")).contains("no geometry");
        // stale districts are left as they are
        assertThat(tx.inTransaction(() -> repo.findDivision(ZZ + "/sldl:valley"))).isPresent();

        Path nothing = geojson("zz3.geojson", feature(7, "Nowhere", square(-100, 40)));
        assertThatThrownBy(() -> imports.importLayer(DivisionImport.Layer.of(nothing.toString(), "lower"), zz,
                ImportListener.none())).isInstanceOf(ImportException.class).hasMessageContaining("no usable district");
    }

    @Test
    void aChangedBoundaryOrNameIsAnUpdate() throws IOException {
        imports.importLayer(DivisionImport.Layer.of(geojson("a.geojson", feature(3, "Valley", square(-100.02, 40))).toString(),
                "lower"), zz, ImportListener.none());
        ImportSummary moved = imports.importLayer(DivisionImport.Layer.of(
                geojson("b.geojson", feature(3, "Valley", square(-100.02, 40.001))).toString(), "lower"), zz, ImportListener.none());
        assertThat(moved.updated()).containsExactly(ZZ + "/sldl:valley");
        assertThat(tx.inTransaction(() -> repo.findDivision(ZZ + "/sldl:valley")).orElseThrow().getGeometryWkt())
                .isEqualTo("POLYGON ((-100.02 40.001, -100.02 40.011, -100.01 40.011, -100.01 40.001, -100.02 40.001))");
    }

    /**
     * The real Senate districts as a MassGIS-style shapefile (geometry of the GeoJSON, the real .dbf and .prj),
     * zipped and read from a path: the same 40 divisions as from the GeoJSON.
     */
    @Test
    void importsTheSenateFromAZippedShapefileLikeFromTheGeoJson() throws Exception {
        OcdCrosswalk ma = OcdCrosswalk.read(SharedData.crosswalk());
        ImportSummary fromGeoJson = imports.importLayer(DivisionImport.Layer.of(SharedData.senateGeoJson().toString(), "upper"),
                ma, ImportListener.none());
        assertThat(fromGeoJson.created().size() + fromGeoJson.unchanged().size()).isEqualTo(40);
        Map<String, String> wktBefore = tx.inTransaction(() -> repo.findDivisions("sldu")).stream()
                .collect(Collectors.toMap(Division::getOcdId, Division::getGeometryWkt));

        Path dir = Files.createDirectories(tmp.resolve("shp"));
        List<Path> files = ShapefileTestFiles.senate(dir);
        Path zip = Zips.zip(tmp.resolve("SENATE2021_POLY.zip"), "SENATE2021_POLY/", files);

        // The .prj gives the CRS: coordinates agree with the EPSG:26986 ones to 1e-6° (rounding may differ in the last digit)
        ImportSummary viaPrj = imports.importLayer(DivisionImport.Layer.of(zip.toString(), "upper"), ma, ImportListener.none());
        assertThat(viaPrj.rejected()).isEmpty();
        assertThat(viaPrj.created()).isEmpty();
        assertThat(viaPrj.unchanged().size() + viaPrj.updated().size()).isEqualTo(40);
        WKTReader reader = new WKTReader();
        for (Division d : tx.inTransaction(() -> repo.findDivisions("sldu"))) {
            Geometry now = reader.read(d.getGeometryWkt());
            Geometry before = reader.read(wktBefore.get(d.getOcdId()));
            assertThat(now.equalsExact(before, 1.5e-6)).as(d.getName()).isTrue();
        }
        // Told the EPSG code, the same file gives exactly the GeoJSON's divisions again
        imports.importLayer(DivisionImport.Layer.of(SharedData.senateGeoJson().toString(), "upper"), ma, ImportListener.none());
        ImportSummary viaCode = imports.importLayer(DivisionImport.Layer.of(zip.toString(), "upper").withCrs("EPSG:26986"), ma,
                ImportListener.none());
        assertThat(viaCode.unchanged()).hasSize(40);
        assertThat(viaCode.source()).isEqualTo(zip.toString());

        // Without a .prj and without a CRS there is no import
        Files.delete(dir.resolve("SENATE2021_POLY.prj"));
        assertThatThrownBy(() -> imports.importLayer(DivisionImport.Layer.of(dir.resolve("SENATE2021_POLY.shp").toString(),
                "upper"), ma, ImportListener.none())).isInstanceOf(ImportException.class).hasMessageContaining("withCrs");
    }

    @Test
    void namesTheFieldsWhenTheyAreNotTheUsualOnes() throws IOException {
        Path f = Files.writeString(tmp.resolve("fields.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"NUM\":\"D02\",\"LABEL\":\"2nd Hill\"},\"geometry\":"
                + square(-100.01, 40) + "}]}");
        ImportSummary s = imports.importLayer(DivisionImport.Layer.of(f.toString(), "lower").withFields("NUM", "LABEL"), zz,
                ImportListener.none());
        assertThat(s.rejected()).isEmpty();
        assertThat(s.created().size() + s.unchanged().size() + s.updated().size()).isEqualTo(1);
        assertThatThrownBy(() -> imports.importLayer(DivisionImport.Layer.of(f.toString(), "lower"), zz, ImportListener.none()))
                .isInstanceOf(ImportException.class).hasMessageContaining("no district number");
    }
}
