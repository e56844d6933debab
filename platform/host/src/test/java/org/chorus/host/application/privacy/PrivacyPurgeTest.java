package org.chorus.host.application.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.chorus.host.MutableClock;
import org.chorus.host.TestDatabases;
import org.chorus.host.TestPlatforms;
import org.chorus.host.application.ActionService;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.config.PlatformConfig;
import org.chorus.testplugins.TestPluginJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A campaign's privacy safe mode over time, on H2 and PostgreSQL, with a clock the test moves. */
class PrivacyPurgeTest {

    static final String SAFE = """
            slug: safe
            title: Safe mode
            theme: default
            status: published
            organization: Test Coalition
            privacy: { discard_street: true, keep_referrer: false, purge_after_days: 30 }
            actions:
              - { id: greet, type: greeting, title: Greet, settings: { recipient: office@example.org } }
            """;
    static final String STANDARD = """
            slug: standard
            title: Standard
            theme: default
            status: published
            actions:
              - { id: greet, type: greeting, title: Greet, settings: { recipient: office@example.org } }
            """;

    @TempDir
    Path dir;
    Map<String, String> config;
    Platform platform;
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));

    Platform start(String db) throws Exception {
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.writeString(campaigns.resolve("safe.yaml"), SAFE);
        Files.writeString(campaigns.resolve("standard.yaml"), STANDARD);
        Path plugins = dir.resolve("plugins");
        TestPluginJars.greeting(plugins);
        config = TestPlatforms.withPlugins(TestPlatforms.withCampaigns(TestPlatforms.h2Config(dir), campaigns), plugins);
        TestDatabases.configure(db, config);
        platform = Platform.start(PlatformConfig.of(config), clock, Runnable::run);
        return platform;
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
        if (config != null) {
            TestDatabases.cleanUp(config);
        }
    }

    void take(String campaign, String email, boolean optIn, String referrer) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("first_name", List.of(email.substring(0, email.indexOf('@'))));
        f.put("email", List.of(email));
        f.put("street", List.of("1 Main St"));
        f.put("town", List.of("Salem"));
        f.put("message", List.of("Hello from " + email));
        if (optIn) {
            f.put("updates", List.of("yes"));
        }
        var outcome = platform.actions().submit(new ActionService.SubmitCommand(campaign, "greet", f,
                UUID.randomUUID().toString(), "test", referrer, null, Locale.ENGLISH));
        assertThat(outcome).isInstanceOf(ActionService.Outcome.Taken.class);
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void safeModeKeepsNoStreetNorFullReferrerAndErasesWhoDidNotOptInAfterTheDays(String db) throws Exception {
        start(db);
        take("safe", "ana@example.org", false, "https://news.example.org/story?reader=ana");
        take("safe", "ben@example.org", true, null);
        take("safe", "cara@example.org", false, null);
        take("standard", "cara@example.org", false, "https://blog.example.org/post?id=7");
        sql("UPDATE outbox_message SET state = 'SENT'");

        assertThat(one("SELECT street FROM supporter WHERE email = 'ana@example.org'")).as("street discarded").isNull();
        assertThat(one("SELECT ar.referrer FROM action_record ar JOIN supporter s ON ar.supporter_id = s.id "
                + "WHERE s.email = 'ana@example.org'")).as("only the referrer's origin").isEqualTo("https://news.example.org");
        assertThat(one("SELECT ar.referrer FROM action_record ar JOIN campaign_action ca ON ar.campaign_action_id = ca.id "
                + "JOIN campaign c ON ca.campaign_id = c.id WHERE c.slug = 'standard'")).isEqualTo("https://blog.example.org/post?id=7");

        clock.advance(Duration.ofDays(29));
        assertThat(platform.privacyPurge().runOnce().records()).as("not yet").isZero();

        clock.advance(Duration.ofDays(2));
        take("safe", "dan@example.org", false, null); // recent: untouched
        sql("UPDATE outbox_message SET state = 'SENT'");
        PrivacyPurge.Result r = platform.privacyPurge().runOnce();
        assertThat(r).isEqualTo(new PrivacyPurge.Result(2, 1, 1));

        assertThat(rows("SELECT email FROM supporter ORDER BY email"))
                .as("Ana erased; Ben opted in; Cara still has the standard campaign's action; Dan is recent")
                .containsExactly("ben@example.org", "cara@example.org", "dan@example.org");
        assertThat(rows("SELECT payload_json FROM action_record WHERE forgotten_at IS NOT NULL")).containsExactly("{}", "{}");
        assertThat(rows("SELECT COUNT(*) FROM action_record WHERE forgotten_at IS NOT NULL AND (referrer IS NOT NULL OR supporter_id IS NOT NULL AND supporter_id NOT IN (SELECT id FROM supporter))"))
                .containsExactly("0");
        assertThat(rows("SELECT body FROM outbox_message WHERE body LIKE 'Hello from%' ORDER BY body"))
                .containsExactly("Hello from ben@example.org", "Hello from cara@example.org", "Hello from dan@example.org");
        assertThat(rows("SELECT COUNT(*) FROM outbox_message WHERE body = '[erased]' AND reply_to IS NULL AND from_name IS NULL"))
                .containsExactly("2");
        assertThat(rows("SELECT COUNT(*) FROM action_record")).as("the actions still count").containsExactly("5");

        assertThat(platform.privacyPurge().runOnce()).as("nothing twice").isEqualTo(new PrivacyPurge.Result(0, 0, 1));
    }

    void sql(String update) throws Exception {
        try (Connection c = platform.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(update);
        }
    }

    String one(String query) throws Exception {
        List<String> r = rows(query);
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    List<String> rows(String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = platform.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
