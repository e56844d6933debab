package org.chorus.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.CampaignInfo;
import org.chorus.api.action.CampaignTemplate;
import org.chorus.api.action.TargetPreview;
import org.chorus.api.stance.Stance;
import org.chorus.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

/** What the admin console uses of the action type: its template, merge fields, settings checks and previews. */
class AdminHooksTest {

    static final CampaignInfo CAMPAIGN = new CampaignInfo(1, "rent", "Rent relief now", "draft", "default",
            "Tenants United", List.of("en"), "http://localhost");

    EmailLegislatorsAction action(Stance senatorStance) {
        FakePluginContext context = new FakePluginContext("email-legislators", null, List.of());
        context.messages = LettersTest.EN;
        context.stances = (id, bill) -> id.equals(LettersTest.SENATOR.externalId()) && bill.equals("H2580 / S1681")
                ? senatorStance : Stance.UNKNOWN;
        return new EmailLegislatorsAction(context);
    }

    @Test
    void theEmailTemplateIsValidAsItStandsAndUsesOnlyKnownMergeFields() {
        EmailLegislatorsAction a = action(Stance.UNKNOWN);
        CampaignTemplate t = a.campaignTemplates().get(0);
        assertThat(t.title()).isEqualTo("Email your state legislators");
        assertThat(a.checkSettings(new ActionSettings(t.actionSettings()))).isEmpty();
        assertThat(a.mergeFields()).contains("supporter.first_name", "target.district").isSorted();
    }

    @Test
    void aStanceVariantNeedsItsBillAndChambersAreUpperOrLower() {
        EmailLegislatorsAction a = action(Stance.UNKNOWN);
        Map<String, Object> s = new LinkedHashMap<>(LettersTest.SETTINGS);
        s.put("variants", List.of(Map.of("name", "thanks", "stance", "cosponsor", "body", "Thank you.")));
        s.put("chambers", List.of("upper", "senate"));
        assertThat(a.checkSettings(new ActionSettings(s))).containsExactlyInAnyOrder(
                "variants[0].stance_bill: is required when the variant depends on a stance",
                "chambers: must be upper or lower, not 'senate'");
        s.put("variants", List.of(Map.of("name", "thanks", "stance", "any", "body", "Thank you {{target.nmae}}.")));
        s.put("chambers", List.of("upper"));
        assertThat(a.checkSettings(new ActionSettings(s))).singleElement().asString()
                .startsWith("variants[0].body: unknown merge field {{target.nmae}}");
    }

    @Test
    void eachChosenLegislatorSeesTheirOwnVariantWithPlaceholdersForTheSupporter() {
        List<TargetPreview> cosponsor = action(Stance.COSPONSOR).previewForTargets(new ActionSettings(LettersTest.SETTINGS),
                CAMPAIGN, List.of(LettersTest.SENATOR, LettersTest.REP), LettersTest.EN);
        assertThat(cosponsor).extracting(TargetPreview::variant).containsExactly("thanks", "default");
        assertThat(cosponsor.get(0).subject()).isEqualTo("Thank you, Senator Edwards");
        assertThat(cosponsor.get(0).body()).startsWith("Dear Senator Edwards,\n\nThank you for co-sponsoring.");
        assertThat(cosponsor.get(1).body()).contains("As your constituent in [your town], please co-sponsor.");

        // No stance provider knows the senator's stance yet: the default letter applies to both.
        List<TargetPreview> unknown = action(Stance.UNKNOWN).previewForTargets(new ActionSettings(LettersTest.SETTINGS),
                CAMPAIGN, List.of(LettersTest.SENATOR), LettersTest.EN);
        assertThat(unknown).extracting(TargetPreview::variant).containsExactly("default");
    }
}
