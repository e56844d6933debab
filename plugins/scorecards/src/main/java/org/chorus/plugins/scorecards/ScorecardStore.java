package org.chorus.plugins.scorecards;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.chorus.plugins.scorecards.Legislation.Bill;
import org.chorus.plugins.scorecards.Legislation.RollCall;
import org.chorus.plugins.scorecards.Legislation.Session;
import org.chorus.plugins.scorecards.Legislation.Side;
import org.chorus.plugins.scorecards.Records.Position;
import org.chorus.plugins.scorecards.Records.Recorded;
import org.chorus.plugins.scorecards.Records.Sponsorship;
import org.chorus.plugins.scorecards.Records.Vote;
import org.chorus.plugins.scorecards.Rules.Absences;
import org.chorus.plugins.scorecards.Rules.Band;
import org.chorus.plugins.scorecards.Rules.Item;
import org.chorus.plugins.scorecards.Rules.Scorecard;
import org.chorus.plugins.scorecards.Rules.Unknowns;

/**
 * The plugin's tables through plain JDBC on the host's DataSource (the same SQL on H2 and PostgreSQL). Nothing is
 * cached here: every read sees the last committed write, so a staff edit or an import changes the next letter.
 */
final class ScorecardStore {

    /** A database failure, unchecked so that it travels through the host's plugin invoker as a plugin failure. */
    static final class StoreException extends RuntimeException {
        StoreException(String message, SQLException cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** A record to write: an item (bill or roll call id), a person and a value (with a note for positions). */
    record Write<T extends Enum<T>>(long itemId, String person, T value, String note) {
    }

    /** What a batch of writes changed. */
    record Written(int created, int updated, int unchanged, int keptStaff) {
    }

    private final DataSource dataSource;

    ScorecardStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One unit of work: committed when {@code work} returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                update(c, "UPDATE p_scorecards_revision SET revision = revision + 1 WHERE id = 1");
                c.commit();
                lastRevision = null; // this instance's own write shows at once
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("scorecards database work failed", e);
        }
    }

