package org.chorus.host.application.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.chorus.host.domain.staff.StaffUser;

/**
 * Supporters as staff see them: search, one person's actions, letters and consent history, CSV exports, and the
 * deletion of a person's data on request.
 *
 * <p>Deleting a supporter (a privacy request) removes everything that identifies them and keeps what is anonymous,
 * so a campaign's figures do not change: the supporter row and their consents are deleted; their action records
 * stay (time, action, source code) with the payload, referrer and unique key cleared; their letters stay (recipient,
 * state, for the delivery figures and the pressure table) with sender, reply address, subject and body replaced; a
 * letter not sent yet is cancelled (SKIPPED); their section of a daily digest is cut out of the digest; the local
 * sink's copies are deleted. The audit entry records counts, never who the person was.
 */
public final class SupporterAdmin {

    /** What replaces a deleted supporter's words in the letters kept for the figures. */
    public static final String REMOVED = "[removed at the supporter's request]";
    private static final String DIGEST_RULE = "-".repeat(72) + "\n";

    public record Summary(long id, String email, String firstName, String lastName, String town, String postalCode,
                          Instant createdAt, long actions) {
    }

    public record Page(List<Summary> rows, long total) {
    }

    public record ActionLine(long id, Instant createdAt, Instant landedAt, String campaignSlug, String campaignTitle,
                             String actionKey, String actionType, String sourceCode) {
    }

    public record LetterLine(long id, Long actionRecordId, String toName, String toAddress, String state, Instant createdAt) {
    }

    public record ConsentLine(String key, boolean granted, Instant recordedAt, String source, String campaignSlug) {
    }

    public record Person(Summary summary, String street, String locale, Instant updatedAt, List<ActionLine> actions,
                         List<LetterLine> letters, List<ConsentLine> consents) {
    }

    /** What a deletion did (also the audit entry's "before"). */
    public record Deletion(long actionRecords, long consents, long letters, long lettersCancelled, long digestsEdited) {
    }

    private final DataSource ds;
    private final StaffSecurity security;
    private final Clock clock;
    private final LongConsumer forgetSinkCopy;

    /** @param forgetSinkCopy deletes the local mail sink's copy of an outbox message, if there is one */
    public SupporterAdmin(DataSource ds, StaffSecurity security, Clock clock, LongConsumer forgetSinkCopy) {
        this.ds = ds;
        this.security = security;
        this.clock = clock;
        this.forgetSinkCopy = forgetSinkCopy;
    }

    // ---- search ------------------------------------------------------------------------------------------------

    /** e-mail, name or town containing {@code q} (any case), or exactly this postal code; everyone when blank. */
    private static String where(String q) {
        return q == null || q.isBlank() ? "" : " WHERE LOWER(s.email) LIKE ? ESCAPE '\\'"
                + " OR LOWER(COALESCE(s.first_name, '') || ' ' || COALESCE(s.last_name, '')) LIKE ? ESCAPE '\\'"
                + " OR LOWER(COALESCE(s.town, '')) LIKE ? ESCAPE '\\' OR s.postal_code = ?";
    }

    private static int bindSearch(PreparedStatement ps, String q) throws SQLException {
        if (q == null || q.isBlank()) {
            return 1;
        }
        String like = "%" + q.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        ps.setString(1, like);
        ps.setString(2, like);
        ps.setString(3, like);
        ps.setString(4, q.trim());
        return 5;
    }

    private static final String SUMMARY = "SELECT s.id, s.email, s.first_name, s.last_name, s.town, s.postal_code, s.created_at,"
            + " (SELECT COUNT(*) FROM action_record ar WHERE ar.supporter_id = s.id) FROM supporter s";

    /** Newest first, {@code limit} from {@code offset}, with the total count of matches. */
    public Page search(String q, int limit, int offset) {
        List<Summary> rows = StaffSecurity.Jdbc.query(ds, SUMMARY + where(q) + " ORDER BY s.id DESC LIMIT ? OFFSET ?", ps -> {
            int i = bindSearch(ps, q);
            ps.setInt(i, Math.max(1, limit));
            ps.setInt(i + 1, Math.max(0, offset));
        }, SupporterAdmin::summary);
        return new Page(rows, count(q));
    }

    public long count(String q) {
        return StaffSecurity.Jdbc.query(ds, "SELECT COUNT(*) FROM supporter s" + where(q), ps -> bindSearch(ps, q),
                rs -> rs.getLong(1)).get(0);
    }

