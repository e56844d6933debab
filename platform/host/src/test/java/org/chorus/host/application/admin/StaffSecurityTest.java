package org.chorus.host.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.chorus.host.MutableClock;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StaffSecurityTest {

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private static TestDatabases.TestDatabase db(String name) {
        return "h2".equals(name) ? TestDatabases.h2("staff") : TestDatabases.postgres("staff");
    }

    private static StaffSecurity security(TestDatabases.TestDatabase db, MutableClock clock) {
        return new StaffSecurity(db.database().dataSource(), db.database().dialect(), clock, new PasswordHasher(),
                new LoginThrottle(clock), Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofHours(24));
    }

    @Test
    void argon2idHashesAreSaltedAndVerifyOnlyTheRightPassword() {
        PasswordHasher h = new PasswordHasher();
        String a = h.hash("correct horse battery");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(h.hash("correct horse battery")).isNotEqualTo(a);
        assertThat(h.matches("correct horse battery", a)).isTrue();
        assertThat(h.matches("correct horse batterY", a)).isFalse();
        assertThat(h.matches("x", "$2a$10$notargon")).isFalse();
        assertThat(h.needsRehash(a)).isFalse();
    }

    @Test
    void fiveFailuresLockThePairOutWithGrowingDelays() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            t.failed("a@x.org", "1.2.3.4");
        }
        assertThat(t.lockedUntil("a@x.org", "1.2.3.4")).isEmpty();
        t.failed("A@x.org", "1.2.3.4");
        assertThat(t.lockedUntil("a@x.org", "1.2.3.4")).contains(clock.instant().plusSeconds(30));
        assertThat(t.lockedUntil("a@x.org", "5.6.7.8")).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        t.failed("a@x.org", "1.2.3.4");
        assertThat(t.lockedUntil("a@x.org", "1.2.3.4")).contains(clock.instant().plusSeconds(60));
        t.succeeded("a@x.org", "1.2.3.4");
        assertThat(t.lockedUntil("a@x.org", "1.2.3.4")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void setupTokenCreatesTheFirstOwnerOnceThenLoginAndSessionsExpire(String name) {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        try (var db = db(name)) {
            StaffSecurity s = security(db, clock);
            String token = s.bootstrap(Optional.empty(), Optional.empty(), "http://localhost:8080").orElseThrow();
            assertThat(s.setupTokenValid(token)).isTrue();
            assertThat(s.setupTokenValid(token + "x")).isFalse();
            assertThatThrownBy(() -> s.completeSetup(token, "o@x.org", "Owner", "short"))
                    .isInstanceOf(StaffSecurity.InvalidInput.class);
            assertThat(s.completeSetup(token, "O@x.org", "Owner", "a long enough password")).isPresent();
            assertThat(s.completeSetup(token, "p@x.org", "Other", "a long enough password")).isEmpty(); // single use
            assertThat(s.setupTokenValid(token)).isFalse();
            assertThat(s.bootstrap(Optional.empty(), Optional.empty(), "http://x")).isEmpty(); // owner exists: no token

            // wrong password and unknown e-mail say the same thing
            assertThat(s.login("o@x.org", "wrong password!!", "ip")).isEqualTo(new StaffSecurity.LoginResult.Failed(StaffSecurity.WRONG));
            assertThat(s.login("nobody@x.org", "wrong password!!", "ip")).isEqualTo(new StaffSecurity.LoginResult.Failed(StaffSecurity.WRONG));
            var ok = (StaffSecurity.LoginResult.Success) s.login("o@x.org", "a long enough password", "ip");
            String id = ok.session().id();
            assertThat(s.session(id)).get().extracting(x -> x.user().role()).isEqualTo(Role.OWNER);
            assertThat(StaffSecurity.csrfMatches(s.session(id).orElseThrow(), ok.session().csrfToken())).isTrue();
            assertThat(StaffSecurity.csrfMatches(s.session(id).orElseThrow(), "forged")).isFalse();
            clock.advance(Duration.ofMinutes(29));
            assertThat(s.session(id)).isPresent(); // activity restarts the idle clock
            clock.advance(Duration.ofMinutes(29));
            assertThat(s.session(id)).isPresent();
            clock.advance(Duration.ofMinutes(31));
            assertThat(s.session(id)).isEmpty(); // idle timeout
            assertThat(s.auditLog(10)).extracting(StaffSecurity.AuditEntry::action).contains("setup.owner", "login", "login.failed");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void expiredSetupTokenAndDisabledAccountsAreRefused(String name) {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        try (var db = db(name)) {
            StaffSecurity s = security(db, clock);
            String token = s.issueSetupToken();
            clock.advance(Duration.ofHours(25));
            assertThat(s.completeSetup(token, "o@x.org", "Owner", "a long enough password")).isEmpty();
            // the environment owner path
            s.bootstrap(Optional.of("env@x.org"), Optional.of("environment password"), "http://x");
            var owner = s.users().get(0);
            var viewer = s.createUser(owner, "v@x.org", "Viewer", Role.VIEWER, "viewer password 1");
            var login = (StaffSecurity.LoginResult.Success) s.login("v@x.org", "viewer password 1", "ip");
            s.disable(owner, viewer.id());
            assertThat(s.session(login.session().id())).isEmpty();
            assertThat(s.login("v@x.org", "viewer password 1", "ip")).isInstanceOf(StaffSecurity.LoginResult.Failed.class);
            assertThatThrownBy(() -> s.disable(owner, owner.id())).isInstanceOf(StaffSecurity.InvalidInput.class);
        }
    }
}
