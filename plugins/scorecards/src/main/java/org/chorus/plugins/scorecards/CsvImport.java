package org.chorus.plugins.scorecards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.api.TargetInfo;
import org.chorus.plugins.scorecards.Legislation.Bill;
import org.chorus.plugins.scorecards.Legislation.RollCall;
import org.chorus.plugins.scorecards.Legislation.Session;
import org.chorus.plugins.scorecards.Records.Position;
import org.chorus.plugins.scorecards.Records.Sponsorship;
import org.chorus.plugins.scorecards.Records.Vote;
import org.chorus.plugins.scorecards.ScorecardStore.Kind;
import org.chorus.plugins.scorecards.ScorecardStore.Write;

/**
 * A plain CSV of records: {@code target,item,value} (optional {@code session} and {@code note} columns; other
 * columns, such as those of the export, are ignored). target: an Open States person id or the host's target id.
 * item: a bill number or pair ("H2580", "H.2580 / S.1681") or a roll call ("RC-H34" = House roll call 34, "RC-S6").
 * value: for a bill cosponsor, sponsor, not-cosponsor, unknown (its co-sponsorship) or supports, opposes, no-position
 * (a position staff know of, with the note saying how); for a roll call yes, no, not-voting, not-in-office, unknown.
 *
 * <p>Every row is checked before anything is written; rows that fail are listed with their line and why, the rest
 * are imported together (or, for a check only, nothing is). A file that is not CSV is refused as a whole.
 */
final class CsvImport {

    private static final Pattern ROLL_CALL = Pattern.compile("(?i)\\s*(?:RC-?\\s*([HS])\\s*-?\\s*(\\w+)|(house|senate)\\s+roll\\s*call\\s*#?\\s*(\\w+))\\s*");

    private final Scorecards scorecards;

