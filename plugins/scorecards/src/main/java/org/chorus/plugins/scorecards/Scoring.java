package org.chorus.plugins.scorecards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chorus.plugins.scorecards.Legislation.Bill;
import org.chorus.plugins.scorecards.Legislation.RollCall;
import org.chorus.plugins.scorecards.Records.Sponsorship;
import org.chorus.plugins.scorecards.Records.Vote;
import org.chorus.plugins.scorecards.Rules.Absences;
import org.chorus.plugins.scorecards.Rules.Band;
import org.chorus.plugins.scorecards.Rules.Item;
import org.chorus.plugins.scorecards.Rules.Scorecard;
import org.chorus.plugins.scorecards.Rules.Unknowns;

/**
 * Scores computed from records by a scorecard's rules, never typed in. Exact decimal arithmetic and a fixed item
 * order, so the same records and rules always give the same score, on every machine and database.
 */
final class Scoring {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private Scoring() {
    }

    /** Why rules cannot be used, tied to the form field to fix. */
    record Problem(String field, String message) {
    }

    /** What one item did to a legislator's score; credit null when it did not count (and why). */
    record Line(Item item, BigDecimal credit, BigDecimal weight, String outcome) {
    }

    /**
     * A legislator's score on a scorecard.
     *
     * @param percent null when nothing counted for them (e.g. not in office for any scored vote)
     * @param grade   null when the percent is null or the chamber is not graded
     */
    record Score(String personId, String chamber, BigDecimal earned, BigDecimal possible, BigDecimal percent,
                 String grade, int counted, int absences, int unknowns, List<Line> lines) {
    }

    /** Every reason the rules cannot be evaluated; empty when they can. */
    static List<Problem> check(Scorecard card, Map<Long, Bill> bills, Map<Long, RollCall> rollCalls) {
        List<Problem> problems = new ArrayList<>();
        if (card.absences() == null) {
            problems.add(new Problem("absences", "choose how absences count"));
        }
        if (card.unknowns() == null) {
            problems.add(new Problem("unknowns", "choose how unknown records count"));
        }
        Set<String> seen = new HashSet<>();
        for (Item item : card.items()) {
            String field = item.isBill() ? "weight.bill." + item.billId() : "weight.rc." + item.rollCallId();
            if (!seen.add(field)) {
                problems.add(new Problem(field, "this item is listed twice"));
            }
            if (item.isBill() ? !bills.containsKey(item.billId()) : !rollCalls.containsKey(item.rollCallId())) {
                problems.add(new Problem(field, "this item is not a bill or roll call of the scorecard's session"));
                continue;
            }
            if (item.weight() == null) {
                problems.add(new Problem(field, "give a weight (0 or more)"));
            } else if (item.weight().signum() < 0) {
                problems.add(new Problem(field, "a weight cannot be negative"));
            }
        }
        if (card.items().stream().noneMatch(i -> i.weight() != null && i.weight().signum() > 0)) {
            problems.add(new Problem("items", card.items().isEmpty()
                    ? "there are no scored items: give at least one bill or roll call a weight above 0"
                    : "the weights add up to zero, so no score can be computed: give at least one item a weight above 0"));
        }
        List<String> chambers = card.chambers();
        if (chambers.isEmpty()) {
            problems.add(new Problem("bands", "give grade bands for at least one chamber"));
        }
        if (problems.stream().noneMatch(p -> p.field().equals("items"))) {
            for (String chamber : chambers) {
                BigDecimal weight = BigDecimal.ZERO;
                for (Item item : card.items()) {
                    if (item.weight() == null || item.weight().signum() <= 0) {
                        continue;
                    }
                    RollCall rc = item.isBill() ? null : rollCalls.get(item.rollCallId());
                    if (item.isBill() || (rc != null && rc.chamber().equals(chamber))) {
                        weight = weight.add(item.weight());
                    }
                }
                if (weight.signum() == 0) {
                    problems.add(new Problem("items", "nothing is scored for the " + chamberName(chamber)
                            + " (no bill, and no roll call of that chamber, has a weight above 0); score something there or remove its grade bands"));
                }
            }
        }
        for (String chamber : chambers) {
            String field = "bands." + chamber;
            Set<String> letters = new HashSet<>();
            Set<BigDecimal> mins = new HashSet<>();
            boolean zero = false;
            for (Band b : card.bandsOf(chamber)) {
                if (b.letter() == null || b.letter().isBlank() || b.letter().length() > 5) {
                    problems.add(new Problem(field, "each band needs a letter of 1 to 5 characters"));
                } else if (!letters.add(b.letter())) {
                    problems.add(new Problem(field, "the letter " + b.letter() + " is used twice"));
                }
                if (b.minPercent() == null || b.minPercent().signum() < 0 || b.minPercent().compareTo(HUNDRED) > 0) {
                    problems.add(new Problem(field, "each band starts at a percentage from 0 to 100"));
                } else {
                    if (!mins.add(b.minPercent().stripTrailingZeros())) {
                        problems.add(new Problem(field, "two bands start at " + b.minPercent().stripTrailingZeros().toPlainString() + " %"));
                    }
                    zero |= b.minPercent().signum() == 0;
                }
            }
            if (!zero) {
                problems.add(new Problem(field, "the lowest band must start at 0 % so that every score gets a grade"));
            }
        }
        return problems;
    }

