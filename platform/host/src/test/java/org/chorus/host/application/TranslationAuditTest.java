package org.chorus.host.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chorus.api.action.SettingsSchema;
import org.chorus.api.action.SettingsSchema.Field;
import org.chorus.api.action.SettingsSchema.Type;
import org.chorus.host.infrastructure.yaml.CampaignFiles;
import org.junit.jupiter.api.Test;

class TranslationAuditTest {

    static final SettingsSchema LETTER = new SettingsSchema(List.of(
            Field.text("subject", "subject", true),
            Field.of("body", Type.TEXTAREA, "body", true),
            Field.of("party", Type.TEXT, "party", false),
            new Field("variants", Type.GROUP, "variants", false, null, List.of(), List.of(
                    Field.of("name", Type.TEXT, "name", true),
                    Field.of("body", Type.TEXTAREA, "body", true)))));

    @Test
    void aMissingOrStrayMessageKeyIsAGap() {
        var gaps = TranslationAudit.messages("theme t", Map.of(
                "en", Set.of("a", "b"), "es", Set.of("a", "b"), "vi", Set.of("a", "c")), List.of("en", "es", "vi", "ht"));
        assertThat(gaps).extracting(Object::toString).containsExactlyInAnyOrder(
                "theme t [vi]: message b is not translated",
                "theme t [vi]: message c is not in English (misspelt or stale?)",
                "theme t [ht]: message a is not translated",
                "theme t [ht]: message b is not translated");
    }

    @Test
    void everyCampaignTextAndEveryTranslatableSettingIsNeededInEachLanguage() {
        var def = CampaignFiles.parse("""
                slug: c
                title: Title
                summary: Summary
                body: Body
                language: en
                languages: [en, es]
                share: { title: Share, description: Described }
                translations:
                  es: { title: Título, body: Cuerpo, share_title: Comparte }
                actions:
                  - id: write
                    type: letter
                    title: Write
                    settings:
                      subject: Please
                      body: Dear
                      party: Democratic
                      variants: [ { name: thanks, body: Thanks }, { name: other, body: Other } ]
                    translations:
                      es:
                        settings:
                          subject: Por favor
                          variants: [ { body: Gracias } ]
                """, "c.yaml");
        var gaps = TranslationAudit.campaign(def, type -> Optional.of(LETTER));
        assertThat(gaps).extracting(Object::toString).containsExactlyInAnyOrder(
                "campaign c [es]: summary is not translated",
                "campaign c [es]: share description is not translated",
                "campaign c action write [es]: title is not translated",
                "campaign c action write [es]: setting body is not translated",
                "campaign c action write [es]: setting variants[1].body is not translated");

        assertThat(TranslationAudit.campaign(def, type -> Optional.empty())).extracting(Object::toString)
                .contains("campaign c action write [es]: action type letter is not installed, so its texts cannot be checked");
    }

    @Test
    void translatedSettingsMergeOverTheOwnOnesEntryByEntry() {
        Map<String, Object> own = Map.of("subject", "Please", "chambers", List.of("upper", "lower"),
                "variants", List.of(Map.of("name", "a", "body", "A"), Map.of("name", "b", "body", "B")));
        Map<String, Object> merged = LocalizedSettings.merge(own, Map.of("subject", "Por favor",
                "variants", List.of(Map.of("body", "Á")), "chambers", "ignored: a text cannot replace a list"));
        assertThat(merged.get("subject")).isEqualTo("Por favor");
        assertThat(merged.get("chambers")).isEqualTo(List.of("upper", "lower"));
        assertThat(merged.get("variants")).isEqualTo(List.of(Map.of("name", "a", "body", "Á"), Map.of("name", "b", "body", "B")));
        assertThat(LocalizedSettings.at(merged, "variants[1].body")).isEqualTo("B");
        assertThat(LocalizedSettings.at(merged, "variants[5].body")).isNull();
    }
}
