package org.chorus.host.application.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chorus.api.lookup.DistrictMatch;
import org.chorus.api.lookup.LookupResult;
import org.chorus.plugins.boundaries.DistrictIndex;
import org.chorus.plugins.boundaries.DistrictIndex.District;
import org.chorus.host.domain.target.Division;
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.infrastructure.openstates.OcdCrosswalk;
import org.chorus.host.infrastructure.persistence.JpaRepositories;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.sources.SourceFetcher;
import org.chorus.host.testsupport.SharedData;
import org.chorus.host.testsupport.TestDatabases;
import org.chorus.host.testsupport.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The index over the real 40 Senate and 160 House districts as {@link DivisionImport} stores them (imported into
 * H2, read back as WKT), looked up at points whose answer is known.
 */
class DistrictIndexMassachusettsTest {

    static List<District> districts;
    static Map<String, Geometry> geometries;
    static DistrictIndex index;

    @BeforeAll
    static void importDistricts() throws Exception {
        OcdCrosswalk crosswalk = OcdCrosswalk.read(SharedData.crosswalk());
        try (TestDatabase db = TestDatabases.h2("index")) {
            Transactions tx = new Transactions(db.database().entityManagerFactory());
            TargetRepository repo = new JpaRepositories.Targets(tx);
            DivisionImport imports = new DivisionImport(tx, repo, SourceFetcher.defaults(), Clock.systemUTC());
            imports.importLayer(DivisionImport.Layer.of(SharedData.senateGeoJson().toString(), "upper"), crosswalk,
                    ImportListener.none());
            imports.importLayer(DivisionImport.Layer.of(SharedData.houseGeoJson().toString(), "lower"), crosswalk,
                    ImportListener.none());
            List<Division> stored = new ArrayList<>(tx.inTransaction(() -> repo.findDivisions("sldu")));
            stored.addAll(tx.inTransaction(() -> repo.findDivisions("sldl")));
            districts = stored.stream().map(d -> new District(d.getOcdId(), d.getChamber(), d.getName(), d.getGeometryWkt()))
                    .toList();
        }
        WKTReader reader = new WKTReader();
        geometries = districts.stream().collect(Collectors.toMap(District::ocdId, d -> {
            try {
                return reader.read(d.wkt());
            } catch (org.locationtech.jts.io.ParseException e) {
                throw new IllegalStateException(e);
            }
        }));
        index = DistrictIndex.build(districts);
    }

    static List<String> names(List<DistrictMatch> matches, String chamber) {
        return matches.stream().filter(m -> m.chamber().equals(chamber)).map(DistrictMatch::name).toList();
    }

    @Test
    void anInteriorPointOfEachOfThe200DistrictsFindsExactlyThatDistrict() {
        assertThat(districts).hasSize(200);
        List<String> wrong = new ArrayList<>();
        for (District d : districts) {
            Geometry g = geometries.get(d.ocdId());
            Coordinate p = InteriorPointArea.getInteriorPoint(g);
            LookupResult r = index.lookup(p.y, p.x);
            if (!names(r.districts(), d.chamber()).equals(List.of(d.name())) || !names(r.candidates(), d.chamber()).isEmpty()) {
                wrong.add(d.name() + " at " + p + ": " + r);
            }
            // the other chamber answers too (every point of the state is in one district of each)
            String other = d.chamber().equals("upper") ? "lower" : "upper";
            assertThat(names(r.districts(), other).size() + names(r.candidates(), other).size())
                    .as("other chamber at %s", d.name()).isPositive();
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theStateHouseIsInThe8thSuffolkAndTheThirdSuffolk() {
        LookupResult r = index.lookup(42.3588, -71.0637);
        assertThat(r.districts()).containsExactlyInAnyOrder(
                new DistrictMatch("ocd-division/country:us/state:ma/sldu:3rd_suffolk", "upper", "Third Suffolk"),
                new DistrictMatch("ocd-division/country:us/state:ma/sldl:8th_suffolk", "lower", "8th Suffolk"));
        assertThat(r.candidates()).isEmpty();
    }

    @Test
    void worcesterCityHallIsInThe15thWorcesterAndTheFirstWorcester() {
        LookupResult r = index.lookup(42.2626, -71.8023);
        assertThat(names(r.districts(), "lower")).containsExactly("15th Worcester");
        assertThat(names(r.districts(), "upper")).containsExactly("First Worcester");
        assertThat(r.candidates()).isEmpty();
    }

    @Test
    void justOffTheCoastTakesTheNearestDistrictAndFartherOutNothing() {
        // Nantucket's southernmost vertex, then points due south of it: no district reaches farther south
        Geometry islands = geometries.get("ocd-division/country:us/state:ma/sldl:barnstable_dukes_and_nantucket");
        Coordinate south = islands.getCoordinates()[0];
        for (Coordinate c : islands.getCoordinates()) {
            if (c.y < south.y) {
                south = c;
            }
        }
        double metresPerDegree = 111_050; // at 41.2°N, near enough for 50 m and 150 m
        LookupResult r50 = index.lookup(south.y - 50 / metresPerDegree, south.x);
        assertThat(geometries.values()).noneMatch(g -> g.covers(g.getFactory().createPoint(new Coordinate(r50.point().longitude(),
                r50.point().latitude()))));
        assertThat(r50.districts()).containsExactlyInAnyOrder(
                new DistrictMatch("ocd-division/country:us/state:ma/sldu:cape_and_islands", "upper", "Cape and Islands"),
                new DistrictMatch("ocd-division/country:us/state:ma/sldl:barnstable_dukes_and_nantucket", "lower",
                        "Barnstable, Dukes and Nantucket"));
        assertThat(r50.candidates()).isEmpty();
        assertThat(index.lookup(south.y - 150 / metresPerDegree, south.x).isEmpty()).isTrue();
    }

    @Test
    void farOutAtSeaAndInNeighbouringStatesThereIsNothing() {
        assertThat(index.lookup(41.0, -69.0).isEmpty()).as("Atlantic, east of Nantucket").isTrue();
        assertThat(index.lookup(43.2081, -71.5376).isEmpty()).as("Concord, New Hampshire").isTrue();
        assertThat(index.lookup(42.6526, -73.7562).isEmpty()).as("Albany, New York").isTrue();
        assertThat(index.lookup(41.8240, -71.4128).isEmpty()).as("Providence, Rhode Island").isTrue();
    }

    @Test
    void aPointWhereTwoHouseDistrictsOverlapOffersBoth() {
        List<District> house = districts.stream().filter(d -> d.chamber().equals("lower")).toList();
        for (int i = 0; i < house.size(); i++) {
            for (int j = i + 1; j < house.size(); j++) {
                Geometry a = geometries.get(house.get(i).ocdId());
                Geometry b = geometries.get(house.get(j).ocdId());
                if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
                    continue;
                }
                Geometry overlap = a.intersection(b);
                if (overlap.getArea() < 1e-8) { // about 100 m²
                    continue;
                }
                Coordinate p = InteriorPointArea.getInteriorPoint(overlap);
                LookupResult r = index.lookup(p.y, p.x);
                assertThat(names(r.districts(), "lower")).isEmpty();
                assertThat(names(r.candidates(), "lower")).contains(house.get(i).name(), house.get(j).name());
                return;
            }
        }
        throw new AssertionError("no overlapping House districts found; SOURCE.md reports 0.57 km² of slivers");
    }
}