    <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("reading scorecards failed", e);
        }
    }

    /**
     * Changes with every committed write: what was computed at one revision is valid until the next. Read from the
     * database at most once a second ({@link #REVISION_READ_NANOS}) — every letter asks, for each of its targets — and
     * at once after a write of this instance, so a staff edit shows in the next page or letter here and within a
     * second on other instances.
     */
    long revision() {
        long now = System.nanoTime();
        RevisionRead last = lastRevision;
        if (last != null && now - last.atNanos() < REVISION_READ_NANOS) {
            return last.revision();
        }
        long revision = read(c -> single(c, "SELECT revision FROM p_scorecards_revision WHERE id = 1", rs -> rs.getLong(1)).orElse(0L));
        lastRevision = new RevisionRead(revision, now);
        return revision;
    }

    static final long REVISION_READ_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private record RevisionRead(long revision, long atNanos) {
    }

    /** One store is shared by every extension of the plugin ({@code Scorecards.of}), so one write resets it for all. */
    private volatile RevisionRead lastRevision;

    // ---------------------------------------------------------------- sessions, bills, roll calls

    List<Session> sessions() {
        return read(c -> list(c, "SELECT id, session_key, name, court_number, start_year, end_year FROM p_scorecards_session"
                + " ORDER BY start_year, session_key", ScorecardStore::session));
    }

    Optional<Session> session(String key) {
        return sessions().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    Optional<Session> session(long id) {
        return sessions().stream().filter(s -> s.id() == id).findFirst();
    }

    private static Session session(ResultSet rs) throws SQLException {
        int court = rs.getInt(4);
        return new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : court, rs.getInt(5), rs.getInt(6));
    }

    /** Inserts or updates a session by key; returns its id. */
    long upsertSession(Connection c, Session s) throws SQLException {
        int n = update(c, "UPDATE p_scorecards_session SET name = ?, court_number = ?, start_year = ?, end_year = ? WHERE session_key = ?",
                s.name(), s.courtNumber(), s.startYear(), s.endYear(), s.key());
        if (n == 0) {
            update(c, "INSERT INTO p_scorecards_session (session_key, name, court_number, start_year, end_year) VALUES (?, ?, ?, ?, ?)",
                    s.key(), s.name(), s.courtNumber(), s.startYear(), s.endYear());
        }
        return single(c, "SELECT id FROM p_scorecards_session WHERE session_key = ?", rs -> rs.getLong(1), s.key()).orElseThrow();
    }

    private static final String BILL_COLUMNS = "id, session_id, bill_key, house_number, senate_number, official_title, short_name,"
            + " description, tags, house_url, senate_url, position, sort_order";

    List<Bill> bills(long sessionId) {
        return read(c -> list(c, "SELECT " + BILL_COLUMNS + " FROM p_scorecards_bill WHERE session_id = ? ORDER BY sort_order, id",
                ScorecardStore::bill, sessionId));
    }

    Optional<Bill> bill(long id) {
        return read(c -> single(c, "SELECT " + BILL_COLUMNS + " FROM p_scorecards_bill WHERE id = ?", ScorecardStore::bill, id));
    }

    private static Bill bill(ResultSet rs) throws SQLException {
        return new Bill(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), tags(rs.getString(9)), rs.getString(10), rs.getString(11),
                Side.valueOf(rs.getString(12)), rs.getInt(13));
    }

    /** Inserts or updates a bill by (session, key); returns its id. */
    long upsertBill(Connection c, Bill b) throws SQLException {
        Object[] values = {b.houseNumber(), b.senateNumber(), cut(b.officialTitle(), 1000), cut(b.shortName(), 300),
                cut(b.description(), 4000), cut(String.join(",", b.tags()), 500), cut(b.houseUrl(), 500), cut(b.senateUrl(), 500),
                b.side().name(), b.sortOrder(), b.sessionId(), b.key()};
        int n = update(c, "UPDATE p_scorecards_bill SET house_number = ?, senate_number = ?, official_title = ?, short_name = ?,"
                + " description = ?, tags = ?, house_url = ?, senate_url = ?, position = ?, sort_order = ? WHERE session_id = ? AND bill_key = ?", values);
        if (n == 0) {
            update(c, "INSERT INTO p_scorecards_bill (house_number, senate_number, official_title, short_name, description, tags,"
                    + " house_url, senate_url, position, sort_order, session_id, bill_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
        return single(c, "SELECT id FROM p_scorecards_bill WHERE session_id = ? AND bill_key = ?", rs -> rs.getLong(1),
                b.sessionId(), b.key()).orElseThrow();
    }

    private static final String ROLL_CALL_COLUMNS = "id, session_id, chamber, roll_call, bill_number, amendment, vote_date, title,"
            + " description, preferred_vote, tags, url, roll_call_url, sort_order";

    List<RollCall> rollCalls(long sessionId) {
        return read(c -> list(c, "SELECT " + ROLL_CALL_COLUMNS + " FROM p_scorecards_roll_call WHERE session_id = ?"
                + " ORDER BY chamber DESC, sort_order, id", ScorecardStore::rollCall, sessionId));
    }

    private static RollCall rollCall(ResultSet rs) throws SQLException {
        Date date = rs.getDate(7);
        return new RollCall(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                date == null ? null : date.toLocalDate(), rs.getString(8), rs.getString(9),
                "NO".equals(rs.getString(10)) ? Vote.NO : Vote.YES, tags(rs.getString(11)), rs.getString(12),
                rs.getString(13), rs.getInt(14));
    }

    long upsertRollCall(Connection c, RollCall r) throws SQLException {
        Object[] values = {r.billNumber(), r.amendment(), r.date() == null ? null : Date.valueOf(r.date()), cut(r.title(), 500),
                cut(r.description(), 4000), r.preferred() == Vote.NO ? "NO" : "YES", cut(String.join(",", r.tags()), 500),
                cut(r.url(), 500), cut(r.rollCallUrl(), 500), r.sortOrder(), r.sessionId(), r.chamber(), r.number()};
        int n = update(c, "UPDATE p_scorecards_roll_call SET bill_number = ?, amendment = ?, vote_date = ?, title = ?, description = ?,"
                + " preferred_vote = ?, tags = ?, url = ?, roll_call_url = ?, sort_order = ? WHERE session_id = ? AND chamber = ? AND roll_call = ?", values);
        if (n == 0) {
            update(c, "INSERT INTO p_scorecards_roll_call (bill_number, amendment, vote_date, title, description, preferred_vote, tags,"
                    + " url, roll_call_url, sort_order, session_id, chamber, roll_call) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
        return single(c, "SELECT id FROM p_scorecards_roll_call WHERE session_id = ? AND chamber = ? AND roll_call = ?",
                rs -> rs.getLong(1), r.sessionId(), r.chamber(), r.number()).orElseThrow();
    }

    // ---------------------------------------------------------------- records

    /** Every record of a session. */
    RecordBook book(long sessionId) {
        return read(c -> book(c, sessionId, null));
    }

    /** One person's records in a session. */
    RecordBook book(long sessionId, String person) {
        return read(c -> book(c, sessionId, person));
    }

    RecordBook book(Connection c, long sessionId, String person) throws SQLException {
        RecordBook book = new RecordBook();
        String who = person == null ? "" : " AND r.person_id = ?";
        Object[] args = person == null ? new Object[] {sessionId} : new Object[] {sessionId, person};
        each(c, "SELECT r.bill_id, r.person_id, r.record, r.source, r.updated_at, r.updated_by FROM p_scorecards_sponsorship r"
                + " JOIN p_scorecards_bill b ON b.id = r.bill_id WHERE b.session_id = ?" + who, rs ->
                book.putSponsorship(rs.getLong(1), rs.getString(2), new Recorded<>(Sponsorship.valueOf(rs.getString(3)),
                        rs.getString(4), instant(rs.getTimestamp(5)), rs.getString(6), null)), args);
        each(c, "SELECT r.roll_call_id, k.chamber, r.person_id, r.vote, r.source, r.updated_at, r.updated_by FROM p_scorecards_vote r"
                + " JOIN p_scorecards_roll_call k ON k.id = r.roll_call_id WHERE k.session_id = ?" + who, rs ->
                book.putVote(rs.getLong(1), rs.getString(2), rs.getString(3), new Recorded<>(Vote.valueOf(rs.getString(4)),
                        rs.getString(5), instant(rs.getTimestamp(6)), rs.getString(7), null)), args);
        each(c, "SELECT r.bill_id, r.person_id, r.position, r.source, r.updated_at, r.updated_by, r.note FROM p_scorecards_position r"
                + " JOIN p_scorecards_bill b ON b.id = r.bill_id WHERE b.session_id = ?" + who, rs ->
                book.putPosition(rs.getLong(1), rs.getString(2), new Recorded<>(Position.valueOf(rs.getString(3)),
                        rs.getString(4), instant(rs.getTimestamp(5)), rs.getString(6), rs.getString(7))), args);
        return book;
    }

    /** Which kind of record a write is: its table, item column and value column. */
    enum Kind {
        SPONSORSHIP("p_scorecards_sponsorship", "bill_id", "record"),
        VOTE("p_scorecards_vote", "roll_call_id", "vote"),
        POSITION("p_scorecards_position", "bill_id", "position");

        final String table;
        final String itemColumn;
        final String valueColumn;

        Kind(String table, String itemColumn, String valueColumn) {
            this.table = table;
            this.itemColumn = itemColumn;
            this.valueColumn = valueColumn;
        }
    }

    /**
     * Writes records in batches. {@code existing} says what is there now (value and source): an unchanged value is
     * not written again, and when {@code keepStaffEdits} a record staff set by hand or by CSV is left alone (a
     * re-import of the public data does not undo the coalition's corrections).
     */
    <T extends Enum<T>> Written write(Connection c, Kind kind, Collection<Write<T>> writes, Map<String, Recorded<T>> existing,
                                      String source, String by, Instant at, boolean keepStaffEdits) throws SQLException {
        String note = kind == Kind.POSITION ? ", note" : "";
        String noteSet = kind == Kind.POSITION ? ", note = ?" : "";
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int kept = 0;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + kind.table + " (" + kind.itemColumn + ", person_id, "
                + kind.valueColumn + ", source, updated_at, updated_by" + note + ") VALUES (?, ?, ?, ?, ?, ?" + (note.isEmpty() ? "" : ", ?") + ")");
             PreparedStatement update = c.prepareStatement("UPDATE " + kind.table + " SET " + kind.valueColumn
                     + " = ?, source = ?, updated_at = ?, updated_by = ?" + noteSet + " WHERE " + kind.itemColumn + " = ? AND person_id = ?")) {
            for (Write<T> w : writes) {
                Recorded<T> now = existing.get(w.itemId() + "|" + w.person());
                if (now == null) {
                    insert.setLong(1, w.itemId());
                    insert.setString(2, w.person());
                    insert.setString(3, w.value().name());
                    insert.setString(4, source);
                    insert.setTimestamp(5, Timestamp.from(at));
                    insert.setString(6, by);
                    if (!note.isEmpty()) {
                        insert.setString(7, cut(w.note(), 500));
                    }
                    insert.addBatch();
                    created++;
                } else if (keepStaffEdits && !Records.PM.equals(now.source())) {
                    kept++;
                } else if (now.value() == w.value() && source.equals(now.source())
                        && (note.isEmpty() || java.util.Objects.equals(now.note(), w.note()))) {
                    unchanged++;
                } else {
                    int i = 1;
                    update.setString(i++, w.value().name());
                    update.setString(i++, source);
                    update.setTimestamp(i++, Timestamp.from(at));
                    update.setString(i++, by);
                    if (!note.isEmpty()) {
                        update.setString(i++, cut(w.note(), 500));
                    }
                    update.setLong(i++, w.itemId());
                    update.setString(i, w.person());
                    update.addBatch();
                    updated++;
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        return new Written(created, updated, unchanged, kept);
    }

    /** The existing records of a kind in a session, keyed "itemId|person", for {@link #write}. */
    @SuppressWarnings("unchecked")
    <T extends Enum<T>> Map<String, Recorded<T>> existing(Connection c, Kind kind, long sessionId) throws SQLException {
        Map<String, Recorded<T>> out = new java.util.HashMap<>();
        String join = kind == Kind.VOTE ? " JOIN p_scorecards_roll_call i ON i.id = r.roll_call_id"
                : " JOIN p_scorecards_bill i ON i.id = r.bill_id";
        String note = kind == Kind.POSITION ? ", r.note" : ", NULL";
        each(c, "SELECT r." + kind.itemColumn + ", r.person_id, r." + kind.valueColumn + ", r.source" + note + " FROM " + kind.table
                + " r" + join + " WHERE i.session_id = ?", rs -> {
                    Enum<?> value = switch (kind) {
                        case SPONSORSHIP -> Sponsorship.valueOf(rs.getString(3));
                        case VOTE -> Vote.valueOf(rs.getString(3));
                        case POSITION -> Position.valueOf(rs.getString(3));
                    };
                    out.put(rs.getLong(1) + "|" + rs.getString(2), new Recorded<>((T) value, rs.getString(4), null, null, rs.getString(5)));
                }, sessionId);
        return out;
    }

    // ---------------------------------------------------------------- scorecards

    List<Scorecard> scorecards() {
        return read(c -> {
            List<Scorecard> cards = new ArrayList<>();
            for (Object[] row : list(c, "SELECT id, slug, title, session_id, absences, unknowns, origin, updated_at, updated_by"
                    + " FROM p_scorecards_scorecard ORDER BY id", rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)), rs.getString(9)})) {
                long id = (Long) row[0];
                List<Item> items = list(c, "SELECT bill_id, roll_call_id, weight, featured FROM p_scorecards_item WHERE scorecard_id = ?"
                        + " ORDER BY id", rs -> {
                            long bill = rs.getLong(1);
                            boolean isBill = !rs.wasNull();
                            long rc = rs.getLong(2);
                            return new Item(isBill ? bill : null, isBill ? null : rc, rs.getBigDecimal(3).stripTrailingZeros(), rs.getBoolean(4));
                        }, id);
                List<Band> bands = list(c, "SELECT chamber, letter, min_percent FROM p_scorecards_grade_band WHERE scorecard_id = ?"
                        + " ORDER BY chamber, min_percent DESC", rs -> new Band(rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3).stripTrailingZeros()), id);
                cards.add(new Scorecard(id, (String) row[1], (String) row[2], (Long) row[3], Absences.valueOf((String) row[4]),
                        Unknowns.valueOf((String) row[5]), (String) row[6], (Instant) row[7], (String) row[8], items, bands));
            }
            return cards;
        });
    }

    Optional<Scorecard> scorecard(String slug) {
        return scorecards().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** Creates a scorecard (without items); returns its id. */
    long createScorecard(Connection c, String slug, String title, long sessionId, Absences absences, Unknowns unknowns,
                         String origin, Instant at, String by) throws SQLException {
        update(c, "INSERT INTO p_scorecards_scorecard (slug, title, session_id, absences, unknowns, origin, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", slug, title, sessionId, absences.name(), unknowns.name(), origin, Timestamp.from(at), by);
        return single(c, "SELECT id FROM p_scorecards_scorecard WHERE slug = ?", rs -> rs.getLong(1), slug).orElseThrow();
    }

    /** Replaces a scorecard's rules (absences, unknowns, items, bands). */
    void saveRules(Connection c, Scorecard card) throws SQLException {
        update(c, "UPDATE p_scorecards_scorecard SET title = ?, absences = ?, unknowns = ?, origin = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                card.title(), card.absences().name(), card.unknowns().name(), card.origin(), Timestamp.from(card.updatedAt()),
                card.updatedBy(), card.id());
        update(c, "DELETE FROM p_scorecards_item WHERE scorecard_id = ?", card.id());
        update(c, "DELETE FROM p_scorecards_grade_band WHERE scorecard_id = ?", card.id());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO p_scorecards_item (scorecard_id, bill_id, roll_call_id, weight, featured)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            for (Item i : card.items()) {
                ps.setLong(1, card.id());
                setNullable(ps, 2, i.billId());
                setNullable(ps, 3, i.rollCallId());
                ps.setBigDecimal(4, i.weight());
                ps.setBoolean(5, i.featured());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO p_scorecards_grade_band (scorecard_id, chamber, letter, min_percent)"
                + " VALUES (?, ?, ?, ?)")) {
            for (Band b : card.bands()) {
                ps.setLong(1, card.id());
                ps.setString(2, b.chamber());
                ps.setString(3, b.letter());
                ps.setBigDecimal(4, b.minPercent());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---------------------------------------------------------------- imports

    Optional<String> importFingerprint(String source) {
        return read(c -> single(c, "SELECT fingerprint FROM p_scorecards_import WHERE source = ?", rs -> rs.getString(1), source));
    }

    Optional<String[]> lastImport(String source) {
        return read(c -> single(c, "SELECT fingerprint, imported_at, summary FROM p_scorecards_import WHERE source = ?",
                rs -> new String[] {rs.getString(1), String.valueOf(instant(rs.getTimestamp(2))), rs.getString(3)}, source));
    }

    void saveImport(Connection c, String source, String fingerprint, Instant at, String summary) throws SQLException {
        if (update(c, "UPDATE p_scorecards_import SET fingerprint = ?, imported_at = ?, summary = ? WHERE source = ?",
                fingerprint, Timestamp.from(at), cut(summary, 4000), source) == 0) {
            update(c, "INSERT INTO p_scorecards_import (fingerprint, imported_at, summary, source) VALUES (?, ?, ?, ?)",
                    fingerprint, Timestamp.from(at), cut(summary, 4000), source);
        }
    }

    // ---------------------------------------------------------------- JDBC plumbing

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Each {
        void accept(ResultSet rs) throws SQLException;
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> out = new ArrayList<>();
        each(c, sql, rs -> out.add(row.map(rs)), args);
        return out;
    }

    static <T> Optional<T> single(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> l = list(c, sql, row, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    static void each(Connection c, String sql, Each each, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs);
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL); // untyped: PostgreSQL infers the column's type (a DATE, a VARCHAR…)
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Long n) {
                ps.setLong(i + 1, n);
            } else if (a instanceof BigDecimal d) {
                ps.setBigDecimal(i + 1, d);
            } else if (a instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else if (a instanceof Timestamp t) {
                ps.setTimestamp(i + 1, t);
            } else if (a instanceof Date d) {
                ps.setDate(i + 1, d);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }

    private static void setNullable(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> tags(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Bills and roll calls by id, in their stored order. */
    static <T> Map<Long, T> byId(List<T> items, java.util.function.ToLongFunction<T> id) {
        Map<Long, T> out = new LinkedHashMap<>();
        items.forEach(i -> out.put(id.applyAsLong(i), i));
        return out;
    }
}
