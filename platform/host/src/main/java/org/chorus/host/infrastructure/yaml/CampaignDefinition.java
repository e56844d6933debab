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
                                 List<ActionDefinition> actions, boolean needsTranslation) {

    public record Share(String title, String description, String image) {
    }

    public record Translation(String title, String summary, String body, String shareTitle, String shareDescription,
                              boolean machineTranslated) {
    }

    /** @param id stable key used in URLs; @param type the action type id a plugin provides */
    public record ActionDefinition(String id, String type, String title, Map<String, Object> settings) {
    }
}