    public Optional<Person> person(long id) {
        record Extra(Summary s, String street, String locale, Instant updated) { }
        Optional<Extra> head = StaffSecurity.Jdbc.query(ds, SUMMARY.replace(" FROM supporter s", ", s.street, s.locale, s.updated_at FROM supporter s")
                + " WHERE s.id = ?", ps -> ps.setLong(1, id),
                rs -> new Extra(summary(rs), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant())).stream().findFirst();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<ActionLine> actions = StaffSecurity.Jdbc.query(ds, "SELECT ar.id, ar.created_at, ar.landed_at, c.slug, c.title,"
                + " ca.action_key, ca.action_type, ar.source_code FROM action_record ar"
                + " JOIN campaign_action ca ON ca.id = ar.campaign_action_id JOIN campaign c ON c.id = ca.campaign_id"
                + " WHERE ar.supporter_id = ? ORDER BY ar.created_at DESC, ar.id DESC", ps -> ps.setLong(1, id),
                rs -> new ActionLine(rs.getLong(1), instant(rs, 2), instant(rs, 3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)));
        List<LetterLine> letters = StaffSecurity.Jdbc.query(ds, "SELECT id, action_record_id, to_name, to_address, state, created_at"
                + " FROM outbox_message WHERE supporter_id = ? ORDER BY id DESC", ps -> ps.setLong(1, id), rs -> {
                    long ar = rs.getLong(2);
                    return new LetterLine(rs.getLong(1), rs.wasNull() ? null : ar, rs.getString(3), rs.getString(4),
                            rs.getString(5).toLowerCase(Locale.ROOT), instant(rs, 6));
                });
        List<ConsentLine> consents = StaffSecurity.Jdbc.query(ds, "SELECT k.consent_key, k.granted, k.recorded_at, k.source, c.slug"
                + " FROM consent k LEFT JOIN campaign c ON c.id = k.campaign_id WHERE k.supporter_id = ?"
                + " ORDER BY k.recorded_at DESC, k.id DESC", ps -> ps.setLong(1, id),
                rs -> new ConsentLine(rs.getString(1), rs.getBoolean(2), instant(rs, 3), rs.getString(4), rs.getString(5)));
        Extra e = head.get();
        return Optional.of(new Person(e.s(), e.street(), e.locale(), e.updated(), actions, letters, consents));
    }

    // ---- exports -----------------------------------------------------------------------------------------------

    /** The consent keys whose latest record for this supporter is a yes, space-separated. */
    private static final String GRANTED_NOW = "(SELECT STRING_AGG(x.consent_key, ' ' ORDER BY x.consent_key) FROM consent x"
            + " WHERE x.supporter_id = s.id AND x.granted = TRUE AND NOT EXISTS (SELECT 1 FROM consent y"
            + " WHERE y.supporter_id = x.supporter_id AND y.consent_key = x.consent_key"
            + " AND (y.recorded_at > x.recorded_at OR (y.recorded_at = x.recorded_at AND y.id > x.id))))";

    public static final List<String> SUPPORTER_COLUMNS = List.of("id", "email", "first_name", "last_name", "street", "town",
            "postal_code", "locale", "created_at", "updated_at", "actions", "consents_granted");

    /** Writes the supporters matching {@code q} (everyone when blank) as CSV, oldest first. */
    public long exportSupporters(String q, OutputStream out) throws IOException {
        return CsvStream.write(ds, "SELECT s.id, s.email, s.first_name, s.last_name, s.street, s.town, s.postal_code, s.locale,"
                + " s.created_at, s.updated_at, (SELECT COUNT(*) FROM action_record ar WHERE ar.supporter_id = s.id), "
                + GRANTED_NOW + " FROM supporter s" + where(q) + " ORDER BY s.id", ps -> bindSearch(ps, q), SUPPORTER_COLUMNS, out);
    }

    public static final List<String> ACTION_COLUMNS = List.of("action_record_id", "created_at", "landed_at", "action_key",
            "action_type", "source_code", "referrer", "supporter_id", "email", "first_name", "last_name", "town",
            "postal_code", "payload_json");

    public long countCampaignActions(long campaignId) {
        return StaffSecurity.Jdbc.query(ds, "SELECT COUNT(*) FROM action_record ar JOIN campaign_action ca"
                + " ON ca.id = ar.campaign_action_id WHERE ca.campaign_id = ?", ps -> ps.setLong(1, campaignId), rs -> rs.getLong(1)).get(0);
    }

    /** Writes every action taken on a campaign, with who took it, as CSV, oldest first. */
    public long exportCampaignActions(long campaignId, OutputStream out) throws IOException {
        return CsvStream.write(ds, "SELECT ar.id, ar.created_at, ar.landed_at, ca.action_key, ca.action_type, ar.source_code,"
                + " ar.referrer, ar.supporter_id, s.email, s.first_name, s.last_name, s.town, s.postal_code, ar.payload_json"
                + " FROM action_record ar JOIN campaign_action ca ON ca.id = ar.campaign_action_id"
                + " LEFT JOIN supporter s ON s.id = ar.supporter_id WHERE ca.campaign_id = ? ORDER BY ar.id",
                ps -> ps.setLong(1, campaignId), ACTION_COLUMNS, out);
    }

