package org.chorus.host.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.chorus.host.domain.outbox.OutboxKind;
import org.chorus.host.domain.outbox.OutboxQueue;

/**
 * The outbox queue in plain JDBC over the platform pool. Not JPA: a claim needs statement-level control that the
 * entity manager hides (row locks with {@code SKIP LOCKED}, the update count of each guarded {@code UPDATE},
 * one short transaction per statement on H2), and the worker reads flat rows, not entities.
 *
 * <p>PostgreSQL: one transaction selects the candidates {@code FOR UPDATE SKIP LOCKED} (a concurrent worker skips
 * them instead of waiting), applies the rate limit and marks them SENDING. H2 has no {@code SKIP LOCKED}: the
 * candidates are read without locks and each is taken by its own guarded {@code UPDATE ... WHERE id = ? AND
 * <still due>}; H2 re-evaluates the guard after waiting for a concurrent writer's row lock, so exactly one worker
 * sees an update count of 1 for a row. The same guarded statement runs on PostgreSQL too, where it always wins.
 */
public final class JdbcOutboxQueue implements OutboxQueue {

    /** Due, or stuck in SENDING past the lease; never a letter that waits for its digest. */
    private static final String DUE = "digest_key IS NULL AND ((state IN ('QUEUED', 'FAILED') AND next_attempt_at <= ?)"
            + " OR (state = 'SENDING' AND claimed_at <= ?))";

    /*
     * The candidates come from two queries, not one with the OR of DUE: each is a range of ix_outbox_due
     * (state, next_attempt_at), while the OR made H2 scan every row without a digest key, i.e. the whole history.
     */
    private static final String STALE_CANDIDATES = "SELECT id, to_domain, state FROM outbox_message"
            + " WHERE state = 'SENDING' AND claimed_at <= ? AND digest_key IS NULL ORDER BY next_attempt_at, id LIMIT ?";
    private static final String DUE_CANDIDATES = "SELECT id, to_domain, state FROM outbox_message"
            + " WHERE state IN ('QUEUED', 'FAILED') AND next_attempt_at <= ? AND digest_key IS NULL"
            + " ORDER BY next_attempt_at, id LIMIT ?";

    private static final String TAKE = "UPDATE outbox_message SET state = 'SENDING', claimed_at = ?, claimed_by = ?,"
            + " attempts = attempts + 1 WHERE id = ? AND " + DUE;

    /** Over the rate limit: due later, not attempted. A stale SENDING row is put back as FAILED (its attempt counted). */
    private static final String DEFER = "UPDATE outbox_message SET next_attempt_at = ?,"
            + " state = CASE WHEN state = 'SENDING' THEN 'FAILED' ELSE state END WHERE id = ? AND " + DUE;

    private static final String RECENT_CLAIMS = "SELECT COUNT(*), MIN(claimed_at) FROM outbox_message"
            + " WHERE to_domain = ? AND claimed_at > ?";

    private static final String MINE = " WHERE id = ? AND state = 'SENDING' AND claimed_by = ? AND attempts = ?";

    private final DataSource dataSource;
    private final Database.Dialect dialect;

    public JdbcOutboxQueue(DataSource dataSource, Database.Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    private record Candidate(long id, String domain, String state) {
    }

    @Override
    public Claim claim(String worker, Instant now, Instant staleBefore, int limit, int perDomainPerMinute) {
        try (Connection c = dataSource.getConnection()) {
            boolean pg = dialect == Database.Dialect.POSTGRESQL;
            c.setAutoCommit(!pg); // H2: every statement its own short transaction; PostgreSQL: one, holding the row locks
            try {
                // Stale claims first: they are the oldest work, and few.
                List<Candidate> candidates = candidates(c, STALE_CANDIDATES, staleBefore, limit, pg);
                if (candidates.size() < limit) {
                    candidates.addAll(candidates(c, DUE_CANDIDATES, now, limit - candidates.size(), pg));
                }
                if (candidates.isEmpty()) {
                    commit(c, pg);
                    return new Claim(List.of(), 0);
                }
                List<Candidate> admitted = candidates;
                int deferred = 0;
                if (perDomainPerMinute > 0) {
                    admitted = new ArrayList<>();
                    Map<String, Integer> room = new HashMap<>();
                    Map<String, Instant> freesAt = new HashMap<>();
                    for (Candidate cand : candidates) {
                        if (!room.containsKey(cand.domain())) {
                            recentClaims(c, cand.domain(), now, perDomainPerMinute, room, freesAt);
                        }
                        int left = room.get(cand.domain());
                        if (left > 0) {
                            room.put(cand.domain(), left - 1);
                            admitted.add(cand);
                        } else {
                            deferred += defer(c, cand, freesAt.get(cand.domain()), now, staleBefore);
                        }
                    }
                }
                Map<Long, Boolean> taken = take(c, admitted, worker, now, staleBefore);
                List<Claimed> claimed = taken.isEmpty() ? List.of() : load(c, taken);
                commit(c, pg);
                return new Claim(claimed, deferred);
            } catch (SQLException | RuntimeException e) {
                if (pg) {
                    c.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox claim failed: " + e.getMessage(), e);
        }
    }

    private static List<Candidate> candidates(Connection c, String sql, Instant before, int limit, boolean pg)
            throws SQLException {
        List<Candidate> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql + (pg ? " FOR UPDATE SKIP LOCKED" : ""))) {
            q.setTimestamp(1, ts(before));
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** How many more claims the domain may have now, and when the oldest claim in the window leaves it. */
    private static void recentClaims(Connection c, String domain, Instant now, int perMinute, Map<String, Integer> room,
                                     Map<String, Instant> freesAt) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(RECENT_CLAIMS)) {
            q.setString(1, domain);
            q.setTimestamp(2, ts(now.minusSeconds(60)));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                int used = rs.getInt(1);
                Timestamp oldest = rs.getTimestamp(2);
                room.put(domain, Math.max(0, perMinute - used));
                // Due again when the oldest claim of the window is a minute old; the claims made now keep the room
                // full until then at the earliest.
                freesAt.put(domain, oldest == null ? now.plusSeconds(60) : oldest.toInstant().plusSeconds(60).plusMillis(1));
            }
        }
    }

