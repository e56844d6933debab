package org.chorus.host.application.admin;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.chorus.host.domain.outbox.OutboxMessage;
import org.chorus.host.domain.staff.StaffUser;

/**
 * "Forgot your password": a link by e-mail, through the mail outbox like every other message (so it is retried and
 * visible to staff, and no SMTP runs on the request thread). The token is 256 random bits, single use, expires
 * after {@code ttl}, and only its SHA-256 is stored. Asking never tells whether the address has an account: the
 * caller shows the same answer either way. At most {@value #PER_HOUR} links per account per hour.
 */
public final class PasswordResets {

    private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());
    static final int PER_HOUR = 3;
    /** Marks reset messages in the outbox, whose bodies the console never shows (see OutboxAdmin.Row#confidential). */
    public static final String MESSAGE_ID_PREFIX = "<reset.";

    private final StaffSecurity security;
    private final Duration ttl;
    private final String baseUrl;
    private final String mailDomain;
    private final String sender;

    /**
     * @param baseUrl the console's public address, for the link
     * @param sender  the display name of the From header (the organization)
     */
    public PasswordResets(StaffSecurity security, Duration ttl, String baseUrl, String sender) {
        this.security = security;
        this.ttl = ttl;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String host = java.net.URI.create(this.baseUrl).getHost();
        this.mailDomain = host == null ? "localhost" : host;
        this.sender = sender;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * Queues a reset link to {@code email} if it belongs to an enabled account (and the hourly limit allows);
     * otherwise does nothing. Either way the caller answers the same.
     */
    public void request(String email) {
        Optional<StaffUser> user = security.enabledUserByEmail(email);
        if (user.isEmpty()) {
            return;
        }
        StaffUser u = user.get();
        Instant now = security.clock().instant();
        String token = security.randomToken();
        boolean queued = security.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM password_reset_token WHERE user_id = ? AND created_at > ?")) {
                q.setLong(1, u.id());
                q.setTimestamp(2, StaffSecurity.ts(now.minus(Duration.ofHours(1))));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= PER_HOUR) {
                        return false;
                    }
                }
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO password_reset_token (token_hash, user_id, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?)")) {
                i.setString(1, StaffSecurity.sha256(token));
                i.setLong(2, u.id());
                i.setTimestamp(3, StaffSecurity.ts(now));
                i.setTimestamp(4, StaffSecurity.ts(now.plus(ttl)));
                i.executeUpdate();
            }
            String link = baseUrl + "/admin/password/reset?token=" + token;
            String body = "Hello " + u.displayName() + ",\n\nSomeone (we hope you) asked to set a new password for the "
                    + sender + " admin console account " + u.email() + ".\n\nTo choose a new password, open this link within "
                    + ttl.toMinutes() + " minutes. It works once:\n\n" + link + "\n\nIf you did not ask for this, ignore this"
                    + " message: your password stays as it is.\n";
            long id = security.nextId(c, "outbox_message_seq");
            try (PreparedStatement i = c.prepareStatement("INSERT INTO outbox_message (id, to_address, to_domain, to_name, from_name,"
                    + " subject, body, message_id, state, attempts, next_attempt_at, created_at, kind)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, 'LETTER')")) {
                i.setLong(1, id);
                i.setString(2, u.email());
                i.setString(3, OutboxMessage.domainOf(u.email()));
                i.setString(4, u.displayName());
                i.setString(5, sender);
                i.setString(6, "Set a new password for the " + sender + " admin console");
                i.setString(7, body);
                i.setString(8, MESSAGE_ID_PREFIX + StaffSecurity.sha256(token).substring(0, 24) + "@" + mailDomain + ">");
                i.setTimestamp(9, StaffSecurity.ts(now));
                i.setTimestamp(10, StaffSecurity.ts(now));
                i.executeUpdate();
            }
            security.audit(c, null, "staff.passwordReset.request", "staff_user:" + u.id(), null, Map.of("outboxId", id), now);
            return true;
        });
        if (!queued) {
            LOG.warning(() -> "Password reset for staff_user:" + u.id() + " not sent: " + PER_HOUR + " links in the last hour already");
        }
    }

    /** Whether a reset link would still work (the form asks before showing itself). */
    public boolean valid(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        return security.query("SELECT COUNT(*) FROM password_reset_token t JOIN staff_user u ON u.id = t.user_id"
                + " WHERE t.token_hash = ? AND t.used_at IS NULL AND t.expires_at > ? AND u.disabled = FALSE", ps -> {
                    ps.setString(1, StaffSecurity.sha256(token));
                    ps.setTimestamp(2, StaffSecurity.ts(security.clock().instant()));
                }, rs -> rs.getLong(1)).get(0) > 0;
    }

    /**
     * Sets the new password if the token is good, spending it (and every other open link of the account) and
     * ending the account's sessions, with an audit entry, in one transaction.
     *
     * @return false if the token is wrong, used or expired
     * @throws StaffSecurity.InvalidInput if the password is not acceptable (the token is then not spent)
     */
    public boolean reset(String token, String newPassword) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        StaffSecurity.checkPassword(newPassword);
        Instant now = security.clock().instant();
        String hash = StaffSecurity.sha256(token);
        return security.inTransaction(c -> {
            long userId;
            try (PreparedStatement q = c.prepareStatement("SELECT t.user_id FROM password_reset_token t JOIN staff_user u"
                    + " ON u.id = t.user_id WHERE t.token_hash = ? AND u.disabled = FALSE")) {
                q.setString(1, hash);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    userId = rs.getLong(1);
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE password_reset_token SET used_at = ?"
                    + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")) {
                u.setTimestamp(1, StaffSecurity.ts(now));
                u.setString(2, hash);
                u.setTimestamp(3, StaffSecurity.ts(now));
                if (u.executeUpdate() != 1) {
                    return false; // used, expired, or a concurrent reset won
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE password_reset_token SET used_at = ? WHERE user_id = ? AND used_at IS NULL")) {
                u.setTimestamp(1, StaffSecurity.ts(now));
                u.setLong(2, userId);
                u.executeUpdate();
            }
            security.setPassword(c, userId, newPassword, now);
            security.audit(c, null, "staff.passwordReset", "staff_user:" + userId, null, Map.of("sessionsEnded", true), now);
            return true;
        });
    }
}
