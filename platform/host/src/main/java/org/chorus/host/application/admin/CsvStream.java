package org.chorus.host.application.admin;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;

/**
 * Streams a query to CSV (RFC 4180, UTF-8) while the database still produces rows: a cursor with a bounded fetch
 * size (PostgreSQL only keeps a cursor open outside auto-commit), each batch flushed to the client, so memory stays
 * flat however many rows there are. Cells a spreadsheet would run as a formula are defused.
 */
public final class CsvStream {

    static final int FETCH_SIZE = 500;

    private CsvStream() {
    }

    /**
     * Writes the header and every row of {@code sql}; each column is written as text (timestamps as ISO-8601 UTC).
     *
     * @return the number of data rows written
     * @throws IOException when the client goes away; the query is closed and its connection returned either way
     */
    static long write(DataSource ds, String sql, StaffSecurity.Binder binder, List<String> header, OutputStream out)
            throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        row(w, header.toArray(String[]::new));
        long rows = 0;
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    String[] cells = new String[n];
                    while (rs.next()) {
                        for (int i = 0; i < n; i++) {
                            Object v = rs.getObject(i + 1);
                            cells[i] = v == null ? "" : v instanceof Timestamp t ? t.toInstant().toString() : String.valueOf(v);
                        }
                        row(w, cells);
                        if (++rows % FETCH_SIZE == 0) {
                            w.flush();
                        }
                    }
                }
            } finally {
                c.rollback(); // read only: nothing to keep; ends the transaction that held the cursor
                c.setReadOnly(false);
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IOException("export query failed: " + e.getMessage(), e);
        }
        w.flush();
        return rows;
    }

    private static void row(Writer w, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells[i]));
        }
        w.write("\r\n");
    }

    /**
     * One cell: a text starting with {@code = + - @}, tab or carriage return gets a leading apostrophe (so Excel,
     * LibreOffice and Sheets show it as text instead of running it, OWASP "CSV injection"); quoted when it holds a
     * comma, quote or line break.
     */
    static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char first = s.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
