package org.chorus.plugins.scorecards;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A scorecard and the rules it scores by: which bills and roll calls count, their weights, and the grades. */
final class Rules {

    private Rules() {
    }

    /** How a roll call a legislator did not vote on counts: not at all, against them, or half. */
    enum Absences { EXCLUDE, AGAINST, HALF }

    /** How an item with no record for a legislator counts: not at all, or against them. Never shown as "no". */
    enum Unknowns { EXCLUDE, AGAINST }

    static final List<String> CHAMBERS = List.of("upper", "lower");

    /** A scored bill (by co-sponsorship) or roll call; weight 0 keeps an item on the card without scoring it. */
    record Item(Long billId, Long rollCallId, BigDecimal weight, boolean featured) {

        static Item bill(long id, BigDecimal weight, boolean featured) {
            return new Item(id, null, weight, featured);
        }

        static Item rollCall(long id, BigDecimal weight) {
            return new Item(null, id, weight, false);
        }

        boolean isBill() {
            return billId != null;
        }
    }

    /** The lowest percentage (0–100) that earns the letter in a chamber. */
    record Band(String chamber, String letter, BigDecimal minPercent) {
    }

    /** A scorecard for one session. origin: "import" (kept in step with its data until staff edit it) or "staff". */
    record Scorecard(long id, String slug, String title, long sessionId, Absences absences, Unknowns unknowns,
                     String origin, Instant updatedAt, String updatedBy, List<Item> items, List<Band> bands) {

        Scorecard {
            items = List.copyOf(items);
            bands = List.copyOf(bands);
        }

        /** The chambers it grades: those with grade bands, in a fixed order. */
        List<String> chambers() {
            Set<String> out = new LinkedHashSet<>();
            for (String c : CHAMBERS) {
                if (bands.stream().anyMatch(b -> b.chamber().equals(c))) {
                    out.add(c);
                }
            }
            return List.copyOf(out);
        }

        /** Bands of a chamber, highest first. */
        List<Band> bandsOf(String chamber) {
            List<Band> out = new ArrayList<>(bands.stream().filter(b -> b.chamber().equals(chamber)).toList());
            out.sort(Comparator.comparing(Band::minPercent).reversed().thenComparing(Band::letter));
            return out;
        }

        List<Long> featuredBills() {
            return items.stream().filter(i -> i.isBill() && i.featured()).map(Item::billId).toList();
        }

        Scorecard with(Absences a, Unknowns u, List<Item> newItems, List<Band> newBands, String origin, Instant at, String by) {
            return new Scorecard(id, slug, title, sessionId, a, u, origin, at, by, newItems, newBands);
        }
    }

    /** The usual US school grades, for both chambers. */
    static List<Band> defaultBands() {
        List<Band> out = new ArrayList<>();
        for (String chamber : CHAMBERS) {
            out.add(new Band(chamber, "A", new BigDecimal("90")));
            out.add(new Band(chamber, "B", new BigDecimal("80")));
            out.add(new Band(chamber, "C", new BigDecimal("70")));
            out.add(new Band(chamber, "D", new BigDecimal("60")));
            out.add(new Band(chamber, "F", BigDecimal.ZERO));
        }
        return out;
    }
}
