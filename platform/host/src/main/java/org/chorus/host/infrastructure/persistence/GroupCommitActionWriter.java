package org.chorus.host.infrastructure.persistence;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.chorus.host.domain.action.ActionWriter;
import org.chorus.host.domain.outbox.OutboxMessage;
import org.chorus.host.domain.outbox.OutboxState;
import org.chorus.host.domain.supporter.Supporter;

/**
 * Stores supporters' actions with group commit: request threads queue their action and wait; one writer thread
 * takes whatever has queued meanwhile (up to {@code maxBatch}) and stores it all in one transaction with a handful
 * of batched statements, then wakes each request with its own outcome. A commit (a disk flush on PostgreSQL) and
 * its round trips are shared by every action in the batch, which is what lets one instance take thousands of
 * actions a second; under light load a batch holds one action and nothing waits.
 * <p>
 * Plain JDBC rather than EclipseLink because it works on sets (one statement per table per batch, whatever the
 * batch size) — the rows are the ones the entities map, with the same rules: {@link Supporter#normalizeEmail},
 * blank fields keep what is stored, ids from {@link SequenceIds}. If a batch fails (e.g. another instance stored
 * the same e-mail between our read and our insert), it is rolled back and each action is retried alone, so one
 * action never fails another.
 */
public final class GroupCommitActionWriter implements ActionWriter, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommitActionWriter.class.getName());
    private static final int ATTEMPTS_ALONE = 3;

    private final DataSource dataSource;
    private final SequenceIds ids;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    private record Pending(NewAction action, CompletableFuture<Written> done) {
    }

    public GroupCommitActionWriter(DataSource dataSource, SequenceIds ids, int maxBatch) {
        this.dataSource = dataSource;
        this.ids = ids;
        this.maxBatch = Math.max(1, maxBatch);
        this.thread = new Thread(this::run, "chorus-action-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public Written write(NewAction action) {
        if (closed) {
            throw new IllegalStateException("the platform is stopping: actions are no longer taken");
        }
        Pending p = new Pending(action, new CompletableFuture<>());
        queue.add(p);
        try {
            return p.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new PersistenceException(e.getCause());
        }
    }

    /** Stores what is queued, then stops the writer thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending p; (p = queue.poll()) != null; ) {
            p.done().completeExceptionally(new IllegalStateException("the platform stopped before this action was stored"));
        }
    }

    private void run() {
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "action writer", e); // store() completes every future; keep serving
            }
        }
    }

    private void store(List<Pending> batch) {
        try {
            complete(batch, inOneTransaction(batch.stream().map(Pending::action).toList()));
            return;
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                LOG.log(Level.FINE, "storing an action failed; retrying it", e);
            } else {
                LOG.log(Level.INFO, "a batch of " + batch.size() + " actions failed; storing each alone: " + e);
            }
        }
        for (Pending p : batch) {
            Exception last = null;
            for (int attempt = 0; attempt < ATTEMPTS_ALONE; attempt++) {
                try {
                    complete(List.of(p), inOneTransaction(List.of(p.action())));
                    last = null;
                    break;
                } catch (SQLException | RuntimeException e) {
                    last = e; // a concurrent writer took the e-mail or the key: the next attempt sees its rows
                }
            }
            if (last != null) {
                p.done().completeExceptionally(new PersistenceException("cannot store the action: " + last.getMessage(), last));
            }
        }
    }

    /**
     * Stores these actions as the writer thread stores one batch, on the calling thread: each entry is the action's
     * {@link Written} or the exception that failed it. For tests of a batch's rules.
     */
    List<Object> storeAsOneBatch(List<NewAction> actions) {
        List<Pending> batch = actions.stream().map(a -> new Pending(a, new CompletableFuture<Written>())).toList();
        store(batch);
        return batch.stream().map(p -> {
            try {
                return (Object) p.done().join();
            } catch (CompletionException e) {
                return e.getCause();
            }
        }).toList();
    }

    private static void complete(List<Pending> batch, List<Written> written) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(written.get(i));
        }
    }

    // ---- one transaction for a list of actions --------------------------------------------------------------------

    List<Written> inOneTransaction(List<NewAction> actions) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<Written> written = write(c, actions);
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private List<Written> write(Connection c, List<NewAction> actions) throws SQLException {
        int n = actions.size();
        Written[] out = new Written[n];

        // The same form posted twice (now, earlier or within this batch) is one action.
        Set<String> storedKeys = selectStrings(c, "SELECT idempotency_key FROM action_record WHERE idempotency_key IN (%s)",
                actions.stream().map(NewAction::idempotencyKey).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        Set<String> keysHere = new HashSet<>();
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = actions.get(i).idempotencyKey();
            if (storedKeys.contains(key) || !keysHere.add(key)) {
                out[i] = new Duplicate();
            } else {
                live.add(i);
            }
        }

        // Supporters, one per e-mail: new ones inserted, returning ones updated (in batch order).
        Set<String> emails = new LinkedHashSet<>();
        live.forEach(i -> emails.add(Supporter.normalizeEmail(actions.get(i).supporter().email())));
        Map<String, Long> supporterIds = new HashMap<>();
        if (!emails.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, email FROM supporter WHERE email IN (" + marks(emails.size()) + ")")) {
                bindAll(ps, emails);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        supporterIds.put(rs.getString(2), rs.getLong(1));
                    }
                }
            }
        }
        long[] supporterOf = new long[n];
        boolean[] isNew = new boolean[n];
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO supporter (id, email, first_name, last_name, street,"
                + " town, postal_code, locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE supporter SET first_name = COALESCE(?, first_name),"
                     + " last_name = COALESCE(?, last_name), street = CASE WHEN ? = 1 THEN NULL ELSE COALESCE(?, street) END,"
                     + " town = COALESCE(?, town), postal_code = COALESCE(?, postal_code), locale = COALESCE(?, locale),"
                     + " updated_at = ? WHERE id = ?")) {
            boolean inserts = false;
            boolean updates = false;
            for (int i : live) {
                NewAction a = actions.get(i);
                SupporterFields s = a.supporter();
                String email = Supporter.normalizeEmail(s.email());
                Long id = supporterIds.get(email);
                String street = s.forgetStreet() ? null : fresh(s.street());
                if (id == null) {
                    id = ids.next("supporter_seq");
                    supporterIds.put(email, id);
                    isNew[i] = true;
                    insert.setLong(1, id);
                    insert.setString(2, email);
                    insert.setString(3, fresh(s.firstName()));
                    insert.setString(4, fresh(s.lastName()));
                    insert.setString(5, street);
                    insert.setString(6, fresh(s.town()));
                    insert.setString(7, fresh(s.postalCode()));
                    insert.setString(8, fresh(s.locale()));
                    insert.setTimestamp(9, Timestamp.from(a.now()));
                    insert.setTimestamp(10, Timestamp.from(a.now()));
                    insert.addBatch();
                    inserts = true;
                } else {
                    update.setString(1, fresh(s.firstName()));
                    update.setString(2, fresh(s.lastName()));
                    update.setInt(3, s.forgetStreet() ? 1 : 0);
                    update.setString(4, street);
                    update.setString(5, fresh(s.town()));
                    update.setString(6, fresh(s.postalCode()));
                    update.setString(7, fresh(s.locale()));
                    update.setTimestamp(8, Timestamp.from(a.now()));
                    update.setLong(9, id);
                    update.addBatch();
                    updates = true;
                }
                supporterOf[i] = id;
            }
            if (inserts) {
                insert.executeBatch(); // before the updates: a later action in this batch may update the same supporter
            }
            if (updates) {
                update.executeBatch();
            }
        }

        // Consents, recorded whatever happens next (a repeat signature still updates the supporter's choices).
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO consent (id, supporter_id, campaign_id, consent_key,"
                + " granted, recorded_at, source) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (int i : live) {
                NewAction a = actions.get(i);
                for (var consent : a.consents().entrySet()) {
                    ps.setLong(1, ids.next("consent_seq"));
                    ps.setLong(2, supporterOf[i]);
                    ps.setLong(3, a.campaignId());
                    ps.setString(4, consent.getKey());
                    ps.setBoolean(5, consent.getValue());
                    ps.setTimestamp(6, Timestamp.from(a.now()));
                    ps.setString(7, a.consentSource());
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }

        // The action type's unique key (e.g. one signature per e-mail per petition): taken before → a repeat.
        Map<String, Instant> takenUnique = new HashMap<>();
        Set<List<Object>> uniqueKeys = new LinkedHashSet<>();
        live.forEach(i -> {
            if (actions.get(i).uniqueKey() != null) {
                uniqueKeys.add(List.of(actions.get(i).campaignActionId(), actions.get(i).uniqueKey()));
            }
        });
        if (!uniqueKeys.isEmpty()) {
            // One probe of the unique index (campaign action, key) per key, written so that no planner can do
            // otherwise: a plain IN list let PostgreSQL without statistics (a new table, autovacuum off) scan every
            // signature of the petition for each batch.
            String rows = String.join(", ", java.util.Collections.nCopies(uniqueKeys.size(), "(CAST(? AS BIGINT), CAST(? AS VARCHAR(300)))"));
            try (PreparedStatement ps = c.prepareStatement("SELECT v.a, v.k, (SELECT r.created_at FROM action_record r"
                    + " WHERE r.campaign_action_id = v.a AND r.unique_key = v.k) FROM (VALUES " + rows + ") AS v(a, k)")) {
                int p = 1;
                for (List<Object> key : uniqueKeys) {
                    ps.setLong(p++, (Long) key.get(0));
                    ps.setString(p++, (String) key.get(1));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp taken = rs.getTimestamp(3);
                        if (taken != null) {
                            takenUnique.put(rs.getLong(1) + "\u0000" + rs.getString(2), taken.toInstant());
                        }
                    }
                }
            }
        }
        List<Integer> recorded = new ArrayList<>();
        for (int i : live) {
            NewAction a = actions.get(i);
            if (a.uniqueKey() != null) {
                String k = a.campaignActionId() + "\u0000" + a.uniqueKey();
                Instant first = takenUnique.get(k);
                if (first != null) {
                    out[i] = new Repeat(first);
                    continue;
                }
                takenUnique.put(k, a.now());
            }
            recorded.add(i);
        }

        long[] recordId = new long[n];
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO action_record (id, campaign_action_id, supporter_id,"
                + " created_at, landed_at, source_code, referrer, idempotency_key, unique_key, payload_json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i : recorded) {
                NewAction a = actions.get(i);
                recordId[i] = ids.next("action_record_seq");
                ps.setLong(1, recordId[i]);
                ps.setLong(2, a.campaignActionId());
                ps.setLong(3, supporterOf[i]);
                ps.setTimestamp(4, Timestamp.from(a.now()));
                setTimestamp(ps, 5, a.landedAt());
                ps.setString(6, a.sourceCode());
                ps.setString(7, a.referrer());
                ps.setString(8, a.idempotencyKey());
                ps.setString(9, a.uniqueKey());
                ps.setString(10, a.payloadJson());
                ps.addBatch();
                out[i] = new Stored(recordId[i], supporterOf[i], a.now());
            }
            if (!recorded.isEmpty()) {
                ps.executeBatch();
            }
        }

        // The repeat guard: a returning supporter who wrote to a target on this campaign within the window (before,
        // or earlier in this batch) has the letter recorded as skipped, not sent again.
        Set<String> recent = recentLetters(c, actions, recorded, supporterOf, isNew);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (id, action_record_id, campaign_id,"
                + " supporter_id, target_id, plugin_id, to_address, to_domain, to_name, from_name, reply_to, subject, body,"
                + " digest_key, message_id, state, attempts, next_attempt_at, last_error, created_at, kind)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 'LETTER')")) {
            boolean any = false;
            for (int i : recorded) {
                NewAction a = actions.get(i);
                for (Letter m : a.messages()) {
                    boolean repeat = false;
                    if (m.targetId() != null) {
                        repeat = !recent.add(supporterOf[i] + "/" + a.campaignId() + "/" + m.targetId());
                    }
                    ps.setLong(1, ids.next("outbox_message_seq"));
                    ps.setLong(2, recordId[i]);
                    ps.setLong(3, a.campaignId());
                    ps.setLong(4, supporterOf[i]);
                    setLong(ps, 5, m.targetId());
                    ps.setString(6, m.pluginId());
                    ps.setString(7, m.toAddress());
                    ps.setString(8, OutboxMessage.domainOf(m.toAddress()));
                    ps.setString(9, m.toName());
                    ps.setString(10, m.fromName());
                    ps.setString(11, m.replyTo());
                    ps.setString(12, m.subject());
                    ps.setString(13, m.body());
                    ps.setString(14, m.digestKey());
                    ps.setString(15, m.messageId());
                    ps.setString(16, (repeat ? OutboxState.SKIPPED : OutboxState.QUEUED).name());
                    ps.setTimestamp(17, Timestamp.from(a.now()));
                    ps.setString(18, repeat ? "already wrote to this target on this campaign within "
                            + a.repeatWindow().toHours() + " h" : null);
                    ps.setTimestamp(19, Timestamp.from(a.now()));
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
        return List.of(out);
    }

    /** "supporter/campaign/target" of letters that count for the repeat guard, as of before this batch. */
    private static Set<String> recentLetters(Connection c, List<NewAction> actions, List<Integer> recorded,
                                             long[] supporterOf, boolean[] isNew) throws SQLException {
        Set<String> recent = new HashSet<>();
        Map<Long, Instant> since = new HashMap<>(); // per returning supporter, the widest window asked
        for (int i : recorded) {
            NewAction a = actions.get(i);
            if (!isNew[i] && a.messages().stream().anyMatch(m -> m.targetId() != null)) {
                since.merge(supporterOf[i], a.now().minus(a.repeatWindow()), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        if (since.isEmpty()) {
            return recent;
        }
        Instant earliest = since.values().stream().min(Instant::compareTo).orElseThrow();
        try (PreparedStatement ps = c.prepareStatement("SELECT supporter_id, campaign_id, target_id, created_at FROM outbox_message"
                + " WHERE supporter_id IN (" + marks(since.size()) + ") AND created_at > ? AND target_id IS NOT NULL"
                + " AND state <> 'SKIPPED'")) {
            int p = 1;
            for (long s : since.keySet()) {
                ps.setLong(p++, s);
            }
            ps.setTimestamp(p, Timestamp.from(earliest));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getTimestamp(4).toInstant().isAfter(since.get(rs.getLong(1)))) {
                        recent.add(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3));
                    }
                }
            }
        }
        return recent;
    }

    private static Set<String> selectStrings(Connection c, String sql, Collection<String> values) throws SQLException {
        Set<String> found = new HashSet<>();
        if (values.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement(String.format(sql, marks(values.size())))) {
            bindAll(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bindAll(PreparedStatement ps, Collection<String> values) throws SQLException {
        int p = 1;
        for (String v : values) {
            ps.setString(p++, v);
        }
    }

    /** Newer non-blank details win; a blank field never erases what is stored. */
    private static String fresh(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void setTimestamp(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
