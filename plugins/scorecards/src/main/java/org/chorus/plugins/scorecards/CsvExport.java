package org.chorus.plugins.scorecards;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.chorus.api.TargetInfo;
import org.chorus.plugins.scorecards.Legislation.Bill;
import org.chorus.plugins.scorecards.Legislation.RollCall;
import org.chorus.plugins.scorecards.Records.Recorded;
import org.chorus.plugins.scorecards.Rules.Item;
import org.chorus.plugins.scorecards.Rules.Scorecard;
import org.chorus.plugins.scorecards.Scoring.Score;

/**
 * The whole scorecard as CSV: one row per legislator and scored item (and per position staff recorded), with the
 * record, where it came from, and the legislator's computed score and grade. The columns target, item, value,
 * note and session are those the CSV import reads, so an export edited in a spreadsheet can be imported back.
 */
final class CsvExport {

    static final List<String> HEADER = List.of("session", "target", "name", "chamber", "district", "party", "sitting",
            "item", "item_name", "value", "note", "source", "score", "grade");

    private CsvExport() {
    }

    static byte[] export(Scorecards scorecards, Scorecard card) {
        Scorecards.Computed data = scorecards.computed(card);
        Map<String, TargetInfo> targets = scorecards.targetsByExternalId();
        TreeSet<String> people = new TreeSet<>(data.book().people());
        scorecards.targets().sittingTargets().stream().map(TargetInfo::externalId).filter(java.util.Objects::nonNull).forEach(people::add);
        List<String> ordered = new ArrayList<>(people);
        ordered.sort(Comparator.comparing((String p) -> targets.get(p) == null ? "~" + p : Scorecards.sortName(targets.get(p))).thenComparing(p -> p));

        StringBuilder out = new StringBuilder();
        CsvFiles.appendRow(out, HEADER);
        for (String person : ordered) {
            TargetInfo t = targets.get(person);
            String chamber = data.book().chamberOf(person, t == null ? null : t.chamber());
            Score score = Scoring.score(card, person, chamber, data.book(), data.bills(), data.rollCalls());
            Map<String, String> base = new LinkedHashMap<>();
            base.put("session", data.session().key());
            base.put("target", person);
            base.put("name", t == null ? "" : t.name());
            base.put("chamber", chamber == null ? "" : chamber);
            base.put("district", t == null || t.divisionName() == null ? "" : t.divisionName());
            base.put("party", t == null || t.party() == null ? "" : t.party());
            base.put("sitting", t == null ? "unknown" : t.sitting() ? "yes" : "no");
            String percent = score.percent() == null ? "" : score.percent().toPlainString();
            String grade = score.grade() == null ? "" : score.grade();
            for (Item item : card.items()) {
                if (item.isBill()) {
                    Bill b = data.bills().get(item.billId());
                    Recorded<Records.Sponsorship> r = data.book().sponsorshipRecord(b.id(), person);
                    row(out, base, b.key(), b.name(), r == null ? "unknown" : Records.write(r.value()), "", r == null ? "" : r.source(), percent, grade);
                    Recorded<Records.Position> p = data.book().positionRecord(b.id(), person);
                    if (p != null) {
                        row(out, base, b.key(), b.name(), p.value() == Records.Position.UNKNOWN ? "no-position" : Records.write(p.value()),
                                p.note() == null ? "" : p.note(), p.source(), percent, grade);
                    }
                } else {
                    RollCall rc = data.rollCalls().get(item.rollCallId());
                    if (!rc.chamber().equals(chamber)) {
                        continue;
                    }
                    Recorded<Records.Vote> r = data.book().voteRecord(rc.id(), person);
                    row(out, base, rc.itemKey(), rc.title(), r == null ? "unknown" : Records.write(r.value()), "", r == null ? "" : r.source(),
                            percent, grade);
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, Map<String, String> base, String item, String itemName, String value, String note,
                            String source, String score, String grade) {
        List<String> values = new ArrayList<>(base.values());
        values.addAll(List.of(item, itemName == null ? "" : itemName, value, note, source, score, grade));
        CsvFiles.appendRow(out, values);
    }
}
