package org.chorus.plugins.town;

import org.chorus.testkit.FakePluginContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.chorus.api.DivisionInfo;
import org.chorus.api.lookup.DistrictMatch;
import org.chorus.api.lookup.GeoPoint;
import org.chorus.api.lookup.LookupQuery;
import org.chorus.api.lookup.LookupResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The town lookup over the real crosswalk, ZIP list and divisions (as the host imports them). */
class TownLookupTest {

    static final String OCD = "ocd-division/country:us/state:ma/";

    static Path data;
    static List<DivisionInfo> divisions;
    static TownLookup lookup;
    /** The crosswalk read independently of the code under test: town → [House names, Senate names]. */
    static Map<String, List<Set<String>>> byTown;

    @BeforeAll
    static void load() throws IOException {
        data = SharedData.dir();
        divisions = SharedData.divisions();
        lookup = new TownLookup(new FakePluginContext("town-lookup", data, divisions));
        byTown = new TreeMap<>();
        List<String> lines = Files.readAllLines(data.resolve(TownLookup.CROSSWALK));
        Pattern field = Pattern.compile("\"([^\"]*)\"|([^,]*)");
        for (String line : lines.subList(1, lines.size())) {
            // independent of the code under test: fields may be quoted ("Barnstable, Dukes and Nantucket")
            List<String> f = new ArrayList<>();
            Matcher m = field.matcher(line);
            int at = 0;
            while (at <= line.length() && m.find(at)) {
                f.add(m.group(1) != null ? m.group(1) : m.group(2));
                at = m.end() + 1;
            }
            List<Set<String>> sets = byTown.computeIfAbsent(f.get(0), t -> List.of(new TreeSet<>(), new TreeSet<>()));
            sets.get(0).add(f.get(3));
            sets.get(1).add(f.get(4));
        }
    }

    static LookupResult town(String town) {
        return lookup.lookup(new LookupQuery(null, null, null, town, null, null));
    }

    static LookupResult town(String town, String ward, String precinct) {
        return lookup.lookup(new LookupQuery(null, null, null, town, ward, precinct));
    }

    static LookupResult zip(String zip) {
        return lookup.lookup(new LookupQuery(null, null, zip, null, null, null));
    }

    static DistrictMatch house(String slug) {
        return match(OCD + "sldl:" + slug);
    }

    static DistrictMatch senate(String slug) {
        return match(OCD + "sldu:" + slug);
    }

    static DistrictMatch match(String ocdId) {
        DivisionInfo d = divisions.stream().filter(x -> x.ocdId().equals(ocdId)).findFirst().orElseThrow(() -> new AssertionError(ocdId));
        return new DistrictMatch(d.ocdId(), d.chamber(), d.name());
    }

