package org.chorus.plugins.scorecards;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chorus.kit.DistrictNames;
import org.chorus.kit.Json;
import org.chorus.plugins.scorecards.Legislation.Bill;
import org.chorus.plugins.scorecards.Legislation.RollCall;
import org.chorus.plugins.scorecards.Legislation.Session;
import org.chorus.plugins.scorecards.Legislation.Side;
import org.chorus.plugins.scorecards.Records.Sponsorship;
import org.chorus.plugins.scorecards.Records.Vote;
import org.chorus.plugins.scorecards.Rules.Absences;
import org.chorus.plugins.scorecards.Rules.Item;
import org.chorus.plugins.scorecards.Rules.Scorecard;
import org.chorus.plugins.scorecards.Rules.Unknowns;
import org.chorus.plugins.scorecards.ScorecardStore.Kind;
import org.chorus.plugins.scorecards.ScorecardStore.Write;

/**
 * Imports the Progressive Massachusetts scorecard format ({@code legislation.json} of
 * github.com/ProgressiveMass/legislator-scorecard): per session (keyed by its first year) the scored bills, the
 * co-sponsorship of each legislator, the scored roll calls and each legislator's votes. Idempotent: a second run of
 * the same file changes nothing, and records staff corrected (by hand or CSV) are kept.
 *
 * <p>The file writes votes relative to the coalition: "+" voted as the coalition wanted, "-" against, "NV"/"NVP"
 * not voting, "n/a" not in office. They are stored as the vote cast (YES/NO) so that other rules can score them.
 */
final class PmImport {

