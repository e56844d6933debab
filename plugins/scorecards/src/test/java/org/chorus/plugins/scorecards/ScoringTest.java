package org.chorus.plugins.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chorus.plugins.scorecards.Legislation.Bill;
import org.chorus.plugins.scorecards.Legislation.RollCall;
import org.chorus.plugins.scorecards.Legislation.Side;
import org.chorus.plugins.scorecards.Records.Position;
import org.chorus.plugins.scorecards.Records.Recorded;
import org.chorus.plugins.scorecards.Records.Sponsorship;
import org.chorus.plugins.scorecards.Records.Vote;
import org.chorus.plugins.scorecards.Rules.Absences;
import org.chorus.plugins.scorecards.Rules.Band;
import org.chorus.plugins.scorecards.Rules.Item;
import org.chorus.plugins.scorecards.Rules.Scorecard;
import org.chorus.plugins.scorecards.Rules.Unknowns;
import org.chorus.plugins.scorecards.Scoring.Problem;
import org.chorus.plugins.scorecards.Scoring.Score;
import org.junit.jupiter.api.Test;

/** Scores from records by rules: each rule's effect, edge cases, refusals, and that the same input gives the same score. */
class ScoringTest {

    static final Bill SAFE = bill(1, "H2580", "S1681", Side.SUPPORT);
    static final Bill DEFENSE = bill(2, "H1954", "S1127", Side.SUPPORT);
    static final Bill BAD = bill(3, "H100", null, Side.OPPOSE);
    static final RollCall H1 = rollCall(11, "lower", "1", Vote.NO);
    static final RollCall H2 = rollCall(12, "lower", "2", Vote.YES);
    static final RollCall S1 = rollCall(21, "upper", "6", Vote.YES);
    static final Map<Long, Bill> BILLS = Map.of(1L, SAFE, 2L, DEFENSE, 3L, BAD);
    static final Map<Long, RollCall> ROLL_CALLS = Map.of(11L, H1, 12L, H2, 21L, S1);

    static Bill bill(long id, String house, String senate, Side side) {
        return new Bill(id, 1, BillNumbers.key(house, senate), house, senate, "An Act " + id, "Bill " + id, null, List.of(),
                null, null, side, (int) id);
    }

    static RollCall rollCall(long id, String chamber, String number, Vote preferred) {
        return new RollCall(id, 1, chamber, number, "H1", null, null, "Vote " + number, null, preferred, List.of(), null, null, (int) id);
    }

    static Scorecard card(Absences absences, Unknowns unknowns, List<Item> items, List<Band> bands) {
        return new Scorecard(1, "test", "Test", 1, absences, unknowns, "staff", Instant.EPOCH, null, items, bands);
    }

    static Scorecard card(Absences absences, Unknowns unknowns, List<Item> items) {
        return card(absences, unknowns, items, Rules.defaultBands());
    }

    static List<Item> everything() {
        return List.of(Item.bill(1, BigDecimal.ONE, true), Item.bill(2, BigDecimal.ONE, true), Item.bill(3, BigDecimal.ONE, false),
                Item.rollCall(11, BigDecimal.ONE), Item.rollCall(12, BigDecimal.ONE), Item.rollCall(21, BigDecimal.ONE));
    }