    CsvImport(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    /**
     * @param defaultSession the session of rows without a session column (the scorecard's)
     * @param apply          false: check only, write nothing
     */
    ImportReport importCsv(String fileName, byte[] content, Session defaultSession, boolean apply, String by, Instant now) {
        ImportReport report = new ImportReport(fileName == null || fileName.isBlank() ? "upload" : fileName);
        List<CsvFiles.Row> rows;
        try {
            rows = CsvFiles.read(CsvFiles.utf8(content));
        } catch (CsvFiles.Malformed e) {
            report.refused = e.getMessage();
            return report;
        }
        rows = rows.stream().filter(r -> !r.blank()).toList();
        if (rows.isEmpty()) {
            report.refused = "the file is empty: the first line must name the columns target, item and value";
            return report;
        }
        CsvFiles.Row header = rows.get(0);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.values().size(); i++) {
            columns.putIfAbsent(header.values().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("target", "item", "value")) {
            if (!columns.containsKey(required)) {
                report.refused = "line " + header.line() + ": the first line must name the columns target, item and value"
                        + " (found: " + String.join(", ", header.values()) + ")";
                return report;
            }
        }

        Map<String, TargetInfo> byExternalId = scorecards.targetsByExternalId();
        Map<Long, TargetInfo> byId = new HashMap<>();
        byExternalId.values().forEach(t -> byId.put(t.id(), t));
        Map<String, Session> sessions = new HashMap<>();
        scorecards.store().sessions().forEach(s -> sessions.put(s.key(), s));
        Map<Long, List<Bill>> bills = new HashMap<>();
        Map<Long, List<RollCall>> rollCalls = new HashMap<>();

        Map<Long, List<Write<Sponsorship>>> sponsorships = new HashMap<>();
        Map<Long, List<Write<Vote>>> votes = new HashMap<>();
        Map<Long, List<Write<Position>>> positions = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        int accepted = 0;
        for (CsvFiles.Row row : rows.subList(1, rows.size())) {
            String where = "line " + row.line();
            String text = String.join(",", row.values());
            if (row.values().size() != header.values().size()) {
                report.reject(where, text, "has " + row.values().size() + " values but the first line names "
                        + header.values().size() + " columns");
                continue;
            }
            String targetText = cell(row, columns, "target");
            String itemText = cell(row, columns, "item");
            String valueText = cell(row, columns, "value");
            String sessionText = cell(row, columns, "session");
            String note = cell(row, columns, "note");

            Session session = sessionText.isEmpty() ? defaultSession : sessions.get(sessionText);
            if (session == null) {
                report.reject(where, text, "unknown session \"" + sessionText + "\" (known: " + String.join(", ", sessions.keySet().stream().sorted().toList()) + ")");
                continue;
            }
            TargetInfo target = null;
            if (targetText.startsWith("ocd-person/")) {
                target = byExternalId.get(targetText);
            } else if (targetText.matches("\\d{1,18}")) {
                target = byId.get(Long.parseLong(targetText));
            }
            if (target == null) {
                report.reject(where, text, targetText.isEmpty() ? "no target: give an Open States person id (ocd-person/…) or a target id"
                        : "unknown target \"" + targetText + "\": no legislator has this id");
                continue;
            }
            if (target.externalId() == null) {
                report.reject(where, text, "target " + targetText + " has no Open States person id to keep records under");
                continue;
            }
            List<Bill> sessionBills = bills.computeIfAbsent(session.id(), id -> scorecards.store().bills(id));
            List<RollCall> sessionRollCalls = rollCalls.computeIfAbsent(session.id(), id -> scorecards.store().rollCalls(id));
            Matcher rc = ROLL_CALL.matcher(itemText);
            if (rc.matches()) {
                String chamber = rc.group(1) != null ? (rc.group(1).equalsIgnoreCase("S") ? "upper" : "lower")
                        : (rc.group(3).equalsIgnoreCase("senate") ? "upper" : "lower");
                String number = rc.group(2) != null ? rc.group(2) : rc.group(4);
                Optional<RollCall> found = sessionRollCalls.stream().filter(r -> r.chamber().equals(chamber) && r.number().equals(number)).findFirst();
                if (found.isEmpty()) {
                    report.reject(where, text, "unknown roll call: the " + session.name() + " has no scored "
                            + Scoring.chamberName(chamber) + " roll call " + number);
                    continue;
                }
                Optional<Vote> vote = Records.vote(valueText);
                if (vote.isEmpty()) {
                    report.reject(where, text, "\"" + valueText + "\" is not a vote: use yes, no, not-voting, not-in-office or unknown");
                    continue;
                }
                if (repeated(seen, "v|" + found.get().id() + "|" + target.externalId(), row.line(), where, text, report)) {
                    continue;
                }
                votes.computeIfAbsent(session.id(), k -> new ArrayList<>()).add(new Write<>(found.get().id(), target.externalId(), vote.get(), null));
                accepted++;
                continue;
            }
            List<String> numbers = BillNumbers.parse(itemText);
            if (numbers.isEmpty()) {
                report.reject(where, text, itemText.isEmpty() ? "no item: give a bill number (H2580, H2580 / S1681) or a roll call (RC-H34)"
                        : "\"" + itemText + "\" is neither a bill number (H2580, H.2580 / S.1681) nor a roll call (RC-H34, RC-S6)");
                continue;
            }
            List<Bill> matching = sessionBills.stream().filter(b -> numbers.stream().anyMatch(b::has)).toList();
            if (matching.size() != 1) {
                report.reject(where, text, matching.isEmpty()
                        ? "unknown bill number " + String.join(" / ", numbers) + ": the " + session.name() + " has no such scored bill"
                        : String.join(" / ", numbers) + " names " + matching.size() + " different scored bills; give one of them");
                continue;
            }
            Bill bill = matching.get(0);
            Optional<Sponsorship> sponsorship = Records.sponsorship(valueText);
            String normal = Records.normal(valueText);
            Optional<Position> position = normal.equals("no-position") ? Optional.of(Position.UNKNOWN)
                    : normal.equals("unknown") || sponsorship.isPresent() ? Optional.empty() : Records.position(valueText);
            if (sponsorship.isPresent()) {
                if (repeated(seen, "s|" + bill.id() + "|" + target.externalId(), row.line(), where, text, report)) {
                    continue;
                }
                sponsorships.computeIfAbsent(session.id(), k -> new ArrayList<>()).add(new Write<>(bill.id(), target.externalId(), sponsorship.get(), null));
            } else if (position.isPresent()) {
                if (repeated(seen, "p|" + bill.id() + "|" + target.externalId(), row.line(), where, text, report)) {
                    continue;
                }
                positions.computeIfAbsent(session.id(), k -> new ArrayList<>()).add(new Write<>(bill.id(), target.externalId(), position.get(),
                        note.isEmpty() ? null : note));
            } else {
                report.reject(where, text, "\"" + valueText + "\" is not a record for a bill: use cosponsor, sponsor, not-cosponsor,"
                        + " unknown, supports, opposes or no-position");
                continue;
            }
            accepted++;
        }
        report.count("rows accepted", accepted);
        if (!apply || accepted == 0) {
            return report;
        }
        scorecards.store().inTransaction(c -> {
            for (var e : sponsorships.entrySet()) {
                report.add(scorecards.store().write(c, Kind.SPONSORSHIP, e.getValue(),
                        scorecards.store().existing(c, Kind.SPONSORSHIP, e.getKey()), Records.CSV, by, now, false), "co-sponsorship records");
            }
            for (var e : votes.entrySet()) {
                report.add(scorecards.store().write(c, Kind.VOTE, e.getValue(),
                        scorecards.store().existing(c, Kind.VOTE, e.getKey()), Records.CSV, by, now, false), "votes");
            }
            for (var e : positions.entrySet()) {
                report.add(scorecards.store().write(c, Kind.POSITION, e.getValue(),
                        scorecards.store().existing(c, Kind.POSITION, e.getKey()), Records.CSV, by, now, false), "positions");
            }
            return null;
        });
        return report;
    }

    private static boolean repeated(Map<String, Integer> seen, String key, int line, String where, String text, ImportReport report) {
        Integer first = seen.putIfAbsent(key, line);
        if (first != null) {
            report.reject(where, text, "repeats line " + first + " (the same legislator and item); keep one of them");
            return true;
        }
        return false;
    }

    private static String cell(CsvFiles.Row row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null || i >= row.values().size()) {
            return "";
        }
        String v = row.values().get(i).strip();
        // The export guards spreadsheet formulas with an apostrophe; take it off again.
        return v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0 ? v.substring(1) : v;
    }
}