    static Set<String> ids(List<DistrictMatch> matches) {
        return matches.stream().map(DistrictMatch::ocdId).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The OCD ids a set of crosswalk names should become, spelled out by hand-made rules independent of the code. */
    static Set<String> expectedIds(String kind, Set<String> crosswalkNames) {
        return crosswalkNames.stream().map(n -> divisions.stream()
                        .filter(d -> d.kind().equals(kind) && sameName(d.name(), n)).findFirst()
                        .orElseThrow(() -> new AssertionError("no division for " + n)).ocdId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static final List<String> WORDS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth");

    static boolean sameName(String openStates, String crosswalk) {
        return simple(openStates).equals(simple(crosswalk));
    }

    private static String simple(String name) {
        String s = name.toLowerCase().replace(" & ", " and ");
        s = s.replace("twentieth", "20th").replace("thirtieth", "30th").replace("fortieth", "40th");
        List<String> tens = List.of("twenty", "thirty", "forty");
        for (int t = 0; t < tens.size(); t++) {
            for (int i = 0; i < 9; i++) {
                s = s.replace(tens.get(t) + "-" + WORDS.get(i), (20 + 10 * t + i + 1) + "th");
            }
        }
        for (int i = WORDS.size() - 1; i >= 0; i--) {
            s = s.replaceAll("\\b" + WORDS.get(i) + "\\b", (i + 1) + "th");
        }
        return s.replaceAll("(\\d+)(st|nd|rd|th)", "$1th");
    }

    // ---- towns ----

    @Test
    void aTownWhollyInOneDistrictOfEachChamberSettlesBoth() {
        LookupResult abington = town("Abington");
        assertThat(abington.districts()).containsExactly(senate("norfolk_and_plymouth"), house("7th_plymouth"));
        assertThat(abington.candidates()).isEmpty();
        assertThat(abington.source()).isEqualTo("town");
        assertThat(abington.point()).isNull();
        assertThat(abington.districts().get(1).name()).isEqualTo("7th Plymouth"); // the host's name, not "Seventh Plymouth"
    }

    @Test
    void all258TownsInOneHouseAndOneSenateDistrictSettleBoth() {
        Map<String, List<Set<String>>> whole = byTown.entrySet().stream()
                .filter(e -> e.getValue().get(0).size() == 1 && e.getValue().get(1).size() == 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        assertThat(whole).hasSize(258); // as the data's SOURCE.md says
        for (var e : whole.entrySet()) {
            LookupResult r = town(e.getKey());
            assertThat(r.candidates()).as(e.getKey()).isEmpty();
            assertThat(ids(r.districts())).as(e.getKey()).containsExactlyInAnyOrderElementsOf(union(
                    expectedIds("sldu", e.getValue().get(1)), expectedIds("sldl", e.getValue().get(0))));
        }
    }

    @Test
    void everyTownAnswersWithExactlyItsCrosswalkDistricts() {
        Set<String> seen = new HashSet<>();
        for (var e : byTown.entrySet()) {
            LookupResult r = town(e.getKey());
            Set<String> upper = expectedIds("sldu", e.getValue().get(1));
            Set<String> lower = expectedIds("sldl", e.getValue().get(0));
            assertThat(ids(r.districts())).as(e.getKey()).isEqualTo(union(upper.size() == 1 ? upper : Set.of(), lower.size() == 1 ? lower : Set.of()));
            assertThat(ids(r.candidates())).as(e.getKey()).isEqualTo(union(upper.size() > 1 ? upper : Set.of(), lower.size() > 1 ? lower : Set.of()));
            seen.addAll(ids(r.districts()));
            seen.addAll(ids(r.candidates()));
        }
        assertThat(byTown).hasSize(351);
        assertThat(seen).hasSize(200); // every House and Senate district is reachable, none lost to a name mismatch
    }

    @Test
    void aSplitTownWithoutWardOrPrecinctOffersEveryDistrictOfEachChamber() {
        for (String t : List.of("Boston", "Worcester", "Cambridge")) {
            LookupResult r = town(t);
            assertThat(r.districts()).as(t).isEmpty();
            assertThat(ids(r.candidates())).as(t).isEqualTo(union(expectedIds("sldu", byTown.get(t).get(1)),
                    expectedIds("sldl", byTown.get(t).get(0))));
            // upper chamber first, then lower
            assertThat(r.candidates().get(0).chamber()).isEqualTo("upper");
            assertThat(r.candidates().get(r.candidates().size() - 1).chamber()).isEqualTo("lower");
        }
        assertThat(town("Boston").candidates()).filteredOn(m -> m.chamber().equals("lower")).hasSize(16);
        assertThat(town("Cambridge").candidates()).filteredOn(m -> m.chamber().equals("upper")).hasSize(3);
    }

    @Test
    void wardAndPrecinctSettleASplitTown() {
        // Boston,3,6,Third Suffolk,Third Suffolk
        LookupResult b = town("Boston", "3", "6");
        assertThat(b.districts()).containsExactly(senate("3rd_suffolk"), house("3rd_suffolk"));
        assertThat(b.candidates()).isEmpty();
        // written the way people write them
        assertThat(town("boston", "Ward 03", "Precinct 6")).isEqualTo(b);
        assertThat(town("Boston", "W3", "P6")).isEqualTo(b);
        // Worcester and Cambridge, from their rows
        assertSettledByRow("Worcester");
        assertSettledByRow("Cambridge");
    }

    private static void assertSettledByRow(String town) {
        TownDirectory.Precinct row = lookup.directory().precincts(town).stream()
                .filter(p -> p.precinct().matches("\\d+")).findFirst().orElseThrow();
        LookupResult r = town(town, row.ward(), row.precinct());
        assertThat(ids(r.districts())).as(town).isEqualTo(union(expectedIds("sldu", Set.of(row.senate())), expectedIds("sldl", Set.of(row.house()))));
        assertThat(r.candidates()).as(town).isEmpty();
    }

    @Test
    void aPrecinctWithSubPrecinctsInOtherDistrictsLeavesThoseChambersOpen() {
        // Boston ward 3: precinct 13 → Third Suffolk / Third Suffolk, sub-precinct 13A → Third Suffolk / First Suffolk
        LookupResult thirteen = town("Boston", "3", "13");
        assertThat(thirteen.districts()).containsExactly(house("3rd_suffolk"));
        assertThat(thirteen.candidates()).containsExactly(senate("1st_suffolk"), senate("3rd_suffolk"));
        assertThat(town("Boston", "3", "13a").districts()).containsExactly(senate("1st_suffolk"), house("3rd_suffolk"));
        // a sub-precinct the data do not split falls back to its precinct
        assertThat(town("Boston", "3", "6A")).isEqualTo(town("Boston", "3", "6"));
    }

    @Test
    void aWardAloneNarrowsAndAnUnknownWardOrPrecinctFallsBackToTheTown() {
        LookupResult ward3 = town("Boston", "3", null);
        assertThat(ward3.districts()).isEmpty();
        assertThat(ward3.candidates()).containsExactly(senate("1st_suffolk"), senate("3rd_suffolk"),
                house("3rd_suffolk"), house("8th_suffolk"), house("9th_suffolk"));
        assertThat(town("Boston", "99", "1")).isEqualTo(town("Boston"));
        // a precinct without its ward: that precinct of every ward
        assertThat(town("Boston", null, "1").candidates()).hasSizeLessThan(town("Boston").candidates().size());
        assertThat(town("Boston", "3", "99")).isEqualTo(ward3);
        // a ward in a town without wards is ignored
        assertThat(town("Abington", "5", null)).isEqualTo(town("Abington"));
        // Wellesley's precincts are letters
        assertThat(town("Wellesley", null, "e").districts()).hasSize(2);
    }

    @Test
    void townNamesIgnoreCaseSpacingAndUsualDecorations() {
        LookupResult boston = town("Boston");
        for (String spelled : List.of("  bOsToN ", "BOSTON", "Boston, MA", "City of Boston", "boston massachusetts")) {
            assertThat(town(spelled)).as(spelled).isEqualTo(boston);
        }
        assertThat(town("north   attleborough")).isEqualTo(town("North Attleborough"));
        assertThat(town("Manchester by the Sea")).isEqualTo(town("Manchester-by-the-Sea")).isNotEqualTo(LookupResult.none("town"));
        assertThat(town("Mt. Washington")).isEqualTo(town("Mount Washington"));
        assertThat(town("Town of Acton").candidates()).isNotEmpty();
    }

    @Test
    void villagesNeighbourhoodsAndOldSpellingsAreTheirMunicipality() {
        assertThat(town("Jamaica Plain")).isEqualTo(town("Boston"));
        assertThat(town("Foxboro")).isEqualTo(town("Foxborough"));
        assertThat(town("Marlboro")).isEqualTo(town("Marlborough")); // "-boro" rule, not in the table
        assertThat(town("Hyannis")).isEqualTo(town("Barnstable"));
    }

    @Test
    void unknownTownsAnswerNothing() {
        for (String t : List.of("Bostonia", "Springfield, IL", "Providence", "x")) {
            assertThat(town(t).isEmpty()).as(t).isTrue();
        }
    }

    // ---- ZIP codes ----

    @Test
    void theStateHouseZipIsBostonSoEveryBostonDistrictIsACandidate() {
        LookupResult r = zip("02133");
        assertThat(r).isEqualTo(town("Boston"));
        assertThat(r.districts()).isEmpty();
        assertThat(r.candidates()).contains(senate("3rd_suffolk"), house("8th_suffolk"));
        assertThat(zip("02133-1054")).isEqualTo(r);
        assertThat(zip(" 2133 ")).isEqualTo(r); // the leading zero a spreadsheet dropped
    }

    @Test
    void aZipOfAOneDistrictTownSettlesItWithoutUsingTheZipPoint() {
        // 02351 Abington: its representative point is not used, the town's districts are
        LookupResult r = zip("02351");
        assertThat(r).isEqualTo(town("Abington"));
        assertThat(r.point()).isNull();
    }

    @Test
    void aZipWhosePostalCityIsAVillageTakesItsMunicipality() {
        assertThat(zip("02130")).isEqualTo(town("Boston")); // Jamaica Plain
        assertThat(zip("02459")).isEqualTo(town("Newton")); // Newton Center
        assertThat(zip("02035")).isEqualTo(town("Foxborough")); // Foxboro
        // Bondsville lies in Palmer and Belchertown: both towns' districts, settled only where they agree
        LookupResult bondsville = zip("01009");
        Set<String> upper = union(expectedIds("sldu", byTown.get("Palmer").get(1)), expectedIds("sldu", byTown.get("Belchertown").get(1)));
        Set<String> lower = union(expectedIds("sldl", byTown.get("Palmer").get(0)), expectedIds("sldl", byTown.get("Belchertown").get(0)));
        assertThat(ids(bondsville.districts()).size() + ids(bondsville.candidates()).size()).isEqualTo(upper.size() + lower.size());
        assertThat(union(ids(bondsville.districts()), ids(bondsville.candidates()))).isEqualTo(union(upper, lower));
        // a ZIP line in the table wins over its postal city: 02542 is the base that spans four towns
        assertThat(lookup.directory().townsOfZip("02542")).containsExactly("Bourne", "Falmouth", "Mashpee", "Sandwich");
        assertThat(lookup.directory().townsOfZip("02532")).containsExactly("Bourne");
    }

    @Test
    void everyZipInTheDataReachesAMunicipality() {
        TownDirectory dir = lookup.directory();
        assertThat(dir.skippedVillages()).isEmpty(); // the shipped table names only real municipalities
        assertThat(dir.zips()).hasSize(694);
        for (TownDirectory.PostalCode pc : dir.zips().values()) {
            assertThat(dir.townsOfZip(pc.zip())).as(pc.zip() + " " + pc.city()).isNotEmpty();
            assertThat(zip(pc.zip()).isEmpty()).as(pc.zip() + " " + pc.city()).isFalse();
        }
    }

    @Test
    void zipsOutsideMassachusettsOrNotZipsAnswerNothing() {
        for (String z : List.of("10001", "90210", "03060", "abcde", "021", "0213345")) {
            assertThat(zip(z).isEmpty()).as(z).isTrue();
        }
    }

    // ---- queries ----

    @Test
    void acceptsTownsZipsAndAddressesWithThemAndRunsAfterTheBoundaries() {
        assertThat(lookup.accepts(new LookupQuery(null, null, "02133", null, null, null))).isTrue();
        assertThat(lookup.accepts(new LookupQuery(null, null, null, "Boston", null, null))).isTrue();
        assertThat(lookup.accepts(LookupQuery.ofAddress("24 Beacon St, Boston"))).isTrue();
        assertThat(lookup.accepts(LookupQuery.ofAddress("24 Beacon St 02133"))).isTrue();
        assertThat(lookup.accepts(LookupQuery.ofAddress("24 Beacon St"))).isFalse();
        assertThat(lookup.accepts(LookupQuery.ofPoint(42.3588, -71.0637))).isFalse();
        // a point with a town: accepted, but the boundaries lookup (priority 10) answers first
        assertThat(lookup.accepts(new LookupQuery(new GeoPoint(42.3588, -71.0637), null, null, "Boston", null, null))).isTrue();
        assertThat(lookup.priority()).isGreaterThan(10);
        assertThat(lookup.id()).isEqualTo("town");
    }

    @Test
    void theTownFieldWinsOverTheZipAndAnUnknownTownFallsBackToTheZip() {
        assertThat(lookup.lookup(new LookupQuery(null, null, "02133", "Abington", null, null))).isEqualTo(town("Abington"));
        assertThat(lookup.lookup(new LookupQuery(null, null, "02351", "Nowhere", null, null))).isEqualTo(town("Abington"));
        // ward and precinct apply to the ZIP's town too
        assertThat(lookup.lookup(new LookupQuery(null, null, "02133", null, "3", "6"))).isEqualTo(town("Boston", "3", "6"));
    }

    @Test
    void anAddressAloneIsReadForItsTownOrZip() {
        assertThat(lookup.lookup(LookupQuery.ofAddress("24 Beacon St, Boston, MA 02133"))).isEqualTo(town("Boston"));
        assertThat(lookup.lookup(LookupQuery.ofAddress("1 Main Street, Abington"))).isEqualTo(town("Abington"));
        assertThat(lookup.lookup(LookupQuery.ofAddress("1 Main Street, Abington MA"))).isEqualTo(town("Abington"));
        assertThat(lookup.lookup(LookupQuery.ofAddress("12 Centre St, Jamaica Plain, MA"))).isEqualTo(town("Boston"));
        assertThat(lookup.lookup(LookupQuery.ofAddress("1 Main Street 02351"))).isEqualTo(town("Abington"));
        assertThat(lookup.lookup(LookupQuery.ofAddress("1 Main Street, Nowhere, NH 03060")).isEmpty()).isTrue();
    }

    // ---- divisions and loading ----

    @Test
    void districtsTheHostHasNotImportedAreLeftOutAndPickedUpOnceImported() {
        FakePluginContext ctx = new FakePluginContext("town-lookup", data, List.of());
        TownLookup l = new TownLookup(ctx);
        assertThat(l.lookup(new LookupQuery(null, null, null, "Abington", null, null)).isEmpty()).isTrue();
        ctx.divisions.addAll(divisions.stream().filter(d -> d.kind().equals("sldu")).toList());
        assertThat(l.lookup(new LookupQuery(null, null, null, "Abington", null, null)).districts())
                .containsExactly(senate("norfolk_and_plymouth"));
        ctx.divisions.addAll(divisions.stream().filter(d -> d.kind().equals("sldl")).toList());
        ctx.now = ctx.now.plusSeconds(11 * 60); // after refresh.minutes
        assertThat(l.lookup(new LookupQuery(null, null, null, "Abington", null, null)).districts()).hasSize(2);
    }

    @Test
    void settingsOverrideTheFilesAndAVillagesFileAddsPlaces(@TempDir Path tmp) throws IOException {
        Path csv = Files.writeString(tmp.resolve("crosswalk.csv"), """
                city_town,Ward,Pct,State_Rep,State_Senate,US_House,Gov_Council
                Abington,-,1,Seventh Plymouth,Norfolk and Plymouth,8,Fourth
                Smallville,-,1,Eighth Suffolk,Third Suffolk,8,Sixth
                Smallville,-,2,Ninth Suffolk,Third Suffolk,8,Sixth
                """);
        Path zips = Files.writeString(tmp.resolve("zips.json"), """
                [{"stateCode":"MA","city":"Lois Lane","county":"Suffolk","zip":"02999","zipType":"Non-Unique"}]
                """);
        Path villages = Files.writeString(tmp.resolve("villages.txt"), "# ours\nLois Lane = Smallville\n");
        FakePluginContext ctx = new FakePluginContext("town-lookup", null, divisions);
        ctx.settings.put("crosswalk.file", csv.toString());
        ctx.settings.put("zip.file", zips.toString());
        ctx.settings.put("villages.file", villages.toString());
        TownLookup l = new TownLookup(ctx);
        LookupResult r = l.lookup(new LookupQuery(null, null, "02999", null, null, null));
        assertThat(r.districts()).containsExactly(senate("3rd_suffolk"));
        assertThat(r.candidates()).containsExactly(house("8th_suffolk"), house("9th_suffolk"));
        assertThat(l.lookup(new LookupQuery(null, null, "02133", null, null, null)).isEmpty()).isTrue();
    }

    @Test
    void missingDataIsAnErrorNamingTheSetting(@TempDir Path tmp) {
        TownLookup none = new TownLookup(new FakePluginContext("town-lookup", null, divisions));
        assertThatThrownBy(() -> none.lookup(new LookupQuery(null, null, null, "Boston", null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("crosswalk.file");
        FakePluginContext ctx = new FakePluginContext("town-lookup", data, divisions);
        ctx.settings.put("zip.file", tmp.resolve("nope.json").toString());
        assertThatThrownBy(() -> new TownLookup(ctx).lookup(new LookupQuery(null, null, "02133", null, null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("zip.file");
        // without a ZIP file, towns still answer
        FakePluginContext townsOnly = new FakePluginContext("town-lookup", tmp, divisions);
        townsOnly.settings.put("crosswalk.file", data.resolve(TownLookup.CROSSWALK).toString());
        TownLookup l = new TownLookup(townsOnly);
        assertThat(l.lookup(new LookupQuery(null, null, null, "Abington", null, null))).isEqualTo(town("Abington"));
        assertThat(l.lookup(new LookupQuery(null, null, "02351", null, null, null)).isEmpty()).isTrue();
    }

    @Test
    void theDataAreReadOnceAndSharedBetweenThreads() {
        TownLookup l = new TownLookup(new FakePluginContext("town-lookup", data, divisions));
        List<LookupResult> results = List.of("Boston", "Abington", "Worcester", "02133", "01009").parallelStream()
                .flatMap(q -> java.util.stream.IntStream.range(0, 50).mapToObj(i -> q)).parallel()
                .map(q -> q.matches("\\d+") ? l.lookup(new LookupQuery(null, null, q, null, null, null))
                        : l.lookup(new LookupQuery(null, null, null, q, null, null)))
                .toList();
        assertThat(results).doesNotContainNull();
        assertThat(l.directory()).isSameAs(l.directory());
    }

    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        Set<String> out = new TreeSet<>();
        for (Set<String> s : sets) {
            out.addAll(s);
        }
        return out;
    }
}
