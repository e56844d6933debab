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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chorus.host.application.targets.ImportListener.Outcome;
import org.chorus.host.domain.target.Division;
import org.chorus.host.domain.target.Target;
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.domain.target.TargetStatus;
import org.chorus.host.infrastructure.config.PlatformConfig;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.openstates.OcdCrosswalk;
import org.chorus.host.infrastructure.persistence.JpaRepositories;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.sources.SourceFetcher;
import org.chorus.host.testsupport.LocalHttpServer;
import org.chorus.host.testsupport.OpenStatesCsvFixture;
import org.chorus.host.testsupport.SharedData;
import org.chorus.host.testsupport.TestDatabases.TestDatabase;
import org.chorus.host.testsupport.Zips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKTReader;

/**
 * Legislator and district imports against a real database, with the real Massachusetts data. Runs once per
 * database (H2, PostgreSQL): the districts are imported once per class, the legislators afresh in each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TargetsPersistenceContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final String MA = "ocd-division/country:us/state:ma";
    static final String MOORE = "ocd-person/7b48bd48-8d27-4dd8-958d-703571efe150";
    static final String MOORE_FILE = "Michael-O-Moore-7b48bd48-8d27-4dd8-958d-703571efe150.yml";

    TestDatabase db;
    Transactions tx;
    TargetRepository repo;
    TargetImport targetImport;
    DivisionImport divisionImport;
    OcdCrosswalk crosswalk;
    ImportSummary senate;
    ImportSummary house;
    TargetImport.Options options;

    /** Why the tests cannot run here (no data, no database), reported on each test so skips show in the report. */
    String unavailable;

    @TempDir
    Path tmp;

    protected abstract TestDatabase open();

    @BeforeAll
    void setUp() throws IOException {
        Path crosswalkFile;
        try {
            crosswalkFile = SharedData.crosswalk(); // skips (or fails on CI) before a database is made when data is missing
            db = open();
        } catch (TestAbortedException e) {
            unavailable = e.getMessage();
            return;
        }
        tx = new Transactions(db.database().entityManagerFactory());
        repo = new JpaRepositories.Targets(tx);
        targetImport = new TargetImport(tx, repo, SourceFetcher.defaults(), CLOCK);
        divisionImport = new DivisionImport(tx, repo, SourceFetcher.defaults(), CLOCK);
        crosswalk = OcdCrosswalk.read(crosswalkFile);
        options = TargetImport.Options.forJurisdiction(crosswalk);
        senate = divisionImport.importLayer(DivisionImport.Layer.of(SharedData.senateGeoJson().toString(), "upper"),
                crosswalk, ImportListener.none());
        house = divisionImport.importLayer(DivisionImport.Layer.of(SharedData.houseGeoJson().toString(), "lower"),
                crosswalk, ImportListener.none());
    }

    @AfterAll
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void noTargets() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        tx.inTransaction(() -> tx.em().createQuery("DELETE FROM Target t").executeUpdate());
    }

    // ------------------------------------------------------------------ helpers

    ImportSummary importPeople(String source) {
        return targetImport.importLegislators(source, options, ImportListener.none());
    }

    ImportSummary importAllYaml() {
        return importPeople(SharedData.legislatorsYaml().toString());
    }

    List<Target> sitting() {
        return tx.inTransaction(() -> repo.findSitting());
    }

    Target target(String externalId) {
        return tx.inTransaction(() -> repo.findByExternalId(externalId).orElseThrow());
    }

    List<Division> divisions(String kind) {
        return tx.inTransaction(() -> repo.findDivisions(kind));
    }

    /** A copy of the YAML folder without some files (and with replacements). */
    Path yamlCopy(List<String> without, Map<String, String> replaced) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("people-" + System.nanoTime()));
        try (Stream<Path> s = Files.list(SharedData.legislatorsYaml())) {
            for (Path f : s.toList()) {
                String name = f.getFileName().toString();
                if (!without.contains(name)) {
                    Files.copy(f, dir.resolve(name));
                }
            }
        }
        for (Map.Entry<String, String> e : replaced.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        return dir;
    }

    // ------------------------------------------------------------------ districts

    @Test
    void importsThe40SenateAnd160HouseDistricts() throws Exception {
        assertThat(senate.created()).hasSize(40);
        assertThat(house.created()).hasSize(160);
        assertThat(senate.rejected()).isEmpty();
        assertThat(house.rejected()).isEmpty();
        List<Division> sldu = divisions("sldu");
        List<Division> sldl = divisions("sldl");
        assertThat(sldu).hasSize(40).allMatch(d -> d.getChamber().equals("upper") && d.getOcdId().startsWith(MA + "/sldu:"));
        assertThat(sldl).hasSize(160).allMatch(d -> d.getChamber().equals("lower") && d.getOcdId().startsWith(MA + "/sldl:"));
        Map<String, String> names = Stream.concat(sldu.stream(), sldl.stream())
                .collect(Collectors.toMap(Division::getOcdId, Division::getName));
        // names as the legislators' data write them: words in the Senate, digits in the House
        assertThat(names).containsEntry(MA + "/sldu:3rd_suffolk", "Third Suffolk")
                .containsEntry(MA + "/sldl:8th_suffolk", "8th Suffolk")
                .containsEntry(MA + "/sldu:1st_worcester", "First Worcester")
                .containsEntry(MA + "/sldl:15th_worcester", "15th Worcester")
                .containsEntry(MA + "/sldu:berkshire_hampden_franklin_and_hampshire", "Berkshire, Hampden, Franklin and Hampshire")
                .containsEntry(MA + "/sldl:barnstable_dukes_and_nantucket", "Barnstable, Dukes and Nantucket");
        Envelope massachusetts = new Envelope(-73.6, -69.8, 41.1, 43.0);
        WKTReader reader = new WKTReader();
        for (Division d : Stream.concat(sldu.stream(), sldl.stream()).toList()) {
            Geometry g = reader.read(d.getGeometryWkt());
            assertThat(g).as(d.getName()).isInstanceOf(Polygonal.class);
            assertThat(g.isValid()).as("%s is valid", d.getName()).isTrue();
            assertThat(massachusetts.contains(g.getEnvelopeInternal())).as("%s lies in MA, in lon/lat", d.getName()).isTrue();
            assertThat(d.getSource()).endsWith(".geojson");
        }
    }

    @Test
    void reimportingTheDistrictsChangesNothing() {
        ImportSummary s = divisionImport.importLayer(DivisionImport.Layer.of(SharedData.senateGeoJson().toString(), "upper"),
                crosswalk, ImportListener.none());
        ImportSummary h = divisionImport.importLayer(DivisionImport.Layer.of(SharedData.houseGeoJson().toString(), "lower"),
                crosswalk, ImportListener.none());
        assertThat(s.unchanged()).hasSize(40);
        assertThat(h.unchanged()).hasSize(160);
        assertThat(List.of(s, h)).allSatisfy(x -> {
            assertThat(x.changedAnything()).isFalse();
            assertThat(x.stale()).isEmpty();
            assertThat(x.rejected()).isEmpty();
        });
    }

    // ------------------------------------------------------------------ legislators

    @Test
    void importsAll198Legislators() {
        ImportSummary s = importAllYaml();
        assertThat(s.created()).hasSize(198);
        assertThat(s.updated()).isEmpty();
        assertThat(s.retired()).isEmpty();
        assertThat(s.rejected()).isEmpty();
        List<Target> all = sitting();
        assertThat(all).hasSize(198);
        assertThat(all).filteredOn(t -> "upper".equals(t.getChamber())).hasSize(40)
                .allMatch(t -> t.getTitle().equals("Senator") && t.getDivision().getKind().equals("sldu"));
        assertThat(all).filteredOn(t -> "lower".equals(t.getChamber())).hasSize(158)
                .allMatch(t -> t.getTitle().equals("Representative") && t.getDivision().getKind().equals("sldl"));
        assertThat(partyCounts(all, "upper")).containsExactlyInAnyOrderEntriesOf(Map.of("Democratic", 35L, "Republican", 5L));
        assertThat(partyCounts(all, "lower"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("Democratic", 132L, "Republican", 25L, "Independent", 1L));
        assertThat(all).allMatch(t -> t.getKind().equals(TargetImport.KIND) && t.getStatus() == TargetStatus.SITTING
                && t.getEmail() != null && t.getPhotoUrl() != null);
        assertThat(all).filteredOn(t -> t.getPhone() == null).extracting(Target::getName).containsExactly("Lisa Field");

        Target moore = target(MOORE);
        assertThat(moore.getName()).isEqualTo("Mike Moore");
        assertThat(moore.getTitle()).isEqualTo("Senator");
        assertThat(moore.getParty()).isEqualTo("Democratic");
        assertThat(moore.getEmail()).isEqualTo("michael.moore@masenate.gov");
        assertThat(moore.getPhone()).isEqualTo("617-722-1485");
        assertThat(moore.getPhotoUrl()).isEqualTo("https://malegislature.gov/Legislators/Profile/170/MOM0.jpg");
        assertThat(moore.getDivision().getOcdId()).isEqualTo(MA + "/sldu:2nd_worcester");
        assertThat(moore.getDivision().getName()).isEqualTo("Second Worcester");
        assertThat(Json.readObject(moore.getDataJson())).containsEntry("memberCode", "MOM0")
                .containsEntry("districtPhone", "508-757-0323 ext. 13");
        assertThat(moore.getSource()).endsWith("openstates-people-ma-legislature/" + MOORE_FILE);
    }

    private static Map<String, Long> partyCounts(List<Target> targets, String chamber) {
        return targets.stream().filter(t -> chamber.equals(t.getChamber()))
                .collect(Collectors.groupingBy(Target::getParty, Collectors.counting()));
    }

    @Test
    void theTwoVacantSeatsHaveADivisionAndNobodyInIt() {
        importAllYaml();
        Map<String, Integer> perDivision = new HashMap<>();
        for (String kind : List.of("sldu", "sldl")) {
            for (Division d : divisions(kind)) {
                perDivision.put(d.getName(), tx.inTransaction(() -> repo.findSittingByDivision(d.getOcdId())).size());
            }
        }
        assertThat(perDivision).hasSize(200);
        assertThat(perDivision.entrySet()).filteredOn(e -> e.getValue() == 0).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("17th Middlesex", "1st Franklin");
        assertThat(perDivision.values()).filteredOn(n -> n == 1).hasSize(198);
    }

    @Test
    void reimportingIsIdempotent() {
        importAllYaml();
        Instant updatedBefore = target(MOORE).getUpdatedAt();
        ImportSummary again = importAllYaml();
        assertThat(again.unchanged()).hasSize(198);
        assertThat(again.changedAnything()).isFalse();
        assertThat(again.rejected()).isEmpty();
        assertThat(target(MOORE).getUpdatedAt()).isEqualTo(updatedBefore);
    }

    @Test
    void aLegislatorWhoLeavesTheSourceIsRetiredNotDeletedAndComesBackWhenTheyReturn() throws IOException {
        importAllYaml();
        ImportSummary without = importPeople(yamlCopy(List.of(MOORE_FILE), Map.of()).toString());
        assertThat(without.retired()).containsExactly(MOORE);
        assertThat(without.unchanged()).hasSize(197);
        assertThat(without.created()).isEmpty();
        Target moore = target(MOORE);
        assertThat(moore.getStatus()).isEqualTo(TargetStatus.RETIRED);
        assertThat(moore.getDivision().getOcdId()).isEqualTo(MA + "/sldu:2nd_worcester"); // history kept
        assertThat(sitting()).hasSize(197);
        assertThat(tx.inTransaction(() -> repo.findSittingByDivision(MA + "/sldu:2nd_worcester"))).isEmpty();

        ImportSummary back = importAllYaml();
        assertThat(back.updated()).containsExactly(MOORE);
        assertThat(back.unchanged()).hasSize(197);
        assertThat(target(MOORE).getStatus()).isEqualTo(TargetStatus.SITTING);
    }

    @Test
    void refusesToRetireMostLegislatorsAtOnce() throws IOException {
        importAllYaml();
        List<String> all;
        try (Stream<Path> s = Files.list(SharedData.legislatorsYaml())) {
            all = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Path three = yamlCopy(all.subList(3, all.size()), Map.of());
        assertThatThrownBy(() -> importPeople(three.toString())).isInstanceOf(ImportException.class)
                .hasMessageContaining("would retire 195 of 198");
        assertThat(sitting()).hasSize(198); // nothing changed
        ImportSummary forced = targetImport.importLegislators(three.toString(), options.allowingMassRetirement(),
                ImportListener.none());
        assertThat(forced.retired()).hasSize(195);
        assertThat(sitting()).hasSize(3);
    }

    @Test
    void aLegislatorWithAnUnknownDistrictIsRejectedWithTheReasonAndNotRetired() throws IOException {
        importAllYaml();
        String moore = Files.readString(SharedData.legislatorsYaml().resolve(MOORE_FILE))
                .replace("district: Second Worcester", "district: Ninth Worcester");
        String broken = "id: ocd-person/2cf31d35-c3e8-4627-a534-08dce38078db\nname: [unclosed\n";
        String barrettFile = "Michael-J-Barrett-2cf31d35-c3e8-4627-a534-08dce38078db.yml";
        ImportSummary s = importPeople(yamlCopy(List.of(), Map.of(MOORE_FILE, moore, barrettFile, broken)).toString());
        assertThat(s.rejected()).hasSize(2);
        assertThat(s.rejected()).anySatisfy(r -> {
            assertThat(r.location()).isEqualTo(MOORE_FILE);
            assertThat(r.reason()).contains("Ninth Worcester");
        });
        assertThat(s.rejected()).anySatisfy(r -> {
            assertThat(r.location()).startsWith(barrettFile + ":");
            assertThat(r.reason()).contains("not valid YAML");
        });
        assertThat(s.retired()).isEmpty(); // a record we could not read is not a departure
        assertThat(s.unchanged()).hasSize(196);
        assertThat(target(MOORE).getStatus()).isEqualTo(TargetStatus.SITTING);
    }

    @Test
    void theFlatCsvAndTheOpenStatesCsvAgreeWithTheYaml() throws IOException {
        ImportSummary fromCsv = importPeople(SharedData.legislatorsFlatCsv().toString());
        assertThat(fromCsv.created()).hasSize(198);
        assertThat(fromCsv.rejected()).isEmpty();
        assertThat(target(MOORE).getSource()).endsWith("legislators_flat.csv:" + lineOf(MOORE));
        assertThat(importAllYaml().unchanged()).hasSize(198);

        Path openStatesCsv = OpenStatesCsvFixture.write(SharedData.legislatorsYaml(), tmp.resolve("ma.csv"));
        ImportSummary fromOpenStates = importPeople(openStatesCsv.toString());
        assertThat(fromOpenStates.rejected()).isEmpty();
        // That CSV has no member codes: the stored ones stay
        assertThat(fromOpenStates.unchanged()).hasSize(198);
        assertThat(Json.readObject(target(MOORE).getDataJson())).containsEntry("memberCode", "MOM0");
    }

    private static int lineOf(String id) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.legislatorsFlatCsv());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(id + ",")) {
                return i + 1;
            }
        }
        throw new AssertionError(id + " not in the CSV");
    }

    @Test
    void reportsProgressForEveryRecord() throws IOException {
        importAllYaml();
        List<ImportListener.Progress> events = new ArrayList<>();
        ImportSummary s = targetImport.importLegislators(yamlCopy(List.of(MOORE_FILE), Map.of()).toString(), options,
                events::add);
        assertThat(events).hasSize(198);
        assertThat(events).extracting(ImportListener.Progress::done).isSorted().endsWith(198);
        assertThat(events).allMatch(e -> e.total() == 198);
        Map<Outcome, Long> byOutcome = events.stream()
                .collect(Collectors.groupingBy(ImportListener.Progress::outcome, () -> new EnumMap<>(Outcome.class), Collectors.counting()));
        assertThat(byOutcome).containsExactlyInAnyOrderEntriesOf(Map.of(Outcome.UNCHANGED, 197L, Outcome.RETIRED, 1L));
        assertThat(s.toString()).contains("unchanged 197").contains("retired 1");
    }

    @Test
    void aRepresentativeWhoMovesToTheSenateIsUpdatedAndTheirOldSeatFallsVacant() throws IOException {
        String howardFile = "Vanna-Howard-053aae1e-ae76-41b0-912c-39f27f3f6d6f.yml";
        String howardId = "ocd-person/053aae1e-ae76-41b0-912c-39f27f3f6d6f";
        // Before March 2026: still the 17th Middlesex representative
        String before = Files.readString(SharedData.legislatorsYaml().resolve(howardFile))
                .replace("  type: upper\n", "  type: lower\n").replace("district: First Middlesex", "district: 17th Middlesex")
                .replace("@masenate.gov", "@mahouse.gov");
        assertThat(importPeople(yamlCopy(List.of(), Map.of(howardFile, before)).toString()).created()).hasSize(198);
        assertThat(target(howardId).getTitle()).isEqualTo("Representative");
        assertThat(tx.inTransaction(() -> repo.findSittingByDivision(MA + "/sldl:17th_middlesex"))).hasSize(1);

        ImportSummary after = importAllYaml();
        assertThat(after.updated()).containsExactly(howardId);
        Target howard = target(howardId);
        assertThat(howard.getTitle()).isEqualTo("Senator");
        assertThat(howard.getChamber()).isEqualTo("upper");
        assertThat(howard.getEmail()).isEqualTo("vanna.howard@masenate.gov");
        assertThat(howard.getDivision().getName()).isEqualTo("First Middlesex");
        assertThat(tx.inTransaction(() -> repo.findSittingByDivision(MA + "/sldl:17th_middlesex"))).isEmpty();
    }

    @Test
    void seedsDistrictsAndLegislatorsFromTheConfiguredReferenceDataFolder() {
        PlatformConfig config = PlatformConfig.of(Map.of("platform.reference.data.dir", SharedData.dir().toString()));
        MassachusettsData.Seeded seeded = MassachusettsData.from(config).importInto(divisionImport, targetImport,
                ImportListener.none());
        assertThat(seeded.senate().unchanged()).hasSize(40);
        assertThat(seeded.house().unchanged()).hasSize(160);
        assertThat(seeded.legislators().created()).hasSize(198);
    }

    @Test
    void importsFromUrlsServedLocally() throws IOException {
        List<Path> yaml;
        try (Stream<Path> s = Files.list(SharedData.legislatorsYaml())) {
            yaml = s.sorted().toList();
        }
        Path zip = Zips.zip(tmp.resolve("people.zip"), "people-main/data/ma/legislature/", yaml);
        try (LocalHttpServer server = new LocalHttpServer()
                .file("/people.zip", zip, "application/zip")
                .file("/ma/legislators_flat.csv", SharedData.legislatorsFlatCsv(), "text/csv")
                .file("/house2021.geojson", SharedData.houseGeoJson(), "application/geo+json")
                .status("/gone.csv", 404)) {
            ImportSummary fromZip = importPeople(server.url("/people.zip"));
            assertThat(fromZip.created()).hasSize(198);
            assertThat(fromZip.source()).isEqualTo(server.url("/people.zip"));
            assertThat(target(MOORE).getSource()).isEqualTo(server.url("/people.zip") + "/" + MOORE_FILE);

            assertThat(importPeople(server.url("/ma/legislators_flat.csv")).unchanged()).hasSize(198);

            ImportSummary houseByUrl = divisionImport.importLayer(DivisionImport.Layer.of(server.url("/house2021.geojson"), "lower"),
                    crosswalk, ImportListener.none());
            assertThat(houseByUrl.unchanged()).hasSize(160);

            assertThatThrownBy(() -> importPeople(server.url("/gone.csv"))).isInstanceOf(ImportException.class)
                    .hasMessageContaining("HTTP 404");
            assertThat(sitting()).hasSize(198);
        }
    }
}
