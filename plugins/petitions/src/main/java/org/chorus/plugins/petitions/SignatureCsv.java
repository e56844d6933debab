package org.chorus.plugins.petitions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Signatures as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs pick the encoding). Every cell
 * is quoted, and one that a spreadsheet would take for a formula (starting with {@code = + - @}, a tab or a
 * carriage return) is prefixed with an apostrophe: a signer's name can never run as a formula on a staff computer.
 * Consents are not here: they are the host's supporter records, with their history.
 */
final class SignatureCsv {

    static final List<String> HEADER = List.of("signed_at", "first_name", "last_name", "email", "town", "zip",
            "anonymous", "comment", "comment_hidden", "source_code", "language");

    private final StringBuilder out = new StringBuilder("\uFEFF");
    private final Set<Long> hidden;

    SignatureCsv(Set<Long> hidden) {
        this.hidden = hidden;
        row(HEADER);
    }

    void add(Signature s) {
        row(List.of(s.signedAt().toString(), s.firstName(), s.lastName(), s.email(), s.town(), s.postalCode(),
                s.anonymous() ? "yes" : "no", s.comment(), hidden.contains(s.id()) ? "yes" : "no",
                s.sourceCode() == null ? "" : s.sourceCode(), s.language()));
    }

    private void row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
