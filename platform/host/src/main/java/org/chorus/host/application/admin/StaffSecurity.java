package org.chorus.host.application.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.domain.staff.StaffUser;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.persistence.Database;

/**
 * Staff accounts, the first-start setup token, server-side sessions and the audit log.
 *
 * <p>Secrets are never stored as given: passwords as Argon2id hashes, the session id and the setup token as their
 * SHA-256 (both are 256 random bits, so a fast hash is enough and a leaked table opens nothing). Sessions end after
 * {@code idle} without a request and, regardless, {@code absolute} after login.
 */
public final class StaffSecurity {

    private static final Logger LOG = Logger.getLogger(StaffSecurity.class.getName());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}");
    /** What a wrong e-mail, a wrong password and a disabled account all say. */
    public static final String WRONG = "The e-mail or password is wrong.";
    public static final int MIN_PASSWORD = 12;
    /** Rate of {@code last_seen_at} writes: at most one per session per minute. */
    private static final Duration TOUCH = Duration.ofMinutes(1);

    /** A signed-in staff member's session. {@code id} is the cookie value (only known on the request that sent it). */
    public record Session(String id, StaffUser user, String csrfToken, Instant createdAt, Instant expiresAt) {
    }

    public sealed interface LoginResult {
        record Success(Session session) implements LoginResult { }
        record Failed(String message) implements LoginResult { }
        record Locked(Instant until) implements LoginResult { }
        /** The password was right and the account has two-factor login: ask for a code, carrying {@code challenge}. */
        record SecondFactor(String challenge) implements LoginResult { }
    }

    /** How long a password-checked login waits for its code, and how many wrong codes it takes. */
    static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
    static final int CHALLENGE_FAILURES = 5;

    /** A rule a submitted account broke (shown to the person filling the form). */
    public static final class InvalidInput extends RuntimeException {
        private final String field;

        public InvalidInput(String message) {
            this(null, message);
        }

        /** @param field the form field the message is about (shown next to it), or null for the whole form */
        public InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field == null ? "" : field;
        }
    }

    private final DataSource ds;
    private final Database.Dialect dialect;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Duration idle;
    private final Duration absolute;
    private final Duration setupTtl;
    private final SecureRandom random = new SecureRandom();
    /** Verified against for unknown e-mails, so that they take as long as wrong passwords. */
    /** Checked against when the e-mail is unknown, so a login takes as long either way; made on first use, not at start. */
    private volatile String dummyHash;

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = hasher.hash("not a password " + random.nextLong());
            dummyHash = h;
        }
        return h;
    }

    public StaffSecurity(DataSource ds, Database.Dialect dialect, Clock clock, PasswordHasher hasher, LoginThrottle throttle,
                         Duration idle, Duration absolute, Duration setupTtl) {
        this.ds = ds;
        this.dialect = dialect;
        this.clock = clock;
        this.hasher = hasher;
        this.throttle = throttle;
        this.idle = idle;
        this.absolute = absolute;
        this.setupTtl = setupTtl;
    }

    public Duration idleTimeout() { return idle; }

    // ---- first start ----------------------------------------------------------------------------------------

    /**
     * At start: with no enabled owner, creates one from {@code email}/{@code password} when both are given
     * (PLATFORM_ADMIN_EMAIL / PLATFORM_ADMIN_PASSWORD), else issues a setup token and logs the URL to use it.
     *
     * @return the setup token issued, if one was
     */
    public Optional<String> bootstrap(Optional<String> email, Optional<String> password, String baseUrl) {
        if (hasOwner()) {
            return Optional.empty();
        }
        if (email.filter(s -> !s.isBlank()).isPresent() && password.filter(s -> !s.isBlank()).isPresent()) {
            StaffUser owner = createUser(null, email.get(), "Owner", Role.OWNER, password.get());
            LOG.info(() -> "Created the first owner account " + owner.email() + " from PLATFORM_ADMIN_EMAIL");
            return Optional.empty();
        }
        String token = issueSetupToken();
        String url = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/admin/setup?token=" + token;
        LOG.warning(() -> "No admin account yet. Create the first owner within " + setupTtl.toHours() + " h at " + url
                + " (one use; a restart issues a new token)");
        return Optional.of(token);
    }

    public boolean hasOwner() {
        return query("SELECT COUNT(*) FROM staff_user WHERE role = 'OWNER' AND disabled = FALSE", ps -> { }, rs -> rs.getLong(1)).get(0) > 0;
    }

    /** A new setup token (older unused ones stop working). Only its hash is stored. */
    public String issueSetupToken() {
        String token = randomToken();
        Instant now = clock.instant();
        inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM setup_token WHERE used_at IS NULL")) {
                d.executeUpdate();
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO setup_token (token_hash, created_at, expires_at) VALUES (?, ?, ?)")) {
                i.setString(1, sha256(token));
                i.setTimestamp(2, ts(now));
                i.setTimestamp(3, ts(now.plus(setupTtl)));
                i.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** Whether a setup token would be accepted now (the setup page asks before showing its form). */
    public boolean setupTokenValid(String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        return query("SELECT COUNT(*) FROM setup_token WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?", ps -> {
            ps.setString(1, sha256(token));
            ps.setTimestamp(2, ts(clock.instant()));
        }, rs -> rs.getLong(1)).get(0) > 0 && !hasOwner();
    }

    /**
     * Uses the setup token to create the first owner. The token is spent in the same transaction as the account is
     * created, by a guarded update only one request can win.
     *
     * @return the owner, or empty if the token is wrong, used or expired (or an owner exists already)
     * @throws InvalidInput if the account details are not acceptable (the token is then not spent)
     */
    public Optional<StaffUser> completeSetup(String token, String email, String displayName, String password) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        validate(email, displayName, password);
        Instant now = clock.instant();
        return inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE setup_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")) {
                u.setTimestamp(1, ts(now));
                u.setString(2, sha256(token));
                u.setTimestamp(3, ts(now));
                if (u.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM staff_user WHERE role = 'OWNER'");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return Optional.empty();
                }
            }
            StaffUser owner = insertUser(c, email, displayName, Role.OWNER, password, now);
            audit(c, null, "setup.owner", "staff_user:" + owner.id(), null, describe(owner), now);
            return Optional.of(owner);
        });
    }

    // ---- accounts ---------------------------------------------------------------------------------------------

    /** @param actor who creates it (null: the platform itself, at start) */
    public StaffUser createUser(StaffUser actor, String email, String displayName, Role role, String password) {
        validate(email, displayName, password);
        Instant now = clock.instant();
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM staff_user WHERE email = ?")) {
                q.setString(1, normalize(email));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new InvalidInput("email", "An account with that e-mail exists already.");
                    }
                }
            }
            StaffUser u = insertUser(c, email, displayName, role, password, now);
            audit(c, actor, "staff.create", "staff_user:" + u.id(), null, describe(u), now);
            return u;
        });
    }

    public List<StaffUser> users() {
        return query("SELECT id, email, display_name, role, disabled, created_at, updated_at FROM staff_user ORDER BY email",
                ps -> { }, StaffSecurity::user);
    }

    public Optional<StaffUser> user(long id) {
        return query("SELECT id, email, display_name, role, disabled, created_at, updated_at FROM staff_user WHERE id = ?",
                ps -> ps.setLong(1, id), StaffSecurity::user).stream().findFirst();
    }

    /** Disables an account and ends its sessions. An owner cannot disable themself (the console would lose its owner). */
    public void disable(StaffUser actor, long id) {
        if (actor != null && actor.id() == id) {
            throw new InvalidInput("You cannot disable your own account.");
        }
        Instant now = clock.instant();
        inTransaction(c -> {
            StaffUser before = user(c, id).orElseThrow(() -> new InvalidInput("No such account."));
            try (PreparedStatement u = c.prepareStatement("UPDATE staff_user SET disabled = TRUE, updated_at = ? WHERE id = ?")) {
                u.setTimestamp(1, ts(now));
                u.setLong(2, id);
                u.executeUpdate();
            }
            try (PreparedStatement d = c.prepareStatement("DELETE FROM staff_session WHERE user_id = ?")) {
                d.setLong(1, id);
                d.executeUpdate();
            }
            audit(c, actor, "staff.disable", "staff_user:" + id, describe(before),
                    describe(user(c, id).orElseThrow()), now);
            return null;
        });
    }

    /**
     * Gives an account another role. Nobody changes their own role (an owner could otherwise leave the console
     * without one), and the last enabled owner keeps theirs.
     */
    public void changeRole(StaffUser actor, long id, Role role) {
        if (actor != null && actor.id() == id) {
            throw new InvalidInput("You cannot change your own role.");
        }
        Instant now = clock.instant();
        inTransaction(c -> {
            StaffUser before = user(c, id).orElseThrow(() -> new InvalidInput("No such account."));
            if (before.role() == role) {
                return null;
            }
            if (before.role() == Role.OWNER && !before.disabled()) {
                try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM staff_user WHERE role = 'OWNER' AND disabled = FALSE")) {
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) <= 1) {
                            throw new InvalidInput("This is the last owner; make someone else an owner first.");
                        }
                    }
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE staff_user SET role = ?, updated_at = ? WHERE id = ?")) {
                u.setString(1, role.name());
                u.setTimestamp(2, ts(now));
                u.setLong(3, id);
                u.executeUpdate();
            }
            audit(c, actor, "staff.role", "staff_user:" + id, describe(before), describe(user(c, id).orElseThrow()), now);
            return null;
        });
    }

    /** Lets a disabled account sign in again (its old sessions stay ended). */
    public void enable(StaffUser actor, long id) {
        Instant now = clock.instant();
        inTransaction(c -> {
            StaffUser before = user(c, id).orElseThrow(() -> new InvalidInput("No such account."));
            try (PreparedStatement u = c.prepareStatement("UPDATE staff_user SET disabled = FALSE, updated_at = ? WHERE id = ?")) {
                u.setTimestamp(1, ts(now));
                u.setLong(2, id);
                u.executeUpdate();
            }
            audit(c, actor, "staff.enable", "staff_user:" + id, describe(before), describe(user(c, id).orElseThrow()), now);
            return null;
        });
    }

    /** Sets a new password (already checked by {@link #checkPassword}) and ends every session of the account. */
    void setPassword(Connection c, long userId, String password, Instant now) throws SQLException {
        setPassword(c, userId, password, now, null);
    }

    /** ... every session but {@code keep} (the one changing its own password), if given. */
    private void setPassword(Connection c, long userId, String password, Instant now, Session keep) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE staff_user SET password_hash = ?, updated_at = ? WHERE id = ?")) {
            u.setString(1, hasher.hash(password));
            u.setTimestamp(2, ts(now));
            u.setLong(3, userId);
            u.executeUpdate();
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM staff_session WHERE user_id = ? AND id_hash <> ?")) {
            d.setLong(1, userId);
            d.setString(2, keep == null ? "" : sha256(keep.id()));
            d.executeUpdate();
        }
    }

    /**
     * A signed-in person changes their own password: the current one must be right; their other sessions end (a
     * session someone else opened with the old password is closed), this one stays.
     */
    public void changePassword(Session session, String current, String password) {
        String hash = query("SELECT password_hash FROM staff_user WHERE id = ?", ps -> ps.setLong(1, session.user().id()),
                rs -> rs.getString(1)).stream().findFirst().orElseThrow(() -> new InvalidInput("No such account."));
        if (!hasher.matches(current == null ? "" : current, hash)) {
            throw new InvalidInput("current", "The current password is not right.");
        }
        checkPassword(password);
        Instant now = clock.instant();
        inTransaction(c -> {
            setPassword(c, session.user().id(), password, now, session);
            audit(c, session.user(), "staff.password", "staff_user:" + session.user().id(), null, Map.of("otherSessionsEnded", true), now);
            return null;
        });
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 1000) {
            throw new InvalidInput("password", "The password must have at least " + MIN_PASSWORD + " characters.");
        }
    }

    /** An enabled account by e-mail (for a password reset). */
    Optional<StaffUser> enabledUserByEmail(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return Optional.empty();
        }
        return query("SELECT id, email, display_name, role, disabled, created_at, updated_at FROM staff_user WHERE email = ?"
                + " AND disabled = FALSE", ps -> ps.setString(1, normalize(email)), StaffSecurity::user).stream().findFirst();
    }

    Clock clock() {
        return clock;
    }

    DataSource dataSource() {
        return ds;
    }

    // ---- login and sessions -----------------------------------------------------------------------------------

    public LoginResult login(String email, String password, String clientIp) {
        Optional<Instant> locked = throttle.lockedUntil(email, clientIp);
        if (locked.isPresent()) {
            return new LoginResult.Locked(locked.get());
        }
        record Row(StaffUser user, String hash) { }
        List<Row> rows = email == null ? List.of() : query(
                "SELECT id, email, display_name, role, disabled, created_at, updated_at, password_hash FROM staff_user WHERE email = ?",
                ps -> ps.setString(1, normalize(email)), rs -> new Row(user(rs), rs.getString(8)));
        Row row = rows.isEmpty() ? null : rows.get(0);
        // Always one Argon2 verification, so a wrong e-mail costs as long as a wrong password.
        boolean ok = hasher.matches(password == null ? "" : password, row == null ? dummyHash() : row.hash());
        if (!ok || row == null || row.user().disabled()) {
            throttle.failed(email, clientIp);
            if (row != null) {
                audit(null, "login.failed", "staff_user:" + row.user().id(), null, null);
            }
            return new LoginResult.Failed(WRONG);
        }
        if (hasher.needsRehash(row.hash())) {
            update("UPDATE staff_user SET password_hash = ? WHERE id = ?", ps -> {
                ps.setString(1, hasher.hash(password));
                ps.setLong(2, row.user().id());
            });
        }
        if (hasTwoFactor(row.user().id())) {
            // The throttle is not cleared yet: wrong codes count as failures of the same (e-mail, IP) pair.
            return new LoginResult.SecondFactor(openChallenge(row.user().id()));
        }
        throttle.succeeded(email, clientIp);
        Session s = openSession(row.user());
        audit(row.user(), "login", "staff_user:" + row.user().id(), null, null);
        return new LoginResult.Success(s);
    }

    /**
     * The second step of a two-factor login: a code from the person's authenticator app for the challenge their
     * correct password opened. Wrong codes count against the login throttle; the challenge ends after
     * {@value #CHALLENGE_FAILURES} of them or {@link #CHALLENGE_TTL}, and a code is accepted once.
     */
    public LoginResult completeLogin(String challenge, String code, String clientIp) {
        if (challenge == null || challenge.length() < 20 || challenge.length() > 100) {
            return new LoginResult.Failed(CHALLENGE_GONE);
        }
        String hash = sha256(challenge);
        Instant now = clock.instant();
        record Row(StaffUser user, String secret, Long lastStep, Instant expires, int failures) { }
        List<Row> rows = query("SELECT u.id, u.email, u.display_name, u.role, u.disabled, u.created_at, u.updated_at,"
                + " u.totp_secret, u.totp_last_step, c.expires_at, c.failures FROM staff_login_challenge c"
                + " JOIN staff_user u ON u.id = c.user_id WHERE c.id_hash = ?", ps -> ps.setString(1, hash), rs -> {
                    long last = rs.getLong(9);
                    Long lastStep = rs.wasNull() ? null : last;
                    return new Row(user(rs), rs.getString(8), lastStep, rs.getTimestamp(10).toInstant(), rs.getInt(11));
                });
        if (rows.isEmpty() || !rows.get(0).expires().isAfter(now) || rows.get(0).user().disabled() || rows.get(0).secret() == null) {
            update("DELETE FROM staff_login_challenge WHERE id_hash = ?", ps -> ps.setString(1, hash));
            return new LoginResult.Failed(CHALLENGE_GONE);
        }
        Row r = rows.get(0);
        Optional<Instant> locked = throttle.lockedUntil(r.user().email(), clientIp);
        if (locked.isPresent()) {
            return new LoginResult.Locked(locked.get());
        }
        java.util.OptionalLong step = Totp.verify(r.secret(), code, now, r.lastStep());
        // The guarded update makes a code single-use even when two requests race with it.
        if (step.isPresent() && update("UPDATE staff_user SET totp_last_step = ? WHERE id = ?"
                + " AND (totp_last_step IS NULL OR totp_last_step < ?)", ps -> {
                    ps.setLong(1, step.getAsLong());
                    ps.setLong(2, r.user().id());
                    ps.setLong(3, step.getAsLong());
                }) == 1) {
            update("DELETE FROM staff_login_challenge WHERE id_hash = ?", ps -> ps.setString(1, hash));
            throttle.succeeded(r.user().email(), clientIp);
            Session s = openSession(r.user());
            audit(r.user(), "login", "staff_user:" + r.user().id(), null, Map.of("twoFactor", true));
            return new LoginResult.Success(s);
        }
        throttle.failed(r.user().email(), clientIp);
        audit(null, "login.failed", "staff_user:" + r.user().id(), null, Map.of("twoFactor", true));
        if (r.failures() + 1 >= CHALLENGE_FAILURES) {
            update("DELETE FROM staff_login_challenge WHERE id_hash = ?", ps -> ps.setString(1, hash));
            return new LoginResult.Failed(CHALLENGE_GONE);
        }
        update("UPDATE staff_login_challenge SET failures = failures + 1 WHERE id_hash = ?", ps -> ps.setString(1, hash));
        return new LoginResult.SecondFactor(challenge);
    }

    /** What an expired or used-up two-factor challenge says. */
    public static final String CHALLENGE_GONE = "That sign-in has expired. Enter your e-mail and password again.";

    private String openChallenge(long userId) {
        String id = randomToken();
        Instant now = clock.instant();
        inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM staff_login_challenge WHERE expires_at <= ?")) {
                d.setTimestamp(1, ts(now));
                d.executeUpdate();
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO staff_login_challenge (id_hash, user_id, created_at,"
                    + " expires_at, failures) VALUES (?, ?, ?, ?, 0)")) {
                i.setString(1, sha256(id));
                i.setLong(2, userId);
                i.setTimestamp(3, ts(now));
                i.setTimestamp(4, ts(now.plus(CHALLENGE_TTL)));
                i.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /** Whether the account signs in with a code as well as its password. */
    public boolean hasTwoFactor(long userId) {
        return query("SELECT COUNT(*) FROM staff_user WHERE id = ? AND totp_secret IS NOT NULL", ps -> ps.setLong(1, userId),
                rs -> rs.getLong(1)).get(0) > 0;
    }

    private Session openSession(StaffUser user) {
        String id = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        Instant expires = now.plus(absolute);
        update("INSERT INTO staff_session (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, sha256(id));
            ps.setLong(2, user.id());
            ps.setString(3, csrf);
            ps.setTimestamp(4, ts(now));
            ps.setTimestamp(5, ts(now));
            ps.setTimestamp(6, ts(expires));
        });
        return new Session(id, user, csrf, now, expires);
    }

    /**
     * The live session for a cookie value: not past its absolute end, used within the idle timeout, its account
     * enabled. Counts as activity (the idle clock restarts). An expired one is deleted.
     */
    public Optional<Session> session(String id) {
        if (id == null || id.length() < 20 || id.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(id);
        Instant now = clock.instant();
        record Row(Session session, Instant lastSeen) { }
        List<Row> rows = query("SELECT u.id, u.email, u.display_name, u.role, u.disabled, u.created_at, u.updated_at,"
                + " s.csrf_token, s.created_at, s.last_seen_at, s.expires_at"
                + " FROM staff_session s JOIN staff_user u ON u.id = s.user_id WHERE s.id_hash = ?",
                ps -> ps.setString(1, hash), rs -> new Row(new Session(id, user(rs), rs.getString(8),
                        rs.getTimestamp(9).toInstant(), rs.getTimestamp(11).toInstant()), rs.getTimestamp(10).toInstant()));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row r = rows.get(0);
        if (r.session().user().disabled() || !r.session().expiresAt().isAfter(now) || !r.lastSeen().plus(idle).isAfter(now)) {
            update("DELETE FROM staff_session WHERE id_hash = ?", ps -> ps.setString(1, hash));
            return Optional.empty();
        }
        if (!r.lastSeen().plus(TOUCH).isAfter(now)) {
            update("UPDATE staff_session SET last_seen_at = ? WHERE id_hash = ?", ps -> {
                ps.setTimestamp(1, ts(now));
                ps.setString(2, hash);
            });
        }
        return Optional.of(r.session());
    }

    public void logout(Session s) {
        update("DELETE FROM staff_session WHERE id_hash = ?", ps -> ps.setString(1, sha256(s.id())));
        audit(s.user(), "logout", "staff_user:" + s.user().id(), null, null);
    }

    /** Constant-time check of a submitted CSRF token against the session's. */
    public static boolean csrfMatches(Session s, String submitted) {
        return s != null && submitted != null && MessageDigest.isEqual(
                s.csrfToken().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    // ---- audit ------------------------------------------------------------------------------------------------

    /** One audit entry, committed on its own. {@code before}/{@code after} are stored as JSON. */
    public void audit(StaffUser actor, String action, String subject, Object before, Object after) {
        Instant now = clock.instant();
        inTransaction(c -> {
            audit(c, actor, action, subject, before, after, now);
            return null;
        });
    }

    /** Writes an audit entry inside a caller's transaction (so the change and its record commit together). */
    public void audit(Connection c, StaffUser actor, String action, String subject, Object before, Object after, Instant now)
            throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO audit_log (id, occurred_at, actor_id, actor_email, action,"
                + " subject, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            i.setLong(1, nextId(c, "audit_log_seq"));
            i.setTimestamp(2, ts(now));
            if (actor == null) {
                i.setNull(3, java.sql.Types.BIGINT);
            } else {
                i.setLong(3, actor.id());
            }
            i.setString(4, actor == null ? null : actor.email());
            i.setString(5, action);
            i.setString(6, subject);
            i.setString(7, before == null ? null : Json.write(before));
            i.setString(8, after == null ? null : Json.write(after));
            i.executeUpdate();
        }
    }

    /** An audit entry as the console lists it. */
    public record AuditEntry(long id, Instant at, String actorEmail, String action, String subject, String before, String after) {
    }

    public List<AuditEntry> auditLog(int limit) {
        return query("SELECT id, occurred_at, actor_email, action, subject, before_json, after_json FROM audit_log ORDER BY id DESC",
                ps -> ps.setMaxRows(Math.max(1, limit)), rs -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void validate(String email, String displayName, String password) {
        if (email == null || !EMAIL.matcher(email.trim()).matches() || email.length() > 254) {
            throw new InvalidInput("email", "Enter a valid e-mail address.");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200 || displayName.matches("(?s).*[\\r\\n].*")) {
            throw new InvalidInput("displayName", "Enter a name (at most 200 characters).");
        }
        checkPassword(password);
    }

    private StaffUser insertUser(Connection c, String email, String displayName, Role role, String password, Instant now)
            throws SQLException {
        long id = nextId(c, "staff_user_seq");
        try (PreparedStatement i = c.prepareStatement("INSERT INTO staff_user (id, email, display_name, password_hash, role,"
                + " disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?)")) {
            i.setLong(1, id);
            i.setString(2, normalize(email));
            i.setString(3, displayName.trim());
            i.setString(4, hasher.hash(password));
            i.setString(5, role.name());
            i.setTimestamp(6, ts(now));
            i.setTimestamp(7, ts(now));
            i.executeUpdate();
        }
        return user(c, id).orElseThrow();
    }

    private Optional<StaffUser> user(Connection c, long id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, email, display_name, role, disabled, created_at, updated_at FROM staff_user WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private static StaffUser user(ResultSet rs) throws SQLException {
        return new StaffUser(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), rs.getBoolean(5),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant());
    }

    static Map<String, Object> describe(StaffUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", u.email());
        m.put("displayName", u.displayName());
        m.put("role", u.role().name());
        m.put("disabled", u.disabled());
        return m;
    }

    private static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    long nextId(Connection c, String sequence) throws SQLException {
        String sql = dialect == Database.Dialect.POSTGRESQL ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
        try (PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String randomToken() {
        byte[] b = new byte[32]; // 256 bits
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    // Small JDBC helpers, shared with OutboxAdmin.

    interface Binder { void bind(PreparedStatement ps) throws SQLException; }
    interface Mapper<T> { T map(ResultSet rs) throws SQLException; }
    interface Work<T> { T run(Connection c) throws SQLException; }

    <T> List<T> query(String sql, Binder binder, Mapper<T> mapper) {
        return Jdbc.query(ds, sql, binder, mapper);
    }

    int update(String sql, Binder binder) {
        return Jdbc.update(ds, sql, binder);
    }

    <T> T inTransaction(Work<T> work) {
        return Jdbc.inTransaction(ds, work);
    }

    static final class Jdbc {
        private Jdbc() {
        }

        static <T> List<T> query(DataSource ds, String sql, Binder binder, Mapper<T> mapper) {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                    return out;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("query failed: " + e.getMessage(), e);
            }
        }

        static int update(DataSource ds, String sql, Binder binder) {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("update failed: " + e.getMessage(), e);
            }
        }

        static <T> T inTransaction(DataSource ds, Work<T> work) {
            try (Connection c = ds.getConnection()) {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("transaction failed: " + e.getMessage(), e);
            }
        }
    }
}
