package org.chorus.plugins.boundaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.chorus.api.DivisionInfo;
import org.chorus.api.lookup.DistrictMatch;
import org.chorus.api.lookup.LookupResult;
import org.chorus.plugins.boundaries.DistrictIndex.District;
import org.junit.jupiter.api.Test;

/** The index on small made-up districts around 42°N, where every expected answer can be worked out by hand. */
class DistrictIndexTest {

    /** Metres per degree at 42°N from the usual series (independent of the index's own ellipsoid formulas). */
    static final double PHI = Math.toRadians(42.0);
    static final double M_PER_DEG_LAT = 111132.954 - 559.822 * Math.cos(2 * PHI) + 1.175 * Math.cos(4 * PHI);
    static final double M_PER_DEG_LON = 111412.84 * Math.cos(PHI) - 93.5 * Math.cos(3 * PHI) + 0.118 * Math.cos(5 * PHI);

    static String box(double west, double south, double east, double north) {
        return "POLYGON ((" + west + " " + south + ", " + east + " " + south + ", " + east + " " + north + ", "
                + west + " " + north + ", " + west + " " + south + "))";
    }

    /**
     * Lower chamber: A and B side by side (shared edge at -71.00), C overlapping A's north-west corner by a sliver,
     * D and E separated by a 20 m gap. Upper chamber: one big district over all of it.
     */
    static final List<District> DISTRICTS = List.of(
            new District("ocd:a", "lower", "A", box(-71.02, 42.00, -71.00, 42.02)),
            new District("ocd:b", "lower", "B", box(-71.00, 42.00, -70.98, 42.02)),
            new District("ocd:c", "lower", "C", box(-71.04, 42.0199, -71.0199, 42.04)),
            new District("ocd:d", "lower", "D", box(-70.90, 42.00, -70.88, 42.02)),
            new District("ocd:e", "lower", "E", box(-70.88 + 20 / M_PER_DEG_LON, 42.00, -70.86, 42.02)),
            new District("ocd:u", "upper", "U", box(-71.05, 41.99, -70.85, 42.05)));

    static final DistrictIndex INDEX = DistrictIndex.build(DISTRICTS);

    static DistrictMatch match(String letter) {
        return DISTRICTS.stream().filter(d -> d.name().equals(letter)).findFirst()
                .map(d -> new DistrictMatch(d.ocdId(), d.chamber(), d.name())).orElseThrow();
    }

    @Test
    void aPointInsideOneDistrictPerChamberSettlesBoth() {
        LookupResult r = INDEX.lookup(42.01, -71.01);
        assertThat(r.districts()).containsExactlyInAnyOrder(match("A"), match("U"));
        assertThat(r.candidates()).isEmpty();
        assertThat(r.point().latitude()).isEqualTo(42.01);
        assertThat(r.source()).isEqualTo("boundaries");
        assertThat(INDEX.size()).isEqualTo(6);
        assertThat(INDEX.chambers()).containsExactly("lower", "upper");
    }

    @Test
    void aPointInAnOverlapOrOnASharedBorderLeavesThatChamberToTheSupporter() {
        LookupResult sliver = INDEX.lookup(42.01995, -71.0199 - 0.00005);
        assertThat(sliver.districts()).containsExactly(match("U"));
        assertThat(sliver.candidates()).containsExactly(match("A"), match("C"));
        LookupResult border = INDEX.lookup(42.01, -71.00);
        assertThat(border.candidates()).containsExactly(match("A"), match("B"));
    }

    @Test
    void aPointJustOutsideTakesTheNearestDistrictWithinTheTolerance() {
        // due south of B's south edge (42.00) by 60 m and by 140 m; the upper district reaches 41.99
        LookupResult near = INDEX.lookup(42.00 - 60 / M_PER_DEG_LAT, -70.99);
        assertThat(near.districts()).containsExactlyInAnyOrder(match("B"), match("U"));
        LookupResult far = INDEX.lookup(41.99 - 140 / M_PER_DEG_LAT, -70.99);
        assertThat(far.isEmpty()).isTrue();
        assertThat(far.point()).isNotNull();
    }