    private static int defer(Connection c, Candidate cand, Instant until, Instant now, Instant staleBefore) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(DEFER)) {
            u.setTimestamp(1, ts(until));
            u.setLong(2, cand.id());
            u.setTimestamp(3, ts(now));
            u.setTimestamp(4, ts(staleBefore));
            return u.executeUpdate();
        }
    }

    /** The guarded take of each row; returns the ids this worker won, with whether each was a stale SENDING row. */
    private static Map<Long, Boolean> take(Connection c, List<Candidate> rows, String worker, Instant now,
                                           Instant staleBefore) throws SQLException {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, Boolean> won = new LinkedHashMap<>();
        try (PreparedStatement u = c.prepareStatement(TAKE)) {
            for (Candidate cand : rows) {
                u.setTimestamp(1, ts(now));
                u.setString(2, worker);
                u.setLong(3, cand.id());
                u.setTimestamp(4, ts(now));
                u.setTimestamp(5, ts(staleBefore));
                // One statement at a time even on PostgreSQL: a batch's update counts are not reliable per row on
                // every driver, and "exactly one row updated" is the whole point.
                if (u.executeUpdate() == 1) {
                    won.put(cand.id(), "SENDING".equals(cand.state()));
                }
            }
        }
        return won;
    }

    private static List<Claimed> load(Connection c, Map<Long, Boolean> taken) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(taken.size(), "?"));
        Map<Long, Claimed> byId = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, message_id, to_address, to_name, from_name, reply_to,"
                + " subject, body, kind, attempts, created_at FROM outbox_message WHERE id IN (" + marks + ")")) {
            int i = 1;
            for (Long id : taken.keySet()) {
                q.setLong(i++, id);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    byId.put(id, new Claimed(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), OutboxKind.valueOf(rs.getString(9)),
                            rs.getInt(10), taken.get(id), rs.getTimestamp(11).toInstant()));
                }
            }
        }
        List<Claimed> inOrder = new ArrayList<>(); // the candidates' order: oldest due first
        for (Long id : taken.keySet()) {
            inOrder.add(byId.get(id));
        }
        return inOrder;
    }

    @Override
    public boolean markSent(Claimed row, String worker, Instant now) {
        return finish(row, worker, "state = 'SENT', sent_at = ?, last_error = NULL", List.of(ts(now)),
                row.kind() == OutboxKind.DIGEST ? "state = 'SENT', sent_at = ?, last_error = NULL" : null, List.of(ts(now)));
    }

    @Override
    public boolean markFailed(Claimed row, String worker, String error, Instant nextAttemptAt) {
        return finish(row, worker, "state = 'FAILED', next_attempt_at = ?, last_error = ?",
                List.of(ts(nextAttemptAt), clip(error)), null, null);
    }

    @Override
    public boolean markDead(Claimed row, String worker, String error, Instant now) {
        return finish(row, worker, "state = 'DEAD', last_error = ?", List.of(clip(error)),
                row.kind() == OutboxKind.DIGEST ? "state = 'DEAD', last_error = ?" : null,
                List.of(clip("in digest " + row.id() + ", which failed: " + error)));
    }

    @Override
    public boolean release(Claimed row, String worker, Instant now) {
        return finish(row, worker, "state = CASE WHEN attempts <= 1 THEN 'QUEUED' ELSE 'FAILED' END,"
                + " attempts = attempts - 1, next_attempt_at = ?", List.of(ts(now)), null, null);
    }

    /**
     * Sets the row's result if this worker's claim still holds it, and for a digest its letters' results, in one
     * transaction.
     */
    private boolean finish(Claimed row, String worker, String set, List<Object> params, String lettersSet,
                           List<Object> lettersParams) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n;
                try (PreparedStatement u = c.prepareStatement("UPDATE outbox_message SET " + set + MINE)) {
                    int i = bind(u, params);
                    u.setLong(i++, row.id());
                    u.setString(i++, worker);
                    u.setInt(i, row.attempt());
                    n = u.executeUpdate();
                }
                if (n == 1 && lettersSet != null) {
                    try (PreparedStatement u = c.prepareStatement("UPDATE outbox_message SET " + lettersSet
                            + " WHERE digest_id = ?")) {
                        u.setLong(bind(u, lettersParams), row.id());
                        u.executeUpdate();
                    }
                }
                c.commit();
                return n == 1;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox update of row " + row.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** Binds the values from index 1 on; returns the next free index. */
    private static int bind(PreparedStatement s, List<Object> values) throws SQLException {
        int i = 1;
        for (Object v : values) {
            s.setObject(i++, v);
        }
        return i;
    }

    private static void commit(Connection c, boolean pg) throws SQLException {
        if (pg) {
            c.commit();
        }
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static String clip(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
    }
}