    static final String SOURCE = "pm-scorecard";
    private static final Set<String> HEADER_ROWS = Set.of("Progressive Position", "Bill Number", "RC #", "Date");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);

    private final ScorecardStore store;

    PmImport(ScorecardStore store) {
        this.store = store;
    }

    static String fingerprint(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Imports the file unless the same content was imported last time.
     *
     * @param featured bill numbers (pairs) whose scorecard items are featured in the latest session's scorecard
     * @return the report, or empty when the file is unchanged
     */
    Optional<ImportReport> importIfChanged(Path file, List<String> featured, Instant now, String by) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String fingerprint = fingerprint(content);
        if (fingerprint.equals(store.importFingerprint(SOURCE).orElse(null))) {
            return Optional.empty();
        }
        return Optional.of(importContent(file.getFileName().toString(), content, fingerprint, featured, now, by));
    }

    /** Imports the content whatever was imported before (the staff "import again" button). */
    ImportReport importContent(String name, byte[] content, String fingerprint, List<String> featured, Instant now, String by) {
        ImportReport report = new ImportReport(name);
        Object root;
        try {
            root = Json.read(new ByteArrayInputStream(content));
        } catch (IOException e) {
            report.refused = "not a JSON document: " + e.getMessage();
            return report;
        }
        if (!(root instanceof Map<?, ?> sessions) || sessions.isEmpty()) {
            report.refused = "expected an object keyed by session year (\"2025\": {…}), found " + kind(root);
            return report;
        }
        List<String> years = new ArrayList<>();
        for (Object k : sessions.keySet()) {
            String year = String.valueOf(k);
            if (!year.matches("\\d{4}") || !(sessions.get(k) instanceof Map<?, ?>)) {
                report.reject("\"" + year + "\"", year, "not a session: expected a four-digit year with an object of bills and records");
            } else {
                years.add(year);
            }
        }
        if (years.isEmpty()) {
            report.refused = "no session in the file (keys must be years such as \"2025\")";
            return report;
        }
        String latest = years.stream().max(String::compareTo).orElseThrow();
        store.inTransaction(c -> {
            for (String year : years) {
                importSession(c, year, map(sessions.get(year)), report, year.equals(latest) ? featured : List.of(), now, by);
            }
            store.saveImport(c, SOURCE, fingerprint, now, report.summary());
            return null;
        });
        return report;
    }

    private void importSession(Connection c, String year, Map<String, Object> data, ImportReport report, List<String> featured,
                               Instant now, String by) throws SQLException {
        int start = Integer.parseInt(year);
        int court = 190 + (start - 2017) / 2;
        String name = DistrictNames.ordinal(court) + " General Court (" + start + "–" + (start + 1) + ")";
        long sessionId = store.upsertSession(c, new Session(0, year, name, start % 2 == 1 ? court : null, start, start + 1));
        report.count("sessions", 1);

        // Bills: the pairs as the co-sponsorship records name them, described by sponsoredBills.
        Map<String, Map<String, Object>> described = new LinkedHashMap<>();
        map(data.get("sponsoredBills")).forEach((number, bill) -> BillNumbers.canonical(number)
                .ifPresentOrElse(n -> described.put(n, map(bill)),
                        () -> report.reject(year + ".sponsoredBills", number, "not a bill number")));
        Map<String, Long> billIds = new LinkedHashMap<>(); // the file's key ("H2580 / S1681") → bill id
        List<String> pairs = new ArrayList<>();
        for (Object r : list(data.get("sponsorship"))) {
            for (String key : map(map(r).get("data")).keySet()) {
                if (!pairs.contains(key)) {
                    pairs.add(key);
                }
            }
        }
        Set<String> pairedNumbers = new java.util.HashSet<>();
        int order = 0;
        for (String key : pairs) {
            List<String> numbers = BillNumbers.parse(key);
            if (numbers.isEmpty() || numbers.size() > 2) {
                report.reject(year + ".sponsorship", key, "not a bill number or a House/Senate pair");
                continue;
            }
            pairedNumbers.addAll(numbers);
            billIds.put(key, store.upsertBill(c, bill(sessionId, numbers, described, order++)));
        }
        for (String number : described.keySet()) {
            if (!pairedNumbers.contains(number)) {
                billIds.put(number, store.upsertBill(c, bill(sessionId, List.of(number), described, order++)));
            }
        }
        report.count("bills", billIds.size());

        // Roll calls of each chamber.
        Map<String, Long> rollCallIds = new LinkedHashMap<>(); // chamber|number → id
        Map<Long, Vote> preferred = new LinkedHashMap<>();
        List<Long> realVotes = new ArrayList<>();
        for (String[] chamber : new String[][] {{"houseBills", "lower"}, {"senateBills", "upper"}}) {
            int rcOrder = 0;
            for (Map.Entry<String, Object> e : map(data.get(chamber[0])).entrySet()) {
                Map<String, Object> rc = map(e.getValue());
                String where = year + "." + chamber[0] + "." + e.getKey();
                Vote want = switch (str(rc.get("progressive_position")).toUpperCase(Locale.ROOT)) {
                    case "YES" -> Vote.YES;
                    case "NO" -> Vote.NO;
                    default -> null;
                };
                if (want == null) {
                    report.reject(where, str(rc.get("title")), "no progressive_position (YES or NO): the roll call cannot be scored");
                    continue;
                }
                String billNumber = BillNumbers.canonical(str(rc.get("bill_number"))).orElse(blankToNull(str(rc.get("bill_number"))));
                long id = store.upsertRollCall(c, new RollCall(0, sessionId, chamber[1], e.getKey(), billNumber,
                        blankToNull(str(rc.get("amendment"))), date(str(rc.get("vote_date"))), title(rc, e.getKey()),
                        blankToNull(str(rc.get("description"))), want, strings(rc.get("tags")), blankToNull(str(rc.get("url"))),
                        blankToNull(str(rc.get("roll_call_url"))), rcOrder++));
                rollCallIds.put(chamber[1] + "|" + e.getKey(), id);
                preferred.put(id, want);
                if (billNumber != null) {
                    realVotes.add(id);
                }
            }
        }
        report.count("roll calls", rollCallIds.size());

        // Co-sponsorship records.
        List<Write<Sponsorship>> sponsorships = new ArrayList<>();
        List<Object> sponsorshipRows = list(data.get("sponsorship"));
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < sponsorshipRows.size(); i++) {
            Map<String, Object> r = map(sponsorshipRows.get(i));
            String person = str(r.get("id"));
            String where = year + ".sponsorship[" + i + "]";
            if (!person.startsWith("ocd-person/")) {
                report.reject(where, person, "no Open States person id (ocd-person/…), so it cannot be joined to a legislator");
                continue;
            }
            if (repeated(firstRow, sponsorshipRows, i, person, year + ".sponsorship", report)) {
                continue;
            }
            for (Map.Entry<String, Object> e : map(r.get("data")).entrySet()) {
                Long bill = billIds.get(e.getKey());
                if (bill == null) {
                    continue; // the pair itself was rejected above
                }
                if (e.getValue() instanceof Boolean b) {
                    sponsorships.add(new Write<>(bill, person, b ? Sponsorship.COSPONSOR : Sponsorship.NOT_COSPONSOR, null));
                } else {
                    report.reject(where, person + " " + e.getKey() + " = " + e.getValue(), "co-sponsorship must be true or false");
                }
            }
        }
        report.add(store.write(c, Kind.SPONSORSHIP, sponsorships, store.existing(c, Kind.SPONSORSHIP, sessionId), Records.PM, by, now, true),
                "co-sponsorship records");

        // Votes.
        List<Write<Vote>> votes = new ArrayList<>();
        for (String[] chamber : new String[][] {{"houseVotes", "lower"}, {"senateVotes", "upper"}}) {
            List<Object> rows = list(data.get(chamber[0]));
            Map<String, Integer> firstVoteRow = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> r = map(rows.get(i));
                String person = str(r.get("id"));
                String where = year + "." + chamber[0] + "[" + i + "]";
                if (HEADER_ROWS.contains(person)) {
                    continue; // the spreadsheet's own header rows (the positions, bill numbers and dates)
                }
                if (!person.startsWith("ocd-person/")) {
                    report.reject(where, person, "no Open States person id (ocd-person/…), so it cannot be joined to a legislator");
                    continue;
                }
                if (repeated(firstVoteRow, rows, i, person, year + "." + chamber[0], report)) {
                    continue;
                }
                for (Map.Entry<String, Object> e : map(r.get("data")).entrySet()) {
                    Long rc = rollCallIds.get(chamber[1] + "|" + e.getKey());
                    if (rc == null) {
                        report.reject(where, person + " roll call " + e.getKey(), "no such scored roll call in the " + Scoring.chamberName(chamber[1]));
                        continue;
                    }
                    String v = str(e.getValue()).strip();
                    Vote vote = switch (v) {
                        case "+" -> preferred.get(rc);
                        case "-" -> preferred.get(rc).opposite();
                        case "NV", "NVP" -> Vote.NOT_VOTING;
                        case "n/a" -> Vote.NOT_IN_OFFICE;
                        default -> Records.vote(v).orElse(null);
                    };
                    if (vote == null) {
                        report.reject(where, person + " roll call " + e.getKey() + " = \"" + v + "\"",
                                "not a vote: expected +, -, NV, NVP or n/a");
                    } else {
                        votes.add(new Write<>(rc, person, vote, null));
                    }
                }
            }
        }
        report.add(store.write(c, Kind.VOTE, votes, store.existing(c, Kind.VOTE, sessionId), Records.PM, by, now, true), "votes");

        scorecardFor(c, year, name, sessionId, billIds, realVotes, featured, now, by, report);
    }

    /**
     * The session's own scorecard: every bill and every real roll call (those with a bill number: the file also
     * lists derived "co-sponsored more than half" rows, which would count co-sponsorship twice) at weight 1,
     * absences against (as Progressive Massachusetts counts them), unknowns not counted. Kept in step with the data
     * until staff change its rules.
     */
    private void scorecardFor(Connection c, String year, String sessionName, long sessionId, Map<String, Long> billIds,
                              List<Long> rollCalls, List<String> featured, Instant now, String by, ImportReport report) throws SQLException {
        String slug = "pm-" + year;
        Optional<Scorecard> existing = scorecards(c).stream().filter(s -> s.slug().equals(slug)).findFirst();
        if (existing.isPresent() && !"import".equals(existing.get().origin())) {
            return;
        }
        long id = existing.isPresent() ? existing.get().id()
                : store.createScorecard(c, slug, "Progressive Massachusetts scorecard, " + sessionName, sessionId,
                Absences.AGAINST, Unknowns.EXCLUDE, "import", now, by);
        List<Item> items = new ArrayList<>();
        List<Bill> bills = billsOf(c, sessionId);
        for (Long bill : new java.util.LinkedHashSet<>(billIds.values())) {
            Bill b = bills.stream().filter(x -> x.id() == bill).findFirst().orElseThrow();
            boolean feature = featured.stream().map(BillNumbers::parse).anyMatch(f -> f.stream().anyMatch(b::has));
            items.add(Item.bill(bill, BigDecimal.ONE, feature));
        }
        for (Long rc : rollCalls) {
            items.add(Item.rollCall(rc, BigDecimal.ONE));
        }
        store.saveRules(c, new Scorecard(id, slug, "Progressive Massachusetts scorecard, " + sessionName, sessionId,
                Absences.AGAINST, Unknowns.EXCLUDE, "import", now, by, items, Rules.defaultBands()));
        report.count("scorecards", 1);
    }

    private List<Scorecard> scorecards(Connection c) throws SQLException {
        return ScorecardStore.list(c, "SELECT id, slug, origin FROM p_scorecards_scorecard", rs -> new Scorecard(rs.getLong(1),
                rs.getString(2), "", 0, Absences.AGAINST, Unknowns.EXCLUDE, rs.getString(3), null, null, List.of(), List.of()));
    }

    private List<Bill> billsOf(Connection c, long sessionId) throws SQLException {
        return ScorecardStore.list(c, "SELECT id, house_number, senate_number FROM p_scorecards_bill WHERE session_id = ?",
                rs -> new Bill(rs.getLong(1), sessionId, "", rs.getString(2), rs.getString(3), null, null, null, null, null, null,
                        Side.SUPPORT, 0), sessionId);
    }

    /**
     * A person listed twice: an identical copy is skipped (and counted); a different one is reported and the first
     * row kept, since the file cannot say which is right.
     */
    private static boolean repeated(Map<String, Integer> first, List<Object> rows, int i, String person, String where,
                                    ImportReport report) {
        Integer earlier = first.putIfAbsent(person, i);
        if (earlier == null) {
            return false;
        }
        if (map(rows.get(earlier)).get("data").equals(map(rows.get(i)).get("data"))) {
            report.count("identical repeated rows skipped", 1);
        } else {
            report.reject(where + "[" + i + "]", person, "the same person as " + where + "[" + earlier
                    + "] with different records; the first row is kept");
        }
        return true;
    }

    private static Bill bill(long sessionId, List<String> numbers, Map<String, Map<String, Object>> described, int order) {
        String house = numbers.stream().filter(BillNumbers::isHouse).findFirst().orElse(null);
        String senate = numbers.stream().filter(n -> !BillNumbers.isHouse(n)).findFirst().orElse(null);
        Map<String, Object> h = house == null ? Map.of() : described.getOrDefault(house, Map.of());
        Map<String, Object> s = senate == null ? Map.of() : described.getOrDefault(senate, Map.of());
        Map<String, Object> any = h.isEmpty() ? s : h;
        return new Bill(0, sessionId, BillNumbers.key(house, senate), house, senate, blankToNull(str(any.get("name"))),
                blankToNull(str(any.get("shorthand_title")).strip()), blankToNull(str(any.get("description"))),
                strings(any.get("tags")), blankToNull(str(h.get("url"))), blankToNull(str(s.get("url"))), Side.SUPPORT, order);
    }

    private static String title(Map<String, Object> rc, String number) {
        String t = str(rc.get("title")).strip();
        return t.isEmpty() ? "Roll call " + number : t;
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip(), US_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(PmImport::str).filter(s -> !s.isBlank()).toList();
    }

    private static String str(Object o) {
        if (o instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        return o == null ? "" : o.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String kind(Object o) {
        return o instanceof List<?> ? "a list" : o == null ? "nothing" : o instanceof String ? "text" : "a " + o.getClass().getSimpleName();
    }
}