    // ---- privacy deletion --------------------------------------------------------------------------------------

    /**
     * Deletes a supporter's personal data (see the class comment), in one transaction with its audit entry.
     *
     * @return what was removed, or empty if there is no such supporter
     */
    public Optional<Deletion> delete(StaffUser actor, long supporterId) {
        Instant now = clock.instant();
        List<Long> letterIds = new ArrayList<>();
        Optional<Deletion> done = StaffSecurity.Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM supporter WHERE id = ?")) {
                q.setLong(1, supporterId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            String mine = " (supporter_id = ? OR action_record_id IN (SELECT id FROM action_record WHERE supporter_id = ?))";
            // Their letters, and the digests some of them were folded into (with the reply address that names them).
            Map<Long, List<String>> digests = new LinkedHashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, digest_id, reply_to FROM outbox_message WHERE" + mine)) {
                q.setLong(1, supporterId);
                q.setLong(2, supporterId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        letterIds.add(rs.getLong(1));
                        long digest = rs.getLong(2);
                        if (!rs.wasNull() && rs.getString(3) != null) {
                            digests.computeIfAbsent(digest, k -> new ArrayList<>()).add(rs.getString(3));
                        }
                    }
                }
            }
            int edited = 0;
            for (Map.Entry<Long, List<String>> d : digests.entrySet()) {
                edited += cutFromDigest(c, d.getKey(), d.getValue()) ? 1 : 0;
            }
            // Not sent yet (alone or waiting in a digest that is not sent): cancelled, and out of its digest.
            int cancelled = update(c, "UPDATE outbox_message SET state = 'SKIPPED', digest_id = NULL,"
                    + " last_error = 'cancelled: the supporter asked for their data to be deleted' WHERE kind = 'LETTER'"
                    + " AND state IN ('QUEUED', 'FAILED') AND" + mine, supporterId, supporterId);
            update(c, "UPDATE outbox_message SET from_name = NULL, reply_to = NULL, subject = ?, body = ?, supporter_id = NULL"
                    + " WHERE" + mine, REMOVED, REMOVED, supporterId, supporterId);
            int records = update(c, "UPDATE action_record SET payload_json = '{\"removed\":true}', referrer = NULL,"
                    + " unique_key = NULL, idempotency_key = 'removed-' || CAST(id AS VARCHAR(20)), supporter_id = NULL"
                    + " WHERE supporter_id = ?", supporterId);
            int consents = update(c, "DELETE FROM consent WHERE supporter_id = ?", supporterId);
            update(c, "DELETE FROM supporter WHERE id = ?", supporterId);
            Deletion del = new Deletion(records, consents, letterIds.size(), cancelled, edited);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("actionRecords", del.actionRecords());
            before.put("consents", del.consents());
            before.put("letters", del.letters());
            before.put("lettersCancelled", del.lettersCancelled());
            before.put("digestsEdited", del.digestsEdited());
            security.audit(c, actor, "supporter.delete", "supporter:" + supporterId, before, Map.of("personalData", "deleted"), now);
            return Optional.of(del);
        });
        if (done.isPresent()) {
            letterIds.forEach(forgetSinkCopy::accept); // after commit: a rolled-back deletion keeps its files
        }
        return done;
    }

    /**
     * Replaces the sections of a digest that carry one of {@code replyTos} (see DigestJob: each section starts with
     * a rule line and "N. Name, Town &lt;reply address&gt;").
     */
    private static boolean cutFromDigest(Connection c, long digestId, List<String> replyTos) throws SQLException {
        String body;
        try (PreparedStatement q = c.prepareStatement("SELECT body FROM outbox_message WHERE id = ? AND kind = 'DIGEST'")) {
            q.setLong(1, digestId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                body = rs.getString(1);
            }
        }
        String[] parts = body.split(java.util.regex.Pattern.quote(DIGEST_RULE), -1);
        boolean changed = false;
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eol = part.indexOf('\n');
            String who = eol < 0 ? part : part.substring(0, eol);
            if (replyTos.stream().anyMatch(r -> who.endsWith(" <" + r + ">"))) {
                int dot = who.indexOf(". ");
                part = (dot > 0 ? who.substring(0, dot + 2) : "") + REMOVED + "\n\n";
                changed = true;
            }
            out.append(DIGEST_RULE).append(part);
        }
        if (changed) {
            update(c, "UPDATE outbox_message SET body = ? WHERE id = ?", out.toString(), digestId);
        }
        return changed;
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                u.setObject(i + 1, params[i]);
            }
            return u.executeUpdate();
        }
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                instant(rs, 7), rs.getLong(8));
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        var t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }
}
