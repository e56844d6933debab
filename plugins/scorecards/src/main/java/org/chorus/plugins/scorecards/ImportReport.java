package org.chorus.plugins.scorecards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did: counts, every rejected row and why (never dropped in silence), or the one reason a whole
 * file was refused (with its line).
 */
final class ImportReport {

    /** A row that was not imported. where: "line 12" for a CSV, a path into the JSON for the PM file. */
    record Rejection(String where, String row, String reason) {
    }

    final String source;
    final Map<String, Integer> counts = new LinkedHashMap<>();
    final List<Rejection> rejected = new ArrayList<>();
    String refused;

    ImportReport(String source) {
        this.source = source;
    }

    void count(String what, int n) {
        counts.merge(what, n, Integer::sum);
    }

    void reject(String where, String row, String reason) {
        rejected.add(new Rejection(where, row, reason));
    }

    void add(ScorecardStore.Written w, String what) {
        count(what + " created", w.created());
        count(what + " updated", w.updated());
        count(what + " unchanged", w.unchanged());
        if (w.keptStaff() > 0) {
            count(what + " kept (edited by staff)", w.keptStaff());
        }
    }

    boolean refused() {
        return refused != null;
    }

    /** One line for logs and the import history. */
    String summary() {
        if (refused != null) {
            return source + ": refused: " + refused;
        }
        StringBuilder b = new StringBuilder(source).append(": ");
        counts.forEach((k, v) -> b.append(k).append(' ').append(v).append("; "));
        b.append("rejected ").append(rejected.size());
        return b.toString();
    }

    Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("refused", refused == null ? "" : refused);
        List<Map<String, Object>> c = new ArrayList<>();
        counts.forEach((k, v) -> c.add(Map.of("what", k, "count", v)));
        m.put("counts", c);
        m.put("rejected", rejected.stream().map(r -> Map.<String, Object>of("where", r.where(), "row", r.row(), "reason", r.reason())).toList());
        return m;
    }
}
