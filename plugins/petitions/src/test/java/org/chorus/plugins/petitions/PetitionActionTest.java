package org.chorus.plugins.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.FieldError;
import org.chorus.api.action.Fragment;
import org.chorus.api.action.ResultView;
import org.chorus.api.action.SubmissionOutcome;
import org.chorus.api.lookup.FoundTargets;
import org.junit.jupiter.api.Test;

class PetitionActionTest {

    static final long PETITION = 41;

    final TestContext context = new TestContext();
    final PetitionAction action = new PetitionAction(context);

    static Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("text", "We call on the **Legislature** to pass the Safe Communities Act.");
        s.put("translations", List.of(Map.of("language", "es", "text", "Pedimos a la Legislatura que apruebe la ley.",
                "autoresponse_subject", "Gracias, {{supporter.first_name}}", "autoresponse_body", "Gracias por firmar.")));
        s.put("autoresponse_subject", "Thank you for signing, {{supporter.first_name}}");
        s.put("autoresponse_body", "Dear {{supporter.first_name}} {{supporter.last_name}},\n\nYou are signer number "
                + "{{petition.count}} of {{campaign.title}}. Share: {{campaign.url}}\n");
        s.put("consents", List.of(Map.of("key", "partner-mira", "label", "MIRA may email me")));
        return s;
    }

    static Map<String, String> maria() {
        Map<String, String> f = new HashMap<>();
        f.put("first_name", "Maria");
        f.put("last_name", "Santos");
        f.put("email", " Maria.Santos@Example.org ");
        f.put("town", "Chelsea");
        f.put("comment", "My family lives here.");
        return f;
    }

    SubmissionOutcome submit(Map<String, Object> settings, Map<String, String> fields) {
        return action.submit(context.submission(PETITION, settings, fields, Locale.ENGLISH));
    }

    @Test
    void aSignatureIsTheSignerWithTheirCommentOnePerEmailAndAnAutoresponseToThem() {
        Map<String, String> f = maria();
        f.put("consent_partner-mira", "yes");
        // Someone signed before Maria.
        context.store(PETITION, (SubmissionOutcome.Accepted) submit(settings(), Map.of("first_name", "A", "last_name", "B",
                "email", "a@example.org", "town", "Boston")), null);
        context.outbox.clear();

        var accepted = (SubmissionOutcome.Accepted) submit(settings(), f);
        assertThat(accepted.uniqueKey()).isEqualTo("maria.santos@example.org");
        assertThat(accepted.supporter().email()).isEqualTo("Maria.Santos@Example.org");
        assertThat(accepted.supporter().firstName()).isEqualTo("Maria");
        assertThat(accepted.supporter().town()).isEqualTo("Chelsea");
        assertThat(accepted.supporter().postalCode()).isEmpty();
        assertThat(accepted.supporter().consents()).containsExactly(Map.entry("partner-mira", true));
        assertThat(accepted.payload()).containsEntry("comment", "My family lives here.").containsEntry("anonymous", false)
                .containsEntry("language", "en");
        assertThat(accepted.messages()).singleElement().satisfies(m -> {
            assertThat(m.toAddress()).isEqualTo("Maria.Santos@Example.org");
            assertThat(m.toName()).isEqualTo("Maria Santos");
            assertThat(m.fromName()).isEqualTo("Safe Communities Coalition");
            assertThat(m.subject()).isEqualTo("Thank you for signing, Maria");
            assertThat(m.body()).contains("Dear Maria Santos,").contains("signer number 2 of Stand with immigrant families")
                    .contains("https://act.example.org/campaigns/stand-with-families");
            assertThat(m.targetId()).isNull();
        });

        // A partner's opt-in stays off unless ticked; Spanish signers get the Spanish autoresponse.
        var spanish = (SubmissionOutcome.Accepted) action.submit(context.submission(PETITION, settings(), Map.of(
                "first_name", "Ana", "last_name", "Pérez", "email", "ana@example.org", "town", "Lynn"), Locale.forLanguageTag("es")));
        assertThat(spanish.supporter().consents()).containsExactly(Map.entry("partner-mira", false));
        assertThat(spanish.messages().get(0).subject()).isEqualTo("Gracias, Ana");
        assertThat(spanish.payload()).containsEntry("language", "es");
    }

    @Test
    void withoutAnAutoresponseNothingIsQueued() {
        Map<String, Object> s = settings();
        s.remove("autoresponse_subject");
        s.remove("autoresponse_body");
        s.remove("translations");
        assertThat(((SubmissionOutcome.Accepted) submit(s, maria())).messages()).isEmpty();
    }

    @Test
    void aZipCodeIsPlacedInItsTownAndALookupThatFailsCostsOnlyTheTown() {
        context.finder = q -> new FoundTargets(List.of(), List.of(), null, "town", false, "02150".equals(q.postalCode()) ? "Chelsea" : null);
        Map<String, String> f = maria();
        f.put("town", "02150");
        var a = (SubmissionOutcome.Accepted) submit(settings(), f);
        assertThat(a.supporter().town()).isEqualTo("Chelsea");
        assertThat(a.supporter().postalCode()).isEqualTo("02150");

        context.finder = q -> {
            throw new IllegalStateException("lookup down");
        };
        var b = (SubmissionOutcome.Accepted) submit(settings(), f);
        assertThat(b.supporter().town()).isEmpty();
        assertThat(b.supporter().postalCode()).isEqualTo("02150");
    }

    @Test
    void badInputIsExplainedFieldByField() {
        var r = (SubmissionOutcome.Rejected) submit(settings(), Map.of("email", "not-an-address", "town", "123"));
        assertThat(r.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("first_name", "last_name", "email", "town");
        assertThat(r.errors()).extracting(FieldError::message).contains("Enter your first name.", "Enter your last name.",
                "Enter an email address like name@example.com.",
                "Enter a ZIP code of five digits, like 02108, or the name of your town.");

        Map<String, String> noTown = maria();
        noTown.remove("town");
        assertThat(((SubmissionOutcome.Rejected) submit(settings(), noTown)).errors())
                .containsExactly(new FieldError("town", "Enter your town or your ZIP code."));

        Map<String, String> tooLong = maria();
        tooLong.put("comment", "x".repeat(2_001));
        assertThat(((SubmissionOutcome.Rejected) submit(settings(), tooLong)).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("comment");
            assertThat(e.message()).contains("at most 2,000 characters").contains("it has 2,001");
        });

        // What the browser counted as 2,000 characters (line breaks as one) is accepted, though it sends CR LF.
        Map<String, String> lines = maria();
        lines.put("comment", ("x".repeat(99) + "\r\n").repeat(20));
        var ok = (SubmissionOutcome.Accepted) submit(settings(), lines);
        assertThat(ok.payload().get("comment").toString()).doesNotContain("\r").hasSize(1_999);

        Map<String, String> longName = maria();
        longName.put("last_name", "y".repeat(101));
        assertThat(((SubmissionOutcome.Rejected) submit(settings(), longName)).errors()).extracting(FieldError::field)
                .containsExactly("last_name");
    }

    @Test
    void aClosedPetitionTakesNoSignatureAndSaysSo() {
        Map<String, Object> s = settings();
        s.put("closed", true);
        assertThat(((SubmissionOutcome.Rejected) submit(s, maria())).errors())
                .containsExactly(new FieldError("", "This petition is closed and is not taking signatures any more."));
        Fragment form = action.form(context.view(PETITION, "sign", s, Locale.ENGLISH));
        assertThat(form.model()).containsEntry("closed", true);
    }

    @Test
    void theFormShowsTheMomentumWithAnonymousSignersAsAnonymousAndWithoutHiddenComments() {
        Map<String, String> anon = maria();
        anon.put("anonymous", "yes");
        anon.put("comment", "I am afraid to give my name.");
        var first = context.store(PETITION, (SubmissionOutcome.Accepted) submit(settings(), anon), "email");
        Map<String, String> joe = maria();
        joe.put("first_name", "Joe");
        joe.put("email", "joe@example.org");
        joe.put("town", "Somerville");
        joe.put("comment", "<script>alert(1)</script>");
        var second = context.store(PETITION, (SubmissionOutcome.Accepted) submit(settings(), joe), null);
        Map<String, String> lu = maria();
        lu.put("first_name", "Lu");
        lu.put("email", "lu@example.org");
        lu.put("comment", "Hidden by staff");
        var third = context.store(PETITION, (SubmissionOutcome.Accepted) submit(settings(), lu), null);
        Petitions.of(context).setHidden(PETITION, third.id(), true, "staff@example.org");

        Fragment form = action.form(context.view(PETITION, "sign", settings(), Locale.ENGLISH));
        Map<String, Object> m = form.model();
        assertThat(m).containsEntry("count", 3L).containsEntry("goal", 10L).containsEntry("countText", "3")
                .containsEntry("progressText", "signatures toward our goal of 10");
        assertThat(m.get("textHtml").toString()).contains("<strong>Legislature</strong>");
        assertThat(signers(m, "signers")).containsExactly(
                Map.of("anonymous", false, "name", "Lu", "town", "Chelsea", "comment", "Hidden by staff"),
                Map.of("anonymous", false, "name", "Joe", "town", "Somerville", "comment", "<script>alert(1)</script>"),
                Map.of("anonymous", true, "name", "Anonymous", "town", "", "comment", "I am afraid to give my name."));
        assertThat(signers(m, "comments")).extracting(c -> c.get("comment"))
                .containsExactly("<script>alert(1)</script>", "I am afraid to give my name.");
        assertThat(first.id()).isNotEqualTo(second.id());

        // Spanish page: the Spanish text, Spanish numbers and words.
        Fragment es = action.form(context.view(PETITION, "sign", settings(), Locale.forLanguageTag("es")));
        assertThat(es.model().get("textHtml").toString()).contains("Pedimos a la Legislatura");
        assertThat(signers(es.model(), "signers").get(2)).containsEntry("name", "Anónimo");

        // Staff may show neither signers nor comments.
        Map<String, Object> quiet = settings();
        quiet.put("show_signers", false);
        quiet.put("show_comments", "false");
        Fragment q = action.form(context.view(PETITION, "sign", quiet, Locale.ENGLISH));
        assertThat(signers(q.model(), "signers")).isEmpty();
        assertThat(signers(q.model(), "comments")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> signers(Map<String, Object> model, String key) {
        return (List<Map<String, Object>>) model.get(key);
    }

    @Test
    void theThankYouCountsTheNewSignatureAndARepeatSaysWhenTheFirstWas() {
        context.store(PETITION, (SubmissionOutcome.Accepted) submit(settings(), maria()), null);
        Map<String, Object> s = settings();
        s.put("goal", 5);
        s.put("next_label", "Now email your legislators");
        s.put("next_url", "/campaigns/safe-communities-act");
        ResultView first = new ResultView(TestContext.CAMPAIGN, "sign", PETITION, new ActionSettings(s),
                context.bundle(Locale.ENGLISH), context.now(), Map.of("anonymous", true), null, List.of());
        Map<String, Object> m = action.result(first).model();
        assertThat(m).containsEntry("count", 1L).containsEntry("goal", 5L).containsEntry("repeat", false)
                .containsEntry("anonymous", true).containsEntry("toGoText", "4 more signatures to reach our goal.")
                .containsEntry("nextUrl", "/campaigns/safe-communities-act");

        Instant when = Instant.parse("2026-03-05T15:00:00Z");
        ResultView again = new ResultView(TestContext.CAMPAIGN, "sign", PETITION, new ActionSettings(s),
                context.bundle(Locale.ENGLISH), when, Map.of(), when, List.of());
        assertThat(action.result(again).model()).containsEntry("repeat", true)
                .containsEntry("repeatText", "You already signed this petition on March 5, 2026. Each person's signature counts once: thank you!");
    }

    @Test
    void thePublicSummaryHasTheTextTheCountAndTheGoal() {
        for (int i = 0; i < 12; i++) {
            Map<String, String> f = maria();
            f.put("email", "s" + i + "@example.org");
            context.store(PETITION, (SubmissionOutcome.Accepted) submit(settings(), f), null);
        }
        Map<String, Object> summary = action.publicSummary(context.view(PETITION, "sign", settings(), Locale.ENGLISH));
        assertThat(summary).containsEntry("type", "petition").containsEntry("count", 12L).containsEntry("goal", 25L)
                .containsEntry("closed", false).containsEntry("goalSetByStaff", false)
                .containsEntry("text", "We call on the **Legislature** to pass the Safe Communities Act.");
    }

    @Test
    void settingsStaffGetWrongAreReported() {
        Map<String, Object> s = settings();
        s.put("goal", -3);
        s.put("autoresponse_body", "Hello {{supporter.name}}");
        s.put("directory_chambers", List.of("upper", "senate"));
        s.put("next_url", "javascript:alert(1)");
        s.put("consents", List.of(Map.of("key", "Partner MIRA", "label", "x")));
        assertThat(action.checkSettings(new ActionSettings(s))).containsExactlyInAnyOrder(
                "goal: must be 0 or more (0 or empty: steps up automatically)",
                "autoresponse_body: unknown merge field {{supporter.name}}; use one of " + PetitionSettings.FIELDS,
                "directory_chambers: 'senate' is neither upper nor lower",
                "consents: key 'Partner MIRA' must be lower-case letters, digits, - or _",
                "next_url: must be a path on this site (/campaigns/…) or an http(s) address",
                "next_label: give both a label and an address for the next action, or neither");
        Map<String, Object> noText = new HashMap<>();
        assertThat(action.checkSettings(new ActionSettings(noText))).contains("text: is required");
        assertThat(action.checkSettings(new ActionSettings(settings()))).isEmpty();
    }

    @Test
    void theTemplateIsAPetitionForAnyCampaign() {
        var t = action.campaignTemplates().get(0);
        assertThat(t.id()).isEqualTo("petition");
        assertThat(action.checkSettings(new ActionSettings(t.actionSettings()))).isEmpty();
    }
}
