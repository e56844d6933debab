package org.chorus.host.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chorus.host.MutableClock;
import org.chorus.host.TestDatabases;
import org.chorus.host.TestPlatforms;
import org.chorus.host.application.Platform;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.domain.staff.StaffUser;
import org.chorus.host.infrastructure.config.PlatformConfig;
import org.chorus.host.infrastructure.mail.SinkMailbox;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Staff accounts beyond the password: two-factor login, the owners' requirement of it, role changes, re-enabling,
 * plugin switches, and the password reset that travels through the real mail outbox to the local sink. Whole
 * platforms on H2 and PostgreSQL, with a clock the test moves.
 */
class StaffAccountsTest {

    @TempDir
    Path dir;

    static Stream<String> databases() {
        return TestDatabases.names();
    }

    private Platform start(String db, MutableClock clock, Map<String, String> config) {
        config.put("platform.admin.email", "owner@example.org");
        config.put("platform.admin.password", "the owner's password");
        config.put("platform.organization.name", "Test Coalition");
        config.put("platform.seed.reference.data", "false");
        TestDatabases.configure(db, config);
        return Platform.start(PlatformConfig.of(config), clock, Runnable::run);
    }

    private static StaffUser user(Platform p, String email) {
        return p.staff().users().stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoFactorEnrolsWithAConfirmedCodeThenEveryLoginNeedsACodeUsedOnce(String db) {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
        Map<String, String> config = TestPlatforms.h2Config(dir);
        try (Platform p = start(db, clock, config)) {
            StaffUser owner = user(p, "owner@example.org");
            StaffUser viewer = p.staff().createUser(owner, "val@example.org", "Val", Role.VIEWER, "val's long password");
            TwoFactor tf = p.twoFactor();
            assertThat(tf.enabled(viewer.id())).isFalse();

            TwoFactor.Enrolment e = tf.start(viewer);
            assertThat(tf.start(viewer)).as("the same pending secret until confirmed").isEqualTo(e);
            assertThat(e.uri()).startsWith("otpauth://totp/Test%20Coalition:val%40example.org?secret=");
            String secret = e.secret().replace(" ", "");
            assertThat(tf.confirm(viewer, "000000".equals(code(secret, clock)) ? "111111" : "000000")).isFalse();
            assertThat(tf.enabled(viewer.id())).as("a wrong code enrols nothing").isFalse();
            assertThat(tf.confirm(viewer, code(secret, clock))).isTrue();
            assertThat(tf.enabled(viewer.id())).isTrue();

            // The password alone opens no session; it opens a challenge for a code.
            var first = p.staff().login("val@example.org", "val's long password", "10.0.0.1");
            assertThat(first).isInstanceOf(StaffSecurity.LoginResult.SecondFactor.class);
            String challenge = ((StaffSecurity.LoginResult.SecondFactor) first).challenge();
            // The code that confirmed enrolment is spent: the same step does not log in.
            assertThat(p.staff().completeLogin(challenge, code(secret, clock), "10.0.0.1"))
                    .isInstanceOf(StaffSecurity.LoginResult.SecondFactor.class);
            clock.advance(Duration.ofSeconds(30));
            var ok = p.staff().completeLogin(challenge, code(secret, clock), "10.0.0.1");
            assertThat(ok).isInstanceOf(StaffSecurity.LoginResult.Success.class);
            assertThat(p.staff().completeLogin(challenge, code(secret, clock), "10.0.0.1")).as("a challenge is used once")
                    .isEqualTo(new StaffSecurity.LoginResult.Failed(StaffSecurity.CHALLENGE_GONE));

            // Wrong codes: the challenge ends after five, and the throttle locks the pair.
            clock.advance(Duration.ofMinutes(2));
            String again = ((StaffSecurity.LoginResult.SecondFactor) p.staff().login("val@example.org", "val's long password", "10.0.0.2")).challenge();
            for (int i = 0; i < 4; i++) {
                assertThat(p.staff().completeLogin(again, "000000".equals(code(secret, clock)) ? "111111" : "000000", "10.0.0.2"))
                        .isInstanceOf(StaffSecurity.LoginResult.SecondFactor.class);
            }
            assertThat(p.staff().completeLogin(again, "999999".equals(code(secret, clock)) ? "888888" : "999999", "10.0.0.2"))
                    .isEqualTo(new StaffSecurity.LoginResult.Failed(StaffSecurity.CHALLENGE_GONE));
            assertThat(p.staff().login("val@example.org", "val's long password", "10.0.0.2"))
                    .isInstanceOf(StaffSecurity.LoginResult.Locked.class);

            // An expired challenge is refused even with the right code.
            String late = ((StaffSecurity.LoginResult.SecondFactor) p.staff().login("val@example.org", "val's long password", "10.0.0.3")).challenge();
            clock.advance(StaffSecurity.CHALLENGE_TTL.plusSeconds(1));
            assertThat(p.staff().completeLogin(late, code(secret, clock), "10.0.0.3"))
                    .isEqualTo(new StaffSecurity.LoginResult.Failed(StaffSecurity.CHALLENGE_GONE));

            // Owners require it of everyone: the owner, not enrolled, must enrol; a person cannot then switch it off.
            assertThat(tf.mustEnrol(owner)).isFalse();
            tf.setRequired(owner, true);
            assertThat(tf.required()).isTrue();
            assertThat(tf.mustEnrol(owner)).isTrue();
            assertThat(tf.mustEnrol(viewer)).isFalse();
            assertThatThrownBy(() -> tf.remove(viewer, viewer.id())).isInstanceOf(StaffSecurity.InvalidInput.class);
            tf.remove(owner, viewer.id()); // a lost phone: an owner removes it
            assertThat(tf.enabled(viewer.id())).isFalse();
            assertThat(tf.mustEnrol(viewer)).isTrue();
            clock.advance(Duration.ofHours(2));
            assertThat(p.staff().login("val@example.org", "val's long password", "10.0.0.9"))
                    .isInstanceOf(StaffSecurity.LoginResult.Success.class);
            assertThat(p.staff().auditLog(50)).extracting(StaffSecurity.AuditEntry::action)
                    .contains("staff.twoFactor.enable", "staff.twoFactor.remove", "settings.twoFactorRequired");
        } finally {
            TestDatabases.cleanUp(config);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ownersChangeRolesReEnableAccountsAndNeverLoseTheLastOwner(String db) {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
        Map<String, String> config = TestPlatforms.h2Config(dir);
        try (Platform p = start(db, clock, config)) {
            StaffUser owner = user(p, "owner@example.org");
            StaffUser org = p.staff().createUser(owner, "org@example.org", "Org", Role.ORGANIZER, "organizer password 1");
            p.staff().changeRole(owner, org.id(), Role.VIEWER);
            assertThat(user(p, "org@example.org").role()).isEqualTo(Role.VIEWER);
            assertThatThrownBy(() -> p.staff().changeRole(owner, owner.id(), Role.VIEWER)).isInstanceOf(StaffSecurity.InvalidInput.class);
            p.staff().changeRole(owner, org.id(), Role.OWNER);
            StaffUser second = user(p, "org@example.org");
            p.staff().changeRole(second, owner.id(), Role.ORGANIZER); // two owners: one may step down
            assertThatThrownBy(() -> p.staff().changeRole(null, second.id(), Role.VIEWER))
                    .isInstanceOf(StaffSecurity.InvalidInput.class).hasMessageContaining("last owner");

            p.staff().disable(second, owner.id());
            assertThat(p.staff().login("owner@example.org", "the owner's password", "ip")).isInstanceOf(StaffSecurity.LoginResult.Failed.class);
            p.staff().enable(second, owner.id());
            assertThat(p.staff().login("owner@example.org", "the owner's password", "ip")).isInstanceOf(StaffSecurity.LoginResult.Success.class);
            assertThat(p.staff().auditLog(20)).extracting(StaffSecurity.AuditEntry::action).contains("staff.role", "staff.enable");

            // Plugin switches are kept and audited (this platform has no plugins; the choice is stored all the same).
            p.pluginStates().set(owner, "email-legislators", false);
            assertThat(p.pluginStates().choices()).containsEntry("email-legislators", false);
            assertThat(PluginStates.disabledIds(p.database().dataSource())).containsExactly("email-legislators");
            p.pluginStates().set(owner, "email-legislators", true);
            assertThat(PluginStates.disabledIds(p.database().dataSource())).isEmpty();
        } finally {
            TestDatabases.cleanUp(config);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPasswordResetLinkTravelsThroughTheOutboxWorksOnceAndExpires(String db) {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
        Map<String, String> config = TestPlatforms.h2Config(dir);
        try (Platform p = start(db, clock, config)) {
            var session = ((StaffSecurity.LoginResult.Success) p.staff().login("owner@example.org", "the owner's password", "ip")).session();
            p.passwordResets().request("nobody@example.org"); // no account: nothing queued, and the caller says the same
            p.passwordResets().request("OWNER@example.org");
            assertThat(p.mail().worker().runOnce().sent()).isEqualTo(1);
            SinkMailbox sink = p.mail().sink();
            List<SinkMailbox.Entry> mail = sink.list(10);
            assertThat(mail).singleElement().satisfies(m -> {
                assertThat(m.to()).contains("owner@example.org");
                assertThat(m.subject()).isEqualTo("Set a new password for the Test Coalition admin console");
            });
            String text = sink.read(mail.get(0).outboxId()).orElseThrow().text();
            Matcher link = Pattern.compile("http://localhost:8080/admin/password/reset\\?token=([A-Za-z0-9_-]{43})").matcher(text);
            assertThat(link.find()).as(text).isTrue();
            String token = link.group(1);
            assertThat(p.outboxAdmin().get(mail.get(0).outboxId()).orElseThrow().confidential())
                    .as("the console never shows the link").isTrue();

            assertThat(p.passwordResets().valid(token)).isTrue();
            assertThatThrownBy(() -> p.passwordResets().reset(token, "short")).isInstanceOf(StaffSecurity.InvalidInput.class);
            assertThat(p.passwordResets().valid(token)).as("a refused password does not spend the link").isTrue();
            assertThat(p.passwordResets().reset(token, "a brand new password")).isTrue();
            assertThat(p.passwordResets().reset(token, "another new password")).as("single use").isFalse();
            assertThat(p.staff().session(session.id())).as("sessions end with the old password").isEmpty();
            assertThat(p.staff().login("owner@example.org", "the owner's password", "ip2")).isInstanceOf(StaffSecurity.LoginResult.Failed.class);
            assertThat(p.staff().login("owner@example.org", "a brand new password", "ip3")).isInstanceOf(StaffSecurity.LoginResult.Success.class);

            // Expiry, and the hourly limit of links per account.
            p.passwordResets().request("owner@example.org");
            p.passwordResets().request("owner@example.org");
            p.passwordResets().request("owner@example.org"); // the fourth in the hour
            assertThat(p.mail().worker().runOnce().sent()).isEqualTo(2);
            String late = tokenOf(sink, sink.list(1).get(0).outboxId());
            clock.advance(p.passwordResets().ttl().plusSeconds(1));
            assertThat(p.passwordResets().valid(late)).isFalse();
            assertThat(p.passwordResets().reset(late, "yet another password")).isFalse();
            assertThat(p.staff().auditLog(30)).extracting(StaffSecurity.AuditEntry::action)
                    .contains("staff.passwordReset.request", "staff.passwordReset");
        } finally {
            TestDatabases.cleanUp(config);
        }
    }

    private static String tokenOf(SinkMailbox sink, long id) {
        Matcher m = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(sink.read(id).orElseThrow().text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String code(String secret, Clock clock) {
        return Totp.code(secret, Totp.step(clock.instant()));
    }
}
