package org.chorus.host.application.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.chorus.host.infrastructure.json.Json;

/**
 * Erases supporters' personal data on campaigns whose privacy safe mode says so ({@code purge_after_days}): an
 * action record older than that loses what identifies its supporter (its payload is cut down by its action type
 * to counts, districts and where letters went; its referrer goes), the letters it sent lose body, sender and
 * reply address, and a supporter with nothing left that is not erased is deleted with their consent history.
 * A supporter who opted in (their latest answer to any consent is yes) is kept whole. Letters not yet delivered
 * are left until they are. Runs on the host scheduler; tests call {@link #runOnce()} with their own clock.
 */
public final class PrivacyPurge implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PrivacyPurge.class.getName());
    static final String ERASED = "[erased]";

    /** What one run erased. */
    public record Result(int records, int supporters, int kept) {
    }

    private final DataSource ds;
    private final Clock clock;
    /** (action type, payload) → what may stay: the action type's {@code forget}; nothing when it is not installed. */
    private final BiFunction<String, Map<String, Object>, Map<String, Object>> forget;
    private final int batch;
    private ScheduledFuture<?> scheduled;

    public PrivacyPurge(DataSource ds, Clock clock, BiFunction<String, Map<String, Object>, Map<String, Object>> forget,
                        int batch) {
        this.ds = ds;
        this.clock = clock;
        this.forget = forget;
        this.batch = batch;
    }

    /** Runs every {@code interval} on the host scheduler (errors are logged; the next run tries again). */
    public void start(ScheduledExecutorService scheduler, Duration interval) {
        scheduled = scheduler.scheduleWithFixedDelay(() -> {
            try {
                Result r = runOnce();
                if (r.records() > 0) {
                    LOG.info(() -> "Privacy purge: erased " + r.records() + " action records and " + r.supporters()
                            + " supporters; kept " + r.kept() + " (opted in or mail not yet delivered)");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Privacy purge failed; it runs again later", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Result runOnce() {
        Instant now = clock.instant();
        int records = 0;
        int supporters = 0;
        int kept = 0;
        try (Connection c = ds.getConnection()) {
            for (Map.Entry<Long, Integer> campaign : purgingCampaigns(c).entrySet()) {
                Instant cutoff = now.minus(Duration.ofDays(campaign.getValue()));
                for (Due due : due(c, campaign.getKey(), cutoff)) {
                    c.setAutoCommit(false);
                    try {
                        if (due.supporterId() != null && (optedIn(c, due.supporterId()) || mailPending(c, due.recordId()))) {
                            kept++;
                            c.rollback();
                            continue;
                        }
                        erase(c, due, now);
                        records++;
                        if (due.supporterId() != null && nothingLeft(c, due.supporterId())) {
                            update(c, "DELETE FROM supporter WHERE id = ?", due.supporterId());
                            supporters++;
                        }
                        c.commit();
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("privacy purge failed: " + e.getMessage(), e);
        }
        return new Result(records, supporters, kept);
    }

    private record Due(long recordId, Long supporterId, String actionType, String payloadJson) {
    }

    private static Map<Long, Integer> purgingCampaigns(Connection c) throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, privacy_purge_days FROM campaign WHERE privacy_purge_days > 0");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getInt(2));
            }
        }
        return out;
    }

    private List<Due> due(Connection c, long campaignId, Instant cutoff) throws SQLException {
        List<Due> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT ar.id, ar.supporter_id, ca.action_type, ar.payload_json
                FROM action_record ar JOIN campaign_action ca ON ar.campaign_action_id = ca.id
                WHERE ca.campaign_id = ? AND ar.forgotten_at IS NULL AND ar.created_at <= ?
                ORDER BY ar.created_at, ar.id""")) {
            ps.setLong(1, campaignId);
            ps.setTimestamp(2, Timestamp.from(cutoff));
            ps.setMaxRows(batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long supporter = rs.getLong(2);
                    out.add(new Due(rs.getLong(1), rs.wasNull() ? null : supporter, rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** The latest answer to some consent is yes. */
    private static boolean optedIn(Connection c, long supporterId) throws SQLException {
        Map<String, Boolean> latest = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT consent_key, granted FROM consent WHERE supporter_id = ? ORDER BY recorded_at, id")) {
            ps.setLong(1, supporterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    latest.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        return latest.containsValue(Boolean.TRUE);
    }

    /** A letter of this action still on its way (queued, being sent, retrying): erase once it is done. */
    private static boolean mailPending(Connection c, long recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox_message WHERE action_record_id = ? "
                + "AND state IN ('QUEUED', 'SENDING', 'FAILED')")) {
            ps.setLong(1, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private void erase(Connection c, Due due, Instant now) throws SQLException {
        Map<String, Object> payload;
        try {
            payload = Json.readObject(due.payloadJson());
        } catch (RuntimeException e) {
            payload = Map.of();
        }
        Map<String, Object> left = forget.apply(due.actionType(), payload);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE action_record SET payload_json = ?, referrer = NULL, forgotten_at = ? WHERE id = ?")) {
            ps.setString(1, Json.write(left == null ? Map.of() : left));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, due.recordId());
            ps.executeUpdate();
        }
        // A digest that folded these letters in holds their text too.
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE outbox_message SET body = ?, subject = ?, reply_to = NULL, from_name = NULL
                WHERE kind = 'DIGEST' AND state IN ('SENT', 'DEAD', 'SKIPPED')
                  AND id IN (SELECT digest_id FROM outbox_message WHERE action_record_id = ? AND digest_id IS NOT NULL)""")) {
            ps.setString(1, ERASED);
            ps.setString(2, ERASED);
            ps.setLong(3, due.recordId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET body = ?, subject = ?, reply_to = NULL, "
                + "from_name = NULL, supporter_id = NULL WHERE action_record_id = ?")) {
            ps.setString(1, ERASED);
            ps.setString(2, ERASED);
            ps.setLong(3, due.recordId());
            ps.executeUpdate();
        }
    }

    private static boolean nothingLeft(Connection c, long supporterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM action_record WHERE supporter_id = ? AND forgotten_at IS NULL")) {
            ps.setLong(1, supporterId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        }
    }

    private static void update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    @Override
    public void close() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
