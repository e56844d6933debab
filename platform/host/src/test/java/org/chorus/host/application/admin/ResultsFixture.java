package org.chorus.host.application.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Rows for results tests, written with plain JDBC so each test controls every timestamp and state. Ids come from a
 * counter well above the sequences' start, so they never meet rows the platform itself inserts.
 */
final class ResultsFixture {

    private final DataSource ds;
    private final AtomicLong ids = new AtomicLong(100_000);
    private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");

    ResultsFixture(DataSource ds) {
        this.ds = ds;
    }

    long campaign(String slug, String title) {
        long id = ids.incrementAndGet();
        exec("INSERT INTO campaign (id, slug, title, theme, status, default_language, languages, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'default', 'PUBLISHED', 'en', 'en', ?, ?)", id, slug, title, ts(NOW), ts(NOW));
        return id;
    }

    long action(long campaignId, String key, String type, int position) {
        long id = ids.incrementAndGet();
        exec("INSERT INTO campaign_action (id, campaign_id, action_key, action_type, title, position, settings_json, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?)", id, campaignId, key, type, "Action " + key, position, ts(NOW), ts(NOW));
        return id;
    }

    long division(String name, String chamber) {
        long id = ids.incrementAndGet();
        exec("INSERT INTO division (id, ocd_id, kind, chamber, name, updated_at) VALUES (?, ?, 'sldu', ?, ?, ?)",
                id, "ocd-division/test/" + id, chamber, name, ts(NOW));
        return id;
    }

    long target(String name, String title, String party, String chamber, long divisionId) {
        long id = ids.incrementAndGet();
        exec("INSERT INTO target (id, external_id, kind, name, title, chamber, party, email, division_id, status, created_at,"
                + " updated_at) VALUES (?, ?, 'legislator', ?, ?, ?, ?, ?, ?, 'SITTING', ?, ?)", id, "test-" + id, name, title,
                chamber, party, name.toLowerCase().replace(' ', '.') + "@example.gov", divisionId, ts(NOW), ts(NOW));
        return id;
    }

    long supporter(String email, String first, String last, String town, String zip) {
        long id = ids.incrementAndGet();
        exec("INSERT INTO supporter (id, email, first_name, last_name, street, town, postal_code, locale, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, '1 Main St', ?, ?, 'en', ?, ?)", id, email, first, last, town, zip, ts(NOW), ts(NOW));
        return id;
    }

    void consent(long supporterId, long campaignId, String key, boolean granted, Instant at) {
        exec("INSERT INTO consent (id, supporter_id, campaign_id, consent_key, granted, recorded_at, source) VALUES (?, ?, ?, ?, ?, ?, 'test')",
                ids.incrementAndGet(), supporterId, campaignId, key, granted, ts(at));
    }

    long record(long actionId, Long supporterId, Instant created, Instant landed, String source, String payload) {
        long id = ids.incrementAndGet();
        exec("INSERT INTO action_record (id, campaign_action_id, supporter_id, created_at, landed_at, source_code, referrer,"
                + " idempotency_key, unique_key, payload_json) VALUES (?, ?, ?, ?, ?, ?, 'https://news.example/story', ?, ?, ?)",
                id, actionId, supporterId, ts(created), landed == null ? null : ts(landed), source, "idem-" + id + "-0123456789",
                supporterId == null ? null : "unique-" + supporterId, payload);
        return id;
    }

    long letter(long recordId, long campaignId, Long supporterId, Long targetId, String state, String replyTo, String body, Instant at) {
        long id = ids.incrementAndGet();
        exec("INSERT INTO outbox_message (id, action_record_id, campaign_id, supporter_id, target_id, to_address, to_domain,"
                + " to_name, from_name, reply_to, subject, body, message_id, state, attempts, next_attempt_at, created_at, kind)"
                + " VALUES (?, ?, ?, ?, ?, 'office@example.gov', 'example.gov', 'Office', 'Someone via Test', ?, 'Please act', ?, ?, ?,"
                + " 0, ?, ?, 'LETTER')", id, recordId, campaignId, supporterId, targetId, replyTo, body, "<m" + id + "@test>", state,
                ts(at), ts(at));
        return id;
    }

    long digest(long campaignId, Long targetId, String body, String state, Instant at) {
        long id = ids.incrementAndGet();
        exec("INSERT INTO outbox_message (id, campaign_id, target_id, to_address, to_domain, to_name, from_name, subject, body,"
                + " message_id, state, attempts, next_attempt_at, created_at, kind) VALUES (?, ?, ?, 'office@example.gov',"
                + " 'example.gov', 'Office', 'Constituents via Test', '2 letters', ?, ?, ?, 0, ?, ?, 'DIGEST')",
                id, campaignId, targetId, body, "<d" + id + "@test>", state, ts(at), ts(at));
        return id;
    }

    void fold(long letterId, long digestId) {
        exec("UPDATE outbox_message SET digest_id = ?, digest_key = 'daily' WHERE id = ?", digestId, letterId);
    }

    <T> T one(String sql, Class<T> type, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Object v = rs.getObject(1);
                return v == null ? null : type == Long.class ? type.cast(((Number) v).longValue()) : type.cast(v);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void exec(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