    @Test
    void theToleranceIsInMetres() {
        DistrictIndex strict = DistrictIndex.build(DISTRICTS, DistrictIndex.Options.defaults().withTieMetres(0));
        // north of U (42.05) and east of U (-70.85): 99 m is in, 101 m is out, both ways
        assertThat(strict.lookup(42.05 + 99 / M_PER_DEG_LAT, -70.95).districts()).containsExactly(match("U"));
        assertThat(strict.lookup(42.05 + 101 / M_PER_DEG_LAT, -70.95).isEmpty()).isTrue();
        assertThat(strict.lookup(42.00, -70.85 + 99 / M_PER_DEG_LON).districts()).containsExactly(match("U"));
        assertThat(strict.lookup(42.00, -70.85 + 101 / M_PER_DEG_LON).isEmpty()).isTrue();
        DistrictIndex wide = DistrictIndex.build(DISTRICTS, DistrictIndex.Options.defaults().withToleranceMetres(500));
        assertThat(wide.lookup(42.05 + 400 / M_PER_DEG_LAT, -70.95).districts()).containsExactly(match("U"));
        DistrictIndex none = DistrictIndex.build(DISTRICTS, DistrictIndex.Options.defaults().withToleranceMetres(0));
        assertThat(none.lookup(42.05 + 1 / M_PER_DEG_LAT, -70.95).isEmpty()).isTrue();
    }

    @Test
    void aPointInAGapIsSettledOnlyWhenOneSideIsClearlyNearer() {
        double gapWest = -70.88;
        // 3 m from D, 17 m from E: D (14 m apart, more than the 10 m tie)
        LookupResult nearD = INDEX.lookup(42.01, gapWest + 3 / M_PER_DEG_LON);
        assertThat(nearD.districts()).containsExactlyInAnyOrder(match("D"), match("U"));
        // 8 m from D, 12 m from E: as near as the boundaries can tell, so both
        LookupResult middle = INDEX.lookup(42.01, gapWest + 8 / M_PER_DEG_LON);
        assertThat(middle.districts()).containsExactly(match("U"));
        assertThat(middle.candidates()).containsExactly(match("D"), match("E"));
        // with no tie margin the nearer one wins
        DistrictIndex strict = DistrictIndex.build(DISTRICTS, DistrictIndex.Options.defaults().withTieMetres(0));
        assertThat(strict.lookup(42.01, gapWest + 8 / M_PER_DEG_LON).districts()).contains(match("D"));
    }

    @Test
    void holesAndMultipolygonsCount() {
        DistrictIndex index = DistrictIndex.build(List.of(
                new District("ocd:ring", "lower", "Ring", "POLYGON ((-71 42, -70.9 42, -70.9 42.1, -71 42.1, -71 42),"
                        + " (-70.98 42.02, -70.92 42.02, -70.92 42.08, -70.98 42.08, -70.98 42.02))"),
                new District("ocd:islands", "lower", "Islands", "MULTIPOLYGON (((-70.97 42.03, -70.93 42.03, -70.93 42.07,"
                        + " -70.97 42.07, -70.97 42.03)), ((-70.5 41.5, -70.4 41.5, -70.4 41.6, -70.5 41.6, -70.5 41.5)))")));
        assertThat(index.lookup(42.05, -70.95).districts()).extracting(DistrictMatch::name).containsExactly("Islands");
        assertThat(index.lookup(41.55, -70.45).districts()).extracting(DistrictMatch::name).containsExactly("Islands");
        assertThat(index.lookup(42.01, -70.95).districts()).extracting(DistrictMatch::name).containsExactly("Ring");
        // in the hole's water between ring and island, 0.005° (≈ 550 m) from both: nothing
        assertThat(index.lookup(42.025, -70.95).isEmpty()).isTrue();
    }

    @Test
    void buildsFromDivisionInfosAndRefusesBadBoundaries() {
        DistrictIndex fromApi = DistrictIndex.build(List.of(District.of(
                new DivisionInfo("ocd:a", "sldl", "lower", "A", box(-71.02, 42.00, -71.00, 42.02)))));
        assertThat(fromApi.lookup(42.01, -71.01).districts()).containsExactly(match("A"));
        assertThatThrownBy(() -> DistrictIndex.build(List.of(new District("ocd:x", "lower", "X", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ocd:x");
        assertThatThrownBy(() -> DistrictIndex.build(List.of(new District("ocd:y", "lower", "Y", "POLYGON ((0 0, 1"))))
                .hasMessageContaining("ocd:y");
        assertThatThrownBy(() -> DistrictIndex.build(List.of(new District("ocd:z", "lower", "Z", "POINT (0 0)"))))
                .hasMessageContaining("not a polygon");
        assertThatThrownBy(() -> INDEX.lookup(91, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DistrictIndex.build(List.of()).lookup(42, -71).isEmpty()).isTrue();
    }

    @Test
    void isSafeToShareBetweenThreads() {
        List<LookupResult> results = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> INDEX.lookup(42.0001 + (i % 100) * 0.0001, -71.019 + (i / 100) * 0.001)).toList();
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i)).isEqualTo(INDEX.lookup(42.0001 + (i % 100) * 0.0001, -71.019 + (i / 100) * 0.001));
        }
    }
}
