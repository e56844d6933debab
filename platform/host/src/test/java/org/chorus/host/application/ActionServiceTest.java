package org.chorus.host.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.chorus.host.TestDatabases;
import org.chorus.host.TestPlatforms;
import org.chorus.host.domain.action.ActionRecord;
import org.chorus.host.domain.campaign.CampaignStatus;
import org.chorus.host.domain.outbox.OutboxMessage;
import org.chorus.host.domain.supporter.Supporter;
import org.chorus.testplugins.TestPluginJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Taking actions, durably, on H2 and on PostgreSQL. */
class ActionServiceTest {

    static final String CAMPAIGN = """
            slug: greetings
            title: Send a greeting
            theme: default
            status: published
            organization: Test Coalition
            actions:
              - id: greet
                type: greeting
                title: Greet the office
                settings: { recipient: office@example.org }
              - id: sign-once
                type: greeting
                title: Once only
                settings: { recipient: office@example.org, once: true }
            """;

    @TempDir
    Path dir;
    Map<String, String> config;
    Platform platform;

    Platform start(String db) throws Exception {
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.writeString(campaigns.resolve("greetings.yaml"), CAMPAIGN);
        Path plugins = dir.resolve("plugins");
        TestPluginJars.greeting(plugins);
        config = TestPlatforms.withPlugins(TestPlatforms.withCampaigns(TestPlatforms.h2Config(dir), campaigns), plugins);
        TestDatabases.configure(db, config);
        platform = TestPlatforms.start(config);
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

    static ActionService.SubmitCommand command(String action, String idem, Map<String, String> fields) {
        return new ActionService.SubmitCommand("greetings", action, TestPlatforms.form(fields), idem, "newsletter", null, Instant.now().minusSeconds(40),
                Locale.ENGLISH);
    }

    static Map<String, String> jane() {
        return Map.of("first_name", "Jane", "last_name", "Doe", "email", "Jane.Doe@Example.org", "message", "Hello!",
                "town", "Salem", "updates", "yes");
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void anAcceptedActionIsDurableWithItsMailAndADoubleSubmitIsOneAction(String db) throws Exception {
        Platform p = start(db);
        String idem = UUID.randomUUID().toString();
        var first = p.actions().submit(command("greet", idem, jane()));
        var again = p.actions().submit(command("greet", idem, jane()));
        assertThat(first).isEqualTo(new ActionService.Outcome.Taken(idem));
        assertThat(again).isEqualTo(first);

        p.transactions().inTransaction(() -> {
            var em = p.transactions().em();
            List<ActionRecord> records = em.createQuery("SELECT a FROM ActionRecord a", ActionRecord.class).getResultList();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getSourceCode()).isEqualTo("newsletter");
            assertThat(records.get(0).getLandedAt()).isNotNull();
            Supporter s = em.createQuery("SELECT s FROM Supporter s", Supporter.class).getSingleResult();
            assertThat(s.getEmail()).isEqualTo("jane.doe@example.org");
            assertThat(s.getTown()).isEqualTo("Salem");
            List<OutboxMessage> mail = em.createQuery("SELECT m FROM OutboxMessage m", OutboxMessage.class).getResultList();
            assertThat(mail).singleElement().satisfies(m -> {
                assertThat(m.getToAddress()).isEqualTo("office@example.org");
                assertThat(m.getReplyTo()).isEqualTo("Jane.Doe@Example.org");
                assertThat(m.getFromName()).isEqualTo("Jane via Test Coalition");
                assertThat(m.getMessageId()).startsWith("<" + idem + ".0@");
                assertThat(m.getState().name()).isEqualTo("QUEUED");
            });
            assertThat(em.createQuery("SELECT COUNT(c) FROM Consent c", Long.class).getSingleResult()).isEqualTo(1L);
        });

        var thanks = p.actions().thankYou("greetings", "greet", idem, Locale.ENGLISH).orElseThrow();
        assertThat(thanks.view().deliveries()).extracting(d -> d.state()).containsExactly("queued");
        assertThat(thanks.view().payload()).containsEntry("message", "Hello!");
        assertThat(p.actions().thankYou("greetings", "greet", UUID.randomUUID().toString(), Locale.ENGLISH)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void badInputIsRejectedWithFieldErrorsAndNothingStored(String db) throws Exception {
        Platform p = start(db);
        Map<String, String> noName = new LinkedHashMap<>(jane());
        noName.put("first_name", "");
        Map<String, String> badEmail = new LinkedHashMap<>(jane());
        badEmail.put("email", "not-an-address");
        Map<String, String> injected = new LinkedHashMap<>(jane());
        injected.put("last_name", "Doe\r\nBcc: everyone@example.org");

        assertThat(p.actions().submit(command("greet", null, noName)))
                .isInstanceOfSatisfying(ActionService.Outcome.Rejected.class,
                        r -> assertThat(r.errors()).extracting(e -> e.field()).containsExactly("first_name"));
        assertThat(p.actions().submit(command("greet", null, badEmail)))
                .isInstanceOfSatisfying(ActionService.Outcome.Rejected.class,
                        r -> assertThat(r.errors()).extracting(e -> e.field()).containsExactly("email"));
        assertThat(p.actions().submit(command("greet", null, injected)))
                .isInstanceOfSatisfying(ActionService.Outcome.Rejected.class,
                        r -> assertThat(r.errors()).extracting(e -> e.field()).containsExactly("last_name"));
        p.transactions().inTransaction(() -> {
            assertThat(p.transactions().em().createQuery("SELECT COUNT(a) FROM ActionRecord a", Long.class).getSingleResult()).isZero();
            assertThat(p.transactions().em().createQuery("SELECT COUNT(s) FROM Supporter s", Long.class).getSingleResult()).isZero();
        });
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aUniqueActionTakenAgainIsARepeatThatUpdatesTheSupporter(String db) throws Exception {
        Platform p = start(db);
        assertThat(p.actions().submit(command("sign-once", null, jane()))).isInstanceOf(ActionService.Outcome.Taken.class);
        Map<String, String> moved = new LinkedHashMap<>(jane());
        moved.put("town", "Lowell");
        assertThat(p.actions().submit(command("sign-once", null, moved))).isInstanceOf(ActionService.Outcome.Repeat.class);
        p.transactions().inTransaction(() -> {
            var em = p.transactions().em();
            assertThat(em.createQuery("SELECT COUNT(a) FROM ActionRecord a", Long.class).getSingleResult()).isEqualTo(1L);
            assertThat(em.createQuery("SELECT s FROM Supporter s", Supporter.class).getSingleResult().getTown()).isEqualTo("Lowell");
        });
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aClosedCampaignTakesNoActions(String db) throws Exception {
        Platform p = start(db);
        p.campaigns().changeStatus("greetings", CampaignStatus.CLOSED);
        assertThat(p.actions().submit(command("greet", null, jane()))).isInstanceOf(ActionService.Outcome.NotTaking.class);
        assertThat(p.campaigns().publicCampaign("greetings")).isPresent();
        p.campaigns().changeStatus("greetings", CampaignStatus.ARCHIVED);
        assertThat(p.campaigns().publicCampaign("greetings")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aPluginReadsTheRecordsOfItsOwnActionTypesOnly(String db) throws Exception {
        Platform p = start(db);
        for (String name : List.of("Ada", "Ben", "Cy")) {
            Map<String, String> f = new LinkedHashMap<>(jane());
            f.put("first_name", name);
            f.put("email", name.toLowerCase(Locale.ROOT) + "@example.org");
            p.actions().submit(command("greet", UUID.randomUUID().toString(), f));
        }
        var ledger = new org.chorus.host.infrastructure.persistence.JdbcActionLedger(p.database().dataSource(), "greeting"::equals);
        long greet = p.campaigns().snapshot("greetings").orElseThrow().action("greet").orElseThrow().id();
        assertThat(ledger.count(greet)).isEqualTo(3);
        assertThat(ledger.latest(greet, 2)).extracting(a -> a.supporter().firstName()).containsExactly("Cy", "Ben");
        List<String> all = new java.util.ArrayList<>();
        ledger.forEach(greet, a -> all.add(a.supporter().firstName() + "/" + a.sourceCode() + "/" + a.payload().get("message")));
        assertThat(all).containsExactly("Ada/newsletter/Hello!", "Ben/newsletter/Hello!", "Cy/newsletter/Hello!");

        var stranger = new org.chorus.host.infrastructure.persistence.JdbcActionLedger(p.database().dataSource(), "letters"::equals);
        assertThat(stranger.count(greet)).isZero();
        assertThat(stranger.latest(greet, 10)).isEmpty();
        stranger.forEach(greet, a -> all.add("leaked"));
        assertThat(all).hasSize(3);
        assertThat(ledger.count(-1)).isZero();
    }
}