    static String chamberName(String chamber) {
        return "upper".equals(chamber) ? "Senate" : "House";
    }

    /**
     * Scores one legislator. Bills count in both chambers (each member is scored on their chamber's version of the
     * pair); a roll call counts only for members of its chamber.
     */
    static Score score(Scorecard card, String personId, String chamber, RecordBook book, Map<Long, Bill> bills,
                       Map<Long, RollCall> rollCalls) {
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal possible = BigDecimal.ZERO;
        int counted = 0;
        int absences = 0;
        int unknowns = 0;
        List<Line> lines = new ArrayList<>();
        for (Item item : card.items()) {
            BigDecimal w = item.weight() == null ? BigDecimal.ZERO : item.weight();
            BigDecimal credit;
            String outcome;
            if (item.isBill()) {
                Bill bill = bills.get(item.billId());
                if (bill == null) {
                    continue;
                }
                Sponsorship s = book.sponsorship(bill.id(), personId);
                if (s == Sponsorship.UNKNOWN) {
                    unknowns++;
                    credit = card.unknowns() == Unknowns.AGAINST ? BigDecimal.ZERO : null;
                    outcome = "unknown";
                } else {
                    boolean with = s.signedOn() == (bill.side() == Legislation.Side.SUPPORT);
                    credit = with ? BigDecimal.ONE : BigDecimal.ZERO;
                    outcome = with ? "with" : "against";
                }
            } else {
                RollCall rc = rollCalls.get(item.rollCallId());
                if (rc == null || !rc.chamber().equals(chamber)) {
                    continue;
                }
                Vote v = book.vote(rc.id(), personId);
                switch (v) {
                    case NOT_IN_OFFICE -> {
                        credit = null;
                        outcome = "not-in-office";
                    }
                    case NOT_VOTING -> {
                        absences++;
                        credit = card.absences() == Absences.EXCLUDE ? null
                                : card.absences() == Absences.HALF ? HALF : BigDecimal.ZERO;
                        outcome = "absent";
                    }
                    case UNKNOWN -> {
                        unknowns++;
                        credit = card.unknowns() == Unknowns.AGAINST ? BigDecimal.ZERO : null;
                        outcome = "unknown";
                    }
                    default -> {
                        boolean with = v == rc.preferred();
                        credit = with ? BigDecimal.ONE : BigDecimal.ZERO;
                        outcome = with ? "with" : "against";
                    }
                }
            }
            if (w.signum() == 0) {
                credit = null; // on the card, not scored
            }
            if (credit != null) {
                earned = earned.add(w.multiply(credit));
                possible = possible.add(w);
                counted++;
            }
            lines.add(new Line(item, credit, w, outcome));
        }
        BigDecimal percent = percent(earned, possible);
        String grade = percent == null ? null : grade(card.bandsOf(chamber), percent);
        return new Score(personId, chamber, earned, possible, percent, grade, counted, absences, unknowns, List.copyOf(lines));
    }

    /** earned / possible as a percentage with one decimal (half up); null when nothing counted. */
    static BigDecimal percent(BigDecimal earned, BigDecimal possible) {
        if (possible.signum() == 0) {
            return null;
        }
        return earned.multiply(HUNDRED).divide(possible, 1, RoundingMode.HALF_UP);
    }

    /** The letter of the highest band the percentage reaches (bands highest first); null without bands. */
    static String grade(List<Band> bandsHighestFirst, BigDecimal percent) {
        for (Band b : bandsHighestFirst) {
            if (percent.compareTo(b.minPercent()) >= 0) {
                return b.letter();
            }
        }
        return null;
    }

    /** The median of the percentages (mean of the middle two for an even count, one decimal); null when none. */
    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> v = values.stream().filter(java.util.Objects::nonNull).sorted().toList();
        if (v.isEmpty()) {
            return null;
        }
        int n = v.size();
        BigDecimal m = n % 2 == 1 ? v.get(n / 2) : v.get(n / 2 - 1).add(v.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        return m.setScale(1, RoundingMode.HALF_UP);
    }

    /** A pooled score over several scorecards (e.g. a legislator's career): all credit over all weight counted. */
    static BigDecimal pooled(List<Score> scores) {
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal possible = BigDecimal.ZERO;
        for (Score s : scores) {
            earned = earned.add(s.earned());
            possible = possible.add(s.possible());
        }
        return percent(earned, possible);
    }
}
