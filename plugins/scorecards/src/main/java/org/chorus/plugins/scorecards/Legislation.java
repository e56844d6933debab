package org.chorus.plugins.scorecards;

import java.time.LocalDate;
import java.util.List;

/** What a legislature did in a session that a scorecard can score: bills (House/Senate pairs) and roll calls. */
final class Legislation {

    private Legislation() {
    }

    /** A legislative session, e.g. the 194th General Court (2025–2026), keyed by its first year ("2025"). */
    record Session(long id, String key, String name, Integer courtNumber, int startYear, int endYear) {
    }

    /** The coalition's position on a bill: co-sponsoring a SUPPORT bill counts for, an OPPOSE bill against. */
    enum Side { SUPPORT, OPPOSE }

    /**
     * A piece of legislation: its House and Senate versions paired, or one of them.
     *
     * @param key the canonical pair, e.g. "H2580 / S1681"
     */
    record Bill(long id, long sessionId, String key, String houseNumber, String senateNumber, String officialTitle,
                String shortName, String description, List<String> tags, String houseUrl, String senateUrl, Side side,
                int sortOrder) {

        Bill {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        /** The campaign's short name, else the official title. */
        String name() {
            return shortName != null && !shortName.isBlank() ? shortName.strip() : officialTitle == null ? key : officialTitle;
        }

        /** "H.2580 / S.1681" for display. */
        String displayNumbers() {
            if (houseNumber != null && senateNumber != null) {
                return BillNumbers.display(houseNumber) + " / " + BillNumbers.display(senateNumber);
            }
            return BillNumbers.display(houseNumber != null ? houseNumber : senateNumber);
        }

        /** The version a member of the chamber co-sponsors (null when that chamber has none). */
        String numberIn(String chamber) {
            return "upper".equals(chamber) ? senateNumber : houseNumber;
        }

        String urlIn(String chamber) {
            String u = "upper".equals(chamber) ? senateUrl : houseUrl;
            return u != null ? u : houseUrl != null ? houseUrl : senateUrl;
        }

        /** For URLs: the House number if any, else the Senate one. */
        String slug() {
            return houseNumber != null ? houseNumber : senateNumber;
        }

        boolean has(String canonicalNumber) {
            return canonicalNumber.equals(houseNumber) || canonicalNumber.equals(senateNumber);
        }
    }

    /**
     * A scored roll call in one chamber.
     *
     * @param preferred the vote the coalition wanted, {@link Records.Vote#YES} or {@link Records.Vote#NO}
     */
    record RollCall(long id, long sessionId, String chamber, String number, String billNumber, String amendment,
                    LocalDate date, String title, String description, Records.Vote preferred, List<String> tags,
                    String url, String rollCallUrl, int sortOrder) {

        RollCall {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        /** The item name in CSV files: RC-H34 (House roll call 34), RC-S6 (Senate roll call 6). */
        String itemKey() {
            return "RC-" + ("upper".equals(chamber) ? "S" : "H") + number;
        }
    }
}