    static <T> Recorded<T> rec(T value) {
        return new Recorded<>(value, Records.PM, Instant.EPOCH, null, null);
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** A representative: co-sponsors the Safe Communities Act, not the other, not the bad bill; votes H1 as wanted, absent on H2. */
    static RecordBook rep() {
        RecordBook b = new RecordBook();
        b.putSponsorship(1, "rep", rec(Sponsorship.COSPONSOR));
        b.putSponsorship(2, "rep", rec(Sponsorship.NOT_COSPONSOR));
        b.putSponsorship(3, "rep", rec(Sponsorship.NOT_COSPONSOR));
        b.putVote(11, "lower", "rep", rec(Vote.NO));
        b.putVote(12, "lower", "rep", rec(Vote.NOT_VOTING));
        return b;
    }

    @Test
    void billsCountByCoSponsorshipAndAnOpposedBillCountsTheOtherWay() {
        Score s = Scoring.score(card(Absences.EXCLUDE, Unknowns.EXCLUDE, everything()), "rep", "lower", rep(), BILLS, ROLL_CALLS);
        // Safe (with), Defense (against), Bad opposed and not co-sponsored (with), H1 (with), H2 absent: excluded; S1 other chamber.
        assertThat(s.earned()).isEqualByComparingTo("3");
        assertThat(s.possible()).isEqualByComparingTo("4");
        assertThat(s.percent()).isEqualByComparingTo("75.0");
        assertThat(s.grade()).isEqualTo("C");
        assertThat(s.counted()).isEqualTo(4);
        assertThat(s.absences()).isEqualTo(1);
        assertThat(s.lines()).extracting(Scoring.Line::outcome).containsExactly("with", "against", "with", "with", "absent");
    }

    @Test
    void absencesCountAsTheRulesSay() {
        assertThat(Scoring.score(card(Absences.AGAINST, Unknowns.EXCLUDE, everything()), "rep", "lower", rep(), BILLS, ROLL_CALLS).percent())
                .isEqualByComparingTo("60.0"); // 3 of 5
        assertThat(Scoring.score(card(Absences.HALF, Unknowns.EXCLUDE, everything()), "rep", "lower", rep(), BILLS, ROLL_CALLS).percent())
                .isEqualByComparingTo("70.0"); // 3.5 of 5
        assertThat(Scoring.score(card(Absences.EXCLUDE, Unknowns.EXCLUDE, everything()), "rep", "lower", rep(), BILLS, ROLL_CALLS).percent())
                .isEqualByComparingTo("75.0");
    }

    @Test
    void unknownsAreNotCountedUnlessTheRulesCountThemAgainstAndNotInOfficeNeverCounts() {
        RecordBook b = new RecordBook();
        b.putSponsorship(1, "new", rec(Sponsorship.COSPONSOR)); // nothing else known about this new member
        b.putVote(11, "lower", "new", rec(Vote.NOT_IN_OFFICE));
        Score excluded = Scoring.score(card(Absences.AGAINST, Unknowns.EXCLUDE, everything()), "new", "lower", b, BILLS, ROLL_CALLS);
        assertThat(excluded.percent()).isEqualByComparingTo("100.0");
        assertThat(excluded.unknowns()).isEqualTo(3); // two bills and H2; H1 was before their time
        Score against = Scoring.score(card(Absences.AGAINST, Unknowns.AGAINST, everything()), "new", "lower", b, BILLS, ROLL_CALLS);
        assertThat(against.percent()).isEqualByComparingTo("25.0");
        assertThat(Scorecards.stanceCode(b, 2, "new")).as("unknown is never shown as no").isEqualTo("unknown");
        assertThat(Scorecards.stanceCode(rep(), 2, "rep")).isEqualTo("not-cosponsor");
    }

    @Test
    void someoneWithNothingCountedHasNoScoreAndNoGradeRatherThanZero() {
        RecordBook b = new RecordBook();
        b.putVote(21, "upper", "gone", rec(Vote.NOT_IN_OFFICE));
        Score s = Scoring.score(card(Absences.AGAINST, Unknowns.EXCLUDE, List.of(Item.rollCall(21, BigDecimal.ONE))), "gone", "upper",
                b, BILLS, ROLL_CALLS);
        assertThat(s.percent()).isNull();
        assertThat(s.grade()).isNull();
        assertThat(s.counted()).isZero();
    }

    @Test
    void weightsScaleItemsAndAZeroWeightKeepsAnItemOnTheCardWithoutScoringIt() {
        List<Item> weighted = List.of(Item.bill(1, d("3"), true), Item.bill(2, d("1"), true), Item.bill(3, BigDecimal.ZERO, false));
        Score s = Scoring.score(card(Absences.EXCLUDE, Unknowns.EXCLUDE, weighted), "rep", "lower", rep(), BILLS, ROLL_CALLS);
        assertThat(s.percent()).isEqualByComparingTo("75.0"); // 3 of 4
        assertThat(s.lines()).hasSize(3);
        assertThat(s.lines().get(2).credit()).isNull();
    }

    @Test
    void percentagesRoundHalfUpToOneDecimalAndGradesFollowTheBandsOfTheChamber() {
        assertThat(Scoring.percent(d("1"), d("3"))).isEqualByComparingTo("33.3");
        assertThat(Scoring.percent(d("2"), d("3"))).isEqualByComparingTo("66.7");
        assertThat(Scoring.percent(d("1"), d("8"))).isEqualByComparingTo("12.5");
        assertThat(Scoring.percent(d("0"), d("0"))).isNull();
        List<Band> bands = List.of(new Band("upper", "Champion", d("85")), new Band("upper", "Ally", d("50")),
                new Band("upper", "Needs work", d("0")), new Band("lower", "A", d("90")), new Band("lower", "F", d("0")));
        Scorecard c = card(Absences.EXCLUDE, Unknowns.EXCLUDE, everything(), bands);
        assertThat(Scoring.grade(c.bandsOf("upper"), d("85.0"))).isEqualTo("Champion");
        assertThat(Scoring.grade(c.bandsOf("upper"), d("84.9"))).isEqualTo("Ally");
        assertThat(Scoring.grade(c.bandsOf("upper"), d("0.0"))).isEqualTo("Needs work");
        assertThat(Scoring.grade(c.bandsOf("lower"), d("89.9"))).isEqualTo("F");
        assertThat(Scoring.grade(c.bandsOf("lower"), d("90.0"))).isEqualTo("A");
    }

    @Test
    void chamberMediansTakeTheMiddleOrTheMeanOfTheMiddleTwoAndIgnoreTheUnscored() {
        assertThat(Scoring.median(List.of(d("10"), d("50"), d("90")))).isEqualByComparingTo("50.0");
        assertThat(Scoring.median(List.of(d("90"), d("10"), d("40"), d("55")))).isEqualByComparingTo("47.5");
        List<BigDecimal> withNull = new ArrayList<>(List.of(d("70.1"), d("70.2")));
        withNull.add(null);
        assertThat(Scoring.median(withNull)).isEqualByComparingTo("70.2"); // mean 70.15 rounds half up
        assertThat(Scoring.median(List.of())).isNull();
    }

    @Test
    void theSameRecordsAndRulesAlwaysGiveTheSameScoreWhateverTheOrderOfItems() {
        Random random = new Random(42);
        Scorecard base = card(Absences.HALF, Unknowns.AGAINST, everything());
        Score first = Scoring.score(base, "rep", "lower", rep(), BILLS, ROLL_CALLS);
        for (int i = 0; i < 50; i++) {
            List<Item> shuffled = new ArrayList<>(everything());
            Collections.shuffle(shuffled, random);
            Score again = Scoring.score(card(Absences.HALF, Unknowns.AGAINST, shuffled), "rep", "lower", rep(), BILLS, ROLL_CALLS);
            assertThat(again.percent()).isEqualTo(first.percent());
            assertThat(again.earned()).isEqualByComparingTo(first.earned());
            assertThat(again.possible()).isEqualByComparingTo(first.possible());
            assertThat(again.grade()).isEqualTo(first.grade());
        }
        // Weights that are not exact in binary floating point stay exact.
        List<Item> tenths = List.of(Item.bill(1, d("0.1"), false), Item.bill(2, d("0.2"), false));
        assertThat(Scoring.score(card(Absences.EXCLUDE, Unknowns.EXCLUDE, tenths), "rep", "lower", rep(), BILLS, ROLL_CALLS).percent())
                .isEqualByComparingTo("33.3");
    }

    @Test
    void rulesThatCannotBeEvaluatedAreRefusedWithAReason() {
        assertThat(Scoring.check(card(Absences.AGAINST, Unknowns.EXCLUDE, List.of()), BILLS, ROLL_CALLS))
                .extracting(Problem::message).anyMatch(m -> m.contains("no scored items"));
        assertThat(Scoring.check(card(Absences.AGAINST, Unknowns.EXCLUDE, List.of(Item.bill(1, BigDecimal.ZERO, false),
                Item.rollCall(11, BigDecimal.ZERO))), BILLS, ROLL_CALLS))
                .extracting(Problem::message).anyMatch(m -> m.contains("weights add up to zero"));
        assertThat(Scoring.check(card(Absences.AGAINST, Unknowns.EXCLUDE, List.of(Item.bill(1, d("-1"), false), Item.bill(2, d("2"), false))),
                BILLS, ROLL_CALLS)).extracting(Problem::field, Problem::message)
                .contains(org.assertj.core.groups.Tuple.tuple("weight.bill.1", "a weight cannot be negative"));
        assertThat(Scoring.check(card(Absences.AGAINST, Unknowns.EXCLUDE, List.of(Item.rollCall(11, BigDecimal.ONE))), BILLS, ROLL_CALLS))
                .extracting(Problem::message).anyMatch(m -> m.contains("nothing is scored for the Senate"));
        assertThat(Scoring.check(card(Absences.AGAINST, Unknowns.EXCLUDE, List.of(Item.rollCall(11, BigDecimal.ONE)),
                List.of(new Band("lower", "A", d("50")), new Band("lower", "F", d("0")))), BILLS, ROLL_CALLS))
                .as("a House-only scorecard is fine").isEmpty();
        assertThat(Scoring.check(card(Absences.AGAINST, Unknowns.EXCLUDE, everything(), List.of(new Band("lower", "A", d("50")))),
                BILLS, ROLL_CALLS)).extracting(Problem::message).anyMatch(m -> m.contains("must start at 0"));
        assertThat(Scoring.check(card(Absences.AGAINST, Unknowns.EXCLUDE, everything(), List.of(new Band("lower", "A", d("50")),
                new Band("lower", "A", d("0")))), BILLS, ROLL_CALLS)).extracting(Problem::message).anyMatch(m -> m.contains("used twice"));
        assertThat(Scoring.check(card(Absences.AGAINST, Unknowns.EXCLUDE, everything(), List.of(new Band("lower", "A", d("150")),
                new Band("lower", "F", d("0")))), BILLS, ROLL_CALLS)).extracting(Problem::message).anyMatch(m -> m.contains("from 0 to 100"));
        assertThat(Scoring.check(card(Absences.AGAINST, Unknowns.EXCLUDE, everything(), List.of()), BILLS, ROLL_CALLS))
                .extracting(Problem::field).contains("bands");
        assertThat(Scoring.check(card(Absences.AGAINST, Unknowns.EXCLUDE, List.of(Item.bill(99, BigDecimal.ONE, false))), BILLS, ROLL_CALLS))
                .extracting(Problem::message).anyMatch(m -> m.contains("not a bill or roll call of the scorecard's session"));
        assertThat(Scoring.check(card(Absences.AGAINST, Unknowns.EXCLUDE, everything()), BILLS, ROLL_CALLS)).isEmpty();
    }

    @Test
    void aMemberWhoChangedChambersIsScoredWhereTheyVoted() {
        RecordBook b = new RecordBook();
        b.putVote(11, "lower", "moved", rec(Vote.NO));
        b.putVote(12, "lower", "moved", rec(Vote.YES));
        b.putVote(21, "upper", "moved", rec(Vote.NOT_IN_OFFICE));
        assertThat(b.chamberOf("moved", "upper")).isEqualTo("lower");
        assertThat(b.chamberOf("nobody", "upper")).isEqualTo("upper");
        assertThat(b.position(1, "moved")).isEqualTo(Position.UNKNOWN);
    }
}
