package org.chorus.host.application.admin;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.chorus.host.domain.outbox.OutboxState;
import org.chorus.host.domain.staff.StaffUser;

/**
 * The outbox as staff see it: counts per state, a filtered list, one message, and retry. A retry puts a FAILED or
 * DEAD row back to QUEUED, due now, with its attempt count reset (it gets the full retry policy again); the change
 * and its audit entry commit together, and the update is guarded by the state, so it never touches a row the
 * worker holds.
 */
public final class OutboxAdmin {

    /** A row of the list and the message page. */
    public record Row(long id, String kind, OutboxState state, String toAddress, String toName, String fromName,
                      String replyTo, String subject, String body, String messageId, int attempts, Instant createdAt,
                      Instant nextAttemptAt, Instant sentAt, String lastError, Long campaignId, String pluginId) {
        public boolean retryable() {
            return state == OutboxState.FAILED || state == OutboxState.DEAD;
        }

        /** A password reset: its body holds a live link, which nobody but its recipient may read. */
        public boolean confidential() {
            return messageId != null && messageId.startsWith(PasswordResets.MESSAGE_ID_PREFIX);
        }
    }

    private static final String COLUMNS = "id, kind, state, to_address, to_name, from_name, reply_to, subject, body,"
            + " message_id, attempts, created_at, next_attempt_at, sent_at, last_error, campaign_id, plugin_id";

    private final DataSource ds;
    private final StaffSecurity security;
    private final Clock clock;

    public OutboxAdmin(DataSource ds, StaffSecurity security, Clock clock) {
        this.ds = ds;
        this.security = security;
        this.clock = clock;
    }

    public Map<OutboxState, Long> counts() {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            counts.put(s, 0L);
        }
        StaffSecurity.Jdbc.query(ds, "SELECT state, COUNT(*) FROM outbox_message GROUP BY state", ps -> { }, rs -> {
            counts.put(OutboxState.valueOf(rs.getString(1)), rs.getLong(2));
            return null;
        });
        return counts;
    }

    /** The newest {@code limit} messages, of one state or all (newest first). */
    public List<Row> list(Optional<OutboxState> state, int limit) {
        return list(state, Optional.empty(), limit);
    }

    /** The newest {@code limit} messages, of one state or all, of one campaign or all (newest first). */
    public List<Row> list(Optional<OutboxState> state, Optional<Long> campaignId, int limit) {
        String where = state.isPresent() ? " WHERE state = ?" : "";
        if (campaignId.isPresent()) {
            where += (where.isEmpty() ? " WHERE" : " AND") + " campaign_id = ?";
        }
        String sql = "SELECT " + COLUMNS + " FROM outbox_message" + where + " ORDER BY id DESC";
        return StaffSecurity.Jdbc.query(ds, sql, ps -> {
            int i = 1;
            if (state.isPresent()) {
                ps.setString(i++, state.get().name());
            }
            if (campaignId.isPresent()) {
                ps.setLong(i, campaignId.get());
            }
            ps.setMaxRows(Math.max(1, limit));
        }, OutboxAdmin::row);
    }

    /** Messages per campaign and state (messages of no campaign, such as password resets, under slug ""). */
    public record CampaignCounts(String slug, String title, Map<OutboxState, Long> counts) {
        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public List<CampaignCounts> countsByCampaign() {
        Map<String, CampaignCounts> out = new LinkedHashMap<>();
        StaffSecurity.Jdbc.query(ds, "SELECT c.slug, c.title, m.state, COUNT(*) FROM outbox_message m"
                + " LEFT JOIN campaign c ON c.id = m.campaign_id GROUP BY c.slug, c.title, m.state ORDER BY c.slug", ps -> { }, rs -> {
                    String slug = rs.getString(1) == null ? "" : rs.getString(1);
                    String title = rs.getString(2) == null ? "" : rs.getString(2);
                    CampaignCounts cc = out.computeIfAbsent(slug, k -> {
                        Map<OutboxState, Long> m = new EnumMap<>(OutboxState.class);
                        for (OutboxState st : OutboxState.values()) {
                            m.put(st, 0L);
                        }
                        return new CampaignCounts(k, title, m);
                    });
                    cc.counts().put(OutboxState.valueOf(rs.getString(3)), rs.getLong(4));
                    return null;
                });
        return List.copyOf(out.values());
    }

    public Optional<Row> get(long id) {
        return StaffSecurity.Jdbc.query(ds, "SELECT " + COLUMNS + " FROM outbox_message WHERE id = ?", ps -> ps.setLong(1, id),
                OutboxAdmin::row).stream().findFirst();
    }

    /** @return false if the row does not exist or is not FAILED/DEAD (any more) */
    public boolean retry(StaffUser actor, long id) {
        Instant now = clock.instant();
        return StaffSecurity.Jdbc.inTransaction(ds, c -> {
            Row before;
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox_message WHERE id = ?")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    before = row(rs);
                }
            }
            int n;
            try (PreparedStatement u = c.prepareStatement("UPDATE outbox_message SET state = 'QUEUED', attempts = 0,"
                    + " next_attempt_at = ?, claimed_by = NULL WHERE id = ? AND state IN ('FAILED', 'DEAD')")) {
                u.setTimestamp(1, StaffSecurity.ts(now));
                u.setLong(2, id);
                n = u.executeUpdate();
            }
            if (n != 1) {
                return false;
            }
            security.audit(c, actor, "outbox.retry", "outbox_message:" + id, summary(before),
                    Map.of("state", "QUEUED", "attempts", 0), now);
            return true;
        });
    }

    private static Map<String, Object> summary(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", r.state().name());
        m.put("attempts", r.attempts());
        m.put("lastError", r.lastError() == null ? "" : r.lastError());
        return m;
    }

    private static Row row(ResultSet rs) throws SQLException {
        long campaign = rs.getLong(16);
        Long campaignId = rs.wasNull() ? null : campaign;
        return new Row(rs.getLong(1), rs.getString(2), OutboxState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11),
                instant(rs, 12), instant(rs, 13), instant(rs, 14), rs.getString(15), campaignId, rs.getString(17));
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        var t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }
}
