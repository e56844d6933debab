package org.chorus.plugins.scorecards;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, read with the line each row starts on (for reports) and written with the quoting it needs. */
final class CsvFiles {

    private CsvFiles() {
    }

    /** A file that is not CSV (or not UTF-8) at a line. */
    static final class Malformed extends Exception {
        final int line;

        Malformed(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }
    }

    /** A row and the line of the file it starts on (1-based). */
    record Row(int line, List<String> values) {
        boolean blank() {
            return values.stream().allMatch(String::isBlank);
        }
    }

    /** Decodes UTF-8 strictly (a byte-order mark is skipped); a bad byte is reported with its line. */
    static String utf8(byte[] content) throws Malformed {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw new Malformed(line, "the file is not UTF-8 text (save it as \"CSV UTF-8\")");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static List<Row> read(String text) throws Malformed {
        List<Row> rows = new ArrayList<>();
        List<String> values = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new Malformed(line, "a quoted value must end at a comma or the end of the line");
                    }
                    continue;
                }
                if (ch == '\n') {
                    line++;
                }
                field.append(ch);
                i++;
                continue;
            }
            switch (ch) {
                case '"' -> {
                    if (field.length() > 0 || wasQuoted) {
                        throw new Malformed(line, "a quote inside an unquoted value (quote the whole value and double the quote)");
                    }
                    quoted = true;
                    wasQuoted = true;
                    i++;
                }
                case ',' -> {
                    values.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    i++;
                }
                case '\r', '\n' -> {
                    values.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    rows.add(new Row(rowLine, List.copyOf(values)));
                    values.clear();
                    i += ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                    rowLine = line;
                }
                default -> {
                    field.append(ch);
                    i++;
                }
            }
        }
        if (quoted) {
            throw new Malformed(rowLine, "a quoted value is never closed");
        }
        if (field.length() > 0 || !values.isEmpty() || wasQuoted) {
            values.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(values)));
        }
        return rows;
    }

    /** One CSV line (CRLF-terminated), quoting what needs it. */
    static void appendRow(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            // A leading =, +, - or @ would be run as a formula by a spreadsheet: quote it and prefix an apostrophe.
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("[-+]?\\d+(\\.\\d+)?")) {
                v = "'" + v;
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.startsWith("'")) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        out.append("\r\n");
    }
}
