package org.chorus.host.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.FieldError;
import org.chorus.host.TestDatabases;
import org.chorus.host.TestPlatforms;
import org.chorus.host.application.ActionService;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.Platform;
import org.chorus.host.domain.action.ActionRecord;
import org.chorus.host.domain.outbox.OutboxMessage;
import org.chorus.host.domain.supporter.Consent;
import org.chorus.host.domain.supporter.Supporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The petitions plugin as shipped (its built jar, loaded by the platform's plugin runtime) signing on H2 and on
 * PostgreSQL: one durable signature per e-mail however it is posted, the repeat told when the first was, the
 * autoresponse queued with the signature, anonymity and comments as the public page renders them, a closed petition.
 */
class PetitionSigningTest {

    static final String CAMPAIGN = """
            slug: stand-with-families
            title: Stand with immigrant families
            theme: default
            status: published
            organization: Safe Communities Coalition
            actions:
              - id: sign
                type: petition
                title: Sign the petition
                settings:
                  text: "We call on the **Legislature** to pass the Safe Communities Act."
                  goal: 100
                  autoresponse_subject: "Thank you for signing, {{supporter.first_name}}"
                  autoresponse_body: "Dear {{supporter.first_name}}, thank you. Ask a friend: {{campaign.url}}"
                  consents:
                    - { key: partner-mira, label: "MIRA Coalition may email me" }
              - id: old
                type: petition
                title: An old petition
                settings: { text: "An old petition.", closed: true }
            """;

    @TempDir
    Path dir;
    Map<String, String> config;
    Platform platform;

    Platform start(String db) throws Exception {
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.writeString(campaigns.resolve("stand-with-families.yaml"), CAMPAIGN);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = Path.of(System.getProperty("chorus.plugin.jars", "target/plugin-jars")).resolve("petitions.jar");
        Files.copy(jar, plugins.resolve("petitions.jar"));
        config = TestPlatforms.withPlugins(TestPlatforms.withCampaigns(TestPlatforms.h2Config(dir), campaigns), plugins);
        TestDatabases.configure(db, config);
        platform = TestPlatforms.start(config);
        assertThat(platform.plugins().statuses()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("petitions");
            assertThat(s.state()).isEqualTo("started");
        });
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

    static ActionService.SubmitCommand sign(String action, String idem, Map<String, String> fields) {
        return new ActionService.SubmitCommand("stand-with-families", action, TestPlatforms.form(fields), idem, "share-whatsapp", null,
                Instant.now().minusSeconds(30), Locale.ENGLISH);
    }

    static Map<String, String> maria() {
        Map<String, String> f = new HashMap<>();
        f.put("first_name", "Maria");
        f.put("last_name", "Santos");
        f.put("email", "maria.santos@example.org");
        f.put("town", "Chelsea");
        f.put("comment", "<script>alert('hi')</script> My family lives here.");
        f.put("consent_partner-mira", "yes");
        return f;
    }

    ActionFragments fragments() {
        ActionFragments f = new ActionFragments();
        f.platform = platform;
        return f;
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aSignatureIsStoredOncePerEmailAndARepeatSaysWhenTheFirstWas(String db) throws Exception {
        Platform p = start(db);
        String idem = UUID.randomUUID().toString();
        assertThat(p.actions().submit(sign("sign", idem, maria()))).isEqualTo(new ActionService.Outcome.Taken(idem));
        assertThat(p.actions().submit(sign("sign", idem, maria()))).isEqualTo(new ActionService.Outcome.Taken(idem));

        Map<String, String> again = maria();
        again.put("email", "Maria.Santos@EXAMPLE.org");
        again.put("town", "Revere");
        again.remove("consent_partner-mira");
        var repeat = p.actions().submit(sign("sign", UUID.randomUUID().toString(), again));
        assertThat(repeat).isInstanceOf(ActionService.Outcome.Repeat.class);

        p.transactions().inTransaction(() -> {
            var em = p.transactions().em();
            List<ActionRecord> records = em.createQuery("SELECT a FROM ActionRecord a", ActionRecord.class).getResultList();
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.getSourceCode()).isEqualTo("share-whatsapp");
                assertThat(r.getPayloadJson()).contains("\"anonymous\":false").contains("My family lives here.");
            });
            Supporter s = em.createQuery("SELECT s FROM Supporter s", Supporter.class).getSingleResult();
            assertThat(s.getTown()).isEqualTo("Revere"); // the details are updated, not duplicated
            List<Consent> consents = em.createQuery("SELECT c FROM Consent c ORDER BY c.id", Consent.class).getResultList();
            assertThat(consents).extracting(Consent::getConsentKey, Consent::isGranted)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("partner-mira", true),
                            org.assertj.core.groups.Tuple.tuple("partner-mira", false));
            List<OutboxMessage> mail = em.createQuery("SELECT m FROM OutboxMessage m", OutboxMessage.class).getResultList();
            assertThat(mail).singleElement().satisfies(m -> {
                assertThat(m.getToAddress()).isEqualTo("maria.santos@example.org");
                assertThat(m.getSubject()).isEqualTo("Thank you for signing, Maria");
                assertThat(m.getBody()).contains("http://localhost:8080/campaigns/stand-with-families");
                assertThat(m.getMessageId()).startsWith("<" + idem + ".0@");
            });
        });

        String thanks = fragments().result(p.actions().thankYou("stand-with-families", "sign", idem, Locale.ENGLISH)
                .orElseThrow(), Locale.ENGLISH);
        assertThat(thanks).contains("Your signature has been added.").contains("<meter class=\"petition-meter\" min=\"0\" max=\"100\" value=\"1\"")
                .contains("99 more signatures to reach our goal.");
        var repeated = p.actions().repeated((ActionService.Outcome.Repeat) repeat, Locale.ENGLISH).orElseThrow();
        assertThat(repeated.view().repeatOf()).isNotNull();
        assertThat(repeated.view().payload()).isEmpty();
        assertThat(fragments().result(repeated, Locale.ENGLISH)).contains("You already signed this petition on")
                .doesNotContain("My family");
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void theSameEmailPostedFromManyFormsAtOnceIsOneSignature(String db) throws Exception {
        Platform p = start(db);
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ActionService.Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> f = maria();
            f.put("email", i % 2 == 0 ? "race@example.org" : "RACE@example.org");
            outcomes.add(pool.submit(() -> {
                go.await();
                return p.actions().submit(sign("sign", UUID.randomUUID().toString(), f));
            }));
        }
        go.countDown();
        List<String> kinds = Collections.synchronizedList(new ArrayList<>());
        for (var o : outcomes) {
            kinds.add(o.get().getClass().getSimpleName());
        }
        pool.shutdown();
        assertThat(kinds).containsOnly("Taken", "Repeat");
        assertThat(kinds.stream().filter("Taken"::equals).count()).isEqualTo(1);
        p.transactions().inTransaction(() -> {
            var em = p.transactions().em();
            assertThat(em.createQuery("SELECT COUNT(a) FROM ActionRecord a", Long.class).getSingleResult()).isEqualTo(1L);
            assertThat(em.createQuery("SELECT COUNT(s) FROM Supporter s", Long.class).getSingleResult()).isEqualTo(1L);
            assertThat(em.createQuery("SELECT COUNT(m) FROM OutboxMessage m", Long.class).getSingleResult()).isEqualTo(1L);
        });
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void thePageShowsTheMomentumAnonymousSignersAndEscapedComments(String db) throws Exception {
        Platform p = start(db);
        p.actions().submit(sign("sign", UUID.randomUUID().toString(), maria()));
        Map<String, String> anon = maria();
        anon.put("first_name", "Rosa");
        anon.put("email", "rosa@example.org");
        anon.put("town", "Lawrence");
        anon.put("anonymous", "yes");
        anon.put("comment", "I signed without my name.");
        p.actions().submit(sign("sign", UUID.randomUUID().toString(), anon));

        CampaignSnapshot c = p.campaigns().publicCampaign("stand-with-families").orElseThrow();
        var a = c.action("sign").orElseThrow();
        String html = form(p, c, a, Map.of(), List.of());
        assertThat(html).contains("<strong>Legislature</strong>")
                .contains("<meter class=\"petition-meter\" min=\"0\" max=\"100\" value=\"2\"")
                .contains("<span class=\"petition-signer-name\">Maria</span>, <span class=\"petition-signer-town\">Chelsea</span>")
                .contains("<span class=\"petition-signer-name\">Anonymous</span></li>")
                .doesNotContain("Rosa").doesNotContain("Lawrence").doesNotContain("Santos")
                .contains("&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; My family lives here.")
                .doesNotContain("<script>alert")
                .contains("name=\"consent_partner-mira\" type=\"checkbox\" value=\"yes\">") // unchecked by default
                .doesNotContain("checked");

        // A rejected form comes back as typed, the error next to its field.
        Map<String, List<String>> typed = Map.of("first_name", List.of("Jo"), "email", List.of("jo@"), "comment", List.of("Mine"));
        String rejected = form(p, c, a, typed, List.of(new FieldError("email", "Enter an email address like name@example.com.")));
        assertThat(rejected).contains("value=\"Jo\"").contains(">Mine</textarea>")
                .contains("id=\"field-sign-email-error\">Enter an email address like name@example.com.")
                .contains("aria-describedby=\"field-sign-email-hint field-sign-email-error\" aria-invalid=\"true\"");

        var json = p.actionTypes().find("petition").orElseThrow().extension().publicSummary(view(p, c, a, Map.of(), List.of()));
        assertThat(json).containsEntry("count", 2L).containsEntry("goal", 100L).containsEntry("closed", false)
                .containsEntry("text", "We call on the **Legislature** to pass the Safe Communities Act.");
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aClosedPetitionTakesNoSignatureAndShowsNoForm(String db) throws Exception {
        Platform p = start(db);
        var outcome = p.actions().submit(sign("old", null, maria()));
        assertThat(outcome).isInstanceOf(ActionService.Outcome.Rejected.class);
        assertThat(((ActionService.Outcome.Rejected) outcome).errors())
                .containsExactly(new FieldError("", "This petition is closed and is not taking signatures any more."));
        CampaignSnapshot c = p.campaigns().publicCampaign("stand-with-families").orElseThrow();
        String html = form(p, c, c.action("old").orElseThrow(), Map.of(), List.of());
        assertThat(html).contains("This petition is closed.").doesNotContain("<form");
        p.transactions().inTransaction(() -> assertThat(p.transactions().em()
                .createQuery("SELECT COUNT(a) FROM ActionRecord a", Long.class).getSingleResult()).isZero());
    }

    ActionView view(Platform p, CampaignSnapshot c, CampaignSnapshot.ActionSnapshot a, Map<String, List<String>> values,
                    List<FieldError> errors) {
        return new ActionView(c.info("http://localhost:8080", Locale.ENGLISH), a.key(), a.id(), a.settings(),
                p.themes().messages(c.theme(), Locale.ENGLISH), values, errors);
    }

    String form(Platform p, CampaignSnapshot c, CampaignSnapshot.ActionSnapshot a, Map<String, List<String>> values,
                List<FieldError> errors) {
        Map<String, Object> host = new HashMap<>();
        host.put("postUrl", "/campaigns/" + c.slug() + "/actions/" + a.key());
        host.put("hidden", List.of(Map.of("name", "_idem", "value", "x")));
        host.put("takingActions", c.takingActions());
        String html = fragments().form(c, a, view(p, c, a, values, errors), host, Locale.ENGLISH);
        assertThat(html).as("the petition form renders").isNotNull();
        return html;
    }
}
