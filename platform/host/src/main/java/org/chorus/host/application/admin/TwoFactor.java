package org.chorus.host.application.admin;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.chorus.host.domain.staff.StaffUser;

/**
 * Two-factor login with an authenticator app (TOTP, see {@link Totp}): enrolment, removal, and the owners' setting
 * that requires it of everyone. Enrolment is two steps so nobody is locked out by a secret their app never got: a
 * pending secret is shown, and only a correct code from the app makes it the account's secret.
 *
 * <p>The secret is stored as given (base32), like any TOTP server must be able to read it; the database is the
 * trust boundary, as for the rest of the accounts.
 */
public final class TwoFactor {

    static final String REQUIRED = "two_factor_required";

    private final StaffSecurity security;
    private final String issuer;

    public TwoFactor(StaffSecurity security, String issuer) {
        this.security = security;
        this.issuer = issuer;
    }

    /** A pending enrolment: the secret to type in, and the same as an otpauth URI. */
    public record Enrolment(String secret, String uri) {
    }

    public boolean enabled(long userId) {
        return security.hasTwoFactor(userId);
    }

    /** The pending secret for this person (a new one unless one is pending already), to show them. */
    public Enrolment start(StaffUser user) {
        Optional<String> pending = security.query("SELECT totp_pending FROM staff_user WHERE id = ?",
                ps -> ps.setLong(1, user.id()), rs -> rs.getString(1)).stream().filter(s -> s != null).findFirst();
        String secret = pending.orElseGet(() -> {
            String s = Totp.newSecret();
            security.update("UPDATE staff_user SET totp_pending = ? WHERE id = ?", ps -> {
                ps.setString(1, s);
                ps.setLong(2, user.id());
            });
            return s;
        });
        return new Enrolment(grouped(secret), Totp.uri(issuer, user.email(), secret));
    }

    /**
     * Makes the pending secret the account's if {@code code} is right for it.
     *
     * @return false if the code is wrong (or nothing is pending)
     */
    public boolean confirm(StaffUser user, String code) {
        Instant now = security.clock().instant();
        Optional<String> pending = security.query("SELECT totp_pending FROM staff_user WHERE id = ?",
                ps -> ps.setLong(1, user.id()), rs -> rs.getString(1)).stream().filter(s -> s != null).findFirst();
        if (pending.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.verify(pending.get(), code, now, null);
        if (step.isEmpty()) {
            return false;
        }
        return security.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE staff_user SET totp_secret = totp_pending, totp_pending = NULL,"
                    + " totp_last_step = ?, updated_at = ? WHERE id = ? AND totp_pending = ?")) {
                u.setLong(1, step.getAsLong());
                u.setTimestamp(2, StaffSecurity.ts(now));
                u.setLong(3, user.id());
                u.setString(4, pending.get());
                if (u.executeUpdate() != 1) {
                    return false;
                }
            }
            security.audit(c, user, "staff.twoFactor.enable", "staff_user:" + user.id(), null, Map.of("twoFactor", true), now);
            return true;
        });
    }

    /**
     * Removes two-factor login from an account: the person themself (unless owners require it) or an owner for
     * someone who lost their phone.
     */
    public void remove(StaffUser actor, long userId) {
        if (actor.id() == userId && required()) {
            throw new StaffSecurity.InvalidInput("Two-factor login is required for every account; it cannot be turned off.");
        }
        Instant now = security.clock().instant();
        security.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE staff_user SET totp_secret = NULL, totp_pending = NULL,"
                    + " totp_last_step = NULL, updated_at = ? WHERE id = ?")) {
                u.setTimestamp(1, StaffSecurity.ts(now));
                u.setLong(2, userId);
                if (u.executeUpdate() != 1) {
                    throw new StaffSecurity.InvalidInput("No such account.");
                }
            }
            security.audit(c, actor, "staff.twoFactor.remove", "staff_user:" + userId, Map.of("twoFactor", true),
                    Map.of("twoFactor", false), now);
            return null;
        });
    }

    /** Whether owners require two-factor login of every account. */
    public boolean required() {
        return security.query("SELECT setting_value FROM security_setting WHERE setting_key = ?", ps -> ps.setString(1, REQUIRED),
                rs -> rs.getString(1)).stream().anyMatch("true"::equals);
    }

    public void setRequired(StaffUser actor, boolean required) {
        Instant now = security.clock().instant();
        boolean before = required();
        security.inTransaction(c -> {
            int n;
            try (PreparedStatement u = c.prepareStatement("UPDATE security_setting SET setting_value = ?, updated_at = ? WHERE setting_key = ?")) {
                u.setString(1, Boolean.toString(required));
                u.setTimestamp(2, StaffSecurity.ts(now));
                u.setString(3, REQUIRED);
                n = u.executeUpdate();
            }
            if (n == 0) {
                try (PreparedStatement i = c.prepareStatement("INSERT INTO security_setting (setting_key, setting_value, updated_at) VALUES (?, ?, ?)")) {
                    i.setString(1, REQUIRED);
                    i.setString(2, Boolean.toString(required));
                    i.setTimestamp(3, StaffSecurity.ts(now));
                    i.executeUpdate();
                }
            }
            security.audit(c, actor, "settings.twoFactorRequired", "security_setting:" + REQUIRED, Map.of("value", before),
                    Map.of("value", required), now);
            return null;
        });
    }

    /** Whether this person must set up two-factor login before using the console. */
    public boolean mustEnrol(StaffUser user) {
        return required() && !enabled(user.id());
    }

    /** "ABCD EFGH ..." is easier to type than 32 letters in a row; apps ignore the spaces. */
    static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?=.)", "$1 ");
    }
}
