package org.chorus.host.infrastructure.yaml;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A campaign as written in a campaign file ({@code config/campaigns/*.yaml}) or exported from the console.
 *
 * @param needsTranslation the default language's text still waits for a translation (a duplicate into another language)
 */
public record CampaignDefinition(String slug, String title, String summary, String body, String theme, String status,
                                 String organization, String language, List<String> languages, Instant starts,
                                 Instant ends, Share share, Map<String, Translation> translations,
                                 List<ActionDefinition> actions, Privacy privacy, boolean needsTranslation) {

    public CampaignDefinition {
        privacy = privacy == null ? Privacy.STANDARD : privacy;
    }

    /** Without a {@code privacy:} section. */
    public CampaignDefinition(String slug, String title, String summary, String body, String theme, String status,
                              String organization, String language, List<String> languages, Instant starts,
                              Instant ends, Share share, Map<String, Translation> translations,
                              List<ActionDefinition> actions) {
        this(slug, title, summary, body, theme, status, organization, language, languages, starts, ends, share,
                translations, actions, Privacy.STANDARD, false);
    }

    public record Share(String title, String description, String image) {
    }

    public record Translation(String title, String summary, String body, String shareTitle, String shareDescription,
                              boolean machineTranslated) {
    }

    /**
     * The privacy safe mode ({@code privacy: {discard_street, keep_referrer, purge_after_days}}).
     */
    public record Privacy(boolean discardStreet, boolean keepReferrer, int purgeAfterDays) {
        public static final Privacy STANDARD = new Privacy(false, true, 0);
    }

    /**
     * @param id           stable key used in URLs; @param type the action type id a plugin provides
     * @param translations per language: the title and the translatable settings in that language
     */
    public record ActionDefinition(String id, String type, String title, Map<String, Object> settings,
                                   Map<String, ActionTranslation> translations) {

        public ActionDefinition {
            translations = translations == null ? Map.of() : translations;
        }

        public ActionDefinition(String id, String type, String title, Map<String, Object> settings) {
            this(id, type, title, settings, Map.of());
        }
    }

    /**
     * An action in one more language.
     *
     * @param settings the translated texts only, in the same shape as the action's settings (entries of a list in
     *                 the same order); the rest comes from the action's own settings
     */
    public record ActionTranslation(String title, Map<String, Object> settings) {
    }
}
