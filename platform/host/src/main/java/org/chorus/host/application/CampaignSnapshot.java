package org.chorus.host.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.CampaignInfo;
import org.chorus.api.action.CampaignPrivacy;

/**
 * An immutable copy of a campaign as pages need it, with its Markdown already rendered to safe HTML. Cached
 * briefly by {@link CampaignService}, so a page view costs no database round trip.
 */
public record CampaignSnapshot(long id, String slug, String status, String theme, String organizationName,
                               String defaultLanguage, List<String> languages, Instant startsAt, Instant endsAt,
                               String shareImage, Map<String, Content> content, List<ActionSnapshot> actions,
                               boolean takingActions, Instant publishedAt, CampaignPrivacy privacy) {

    public CampaignSnapshot {
        privacy = privacy == null ? CampaignPrivacy.STANDARD : privacy;
    }

    /** Standard privacy. */
    public CampaignSnapshot(long id, String slug, String status, String theme, String organizationName,
                            String defaultLanguage, List<String> languages, Instant startsAt, Instant endsAt,
                            String shareImage, Map<String, Content> content, List<ActionSnapshot> actions,
                            boolean takingActions, Instant publishedAt) {
        this(id, slug, status, theme, organizationName, defaultLanguage, languages, startsAt, endsAt, shareImage,
                content, actions, takingActions, publishedAt, CampaignPrivacy.STANDARD);
    }

    /** The text of the campaign in one language. */
    public record Content(String title, String summary, String bodyHtml, String shareTitle, String shareDescription,
                          boolean machineTranslated) {
    }

    /**
     * A campaign action as configured.
     *
     * @param settings     its settings in the campaign's main language
     * @param translations per other language: its title and settings with that language's texts laid over
     */
    public record ActionSnapshot(long id, String key, String type, String title, int position, ActionSettings settings,
                                 Map<String, Localized> translations) {

        public ActionSnapshot {
            translations = translations == null ? Map.of() : Map.copyOf(translations);
        }

        public ActionSnapshot(long id, String key, String type, String title, int position, ActionSettings settings) {
            this(id, key, type, title, position, settings, Map.of());
        }

        /** The title in a language of the campaign (the main one when that language has none). */
        public String title(String language) {
            Localized l = translations.get(language);
            return l == null || l.title() == null || l.title().isBlank() ? title : l.title();
        }

        /** The settings in a language of the campaign. */
        public ActionSettings settings(String language) {
            Localized l = translations.get(language);
            return l == null ? settings : l.settings();
        }
    }

    /** An action in one language: title (null: the main one) and merged settings. */
    public record Localized(String title, ActionSettings settings) {
    }

    /** The campaign's language closest to the locale, else its main language. */
    public String languageFor(Locale locale) {
        return bestLanguage(locale).orElse(defaultLanguage);
    }

    /** The content in the best language for the locale: exact tag, then language, then the campaign default. */
    public Content content(Locale locale) {
        return bestLanguage(locale).map(content::get).orElse(content.get(defaultLanguage));
    }

    public Optional<String> bestLanguage(Locale locale) {
        String tag = locale.toLanguageTag();
        if (content.containsKey(tag) && languages.contains(tag)) {
            return Optional.of(tag);
        }
        for (String l : languages) {
            if (Locale.forLanguageTag(l).getLanguage().equals(locale.getLanguage()) && content.containsKey(l)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The same campaign shown in another theme (the console's theme preview; nothing is stored). */
    public CampaignSnapshot withTheme(String other) {
        return new CampaignSnapshot(id, slug, status, other, organizationName, defaultLanguage, languages, startsAt, endsAt,
                shareImage, content, actions, takingActions, publishedAt);
    }

    public Optional<ActionSnapshot> action(String key) {
        return actions.stream().filter(a -> a.key().equals(key)).findFirst();
    }

    public boolean isPublic() {
        return "published".equals(status) || "closed".equals(status) || "victory".equals(status);
    }

    /** As plugins see it: the main language first among its languages, and its privacy mode. */
    public CampaignInfo info(String baseUrl, Locale locale) {
        List<String> mainFirst = new java.util.ArrayList<>(languages);
        mainFirst.remove(defaultLanguage);
        mainFirst.add(0, defaultLanguage);
        return new CampaignInfo(id, slug, content(locale).title(), status, theme, organizationName, List.copyOf(mainFirst),
                baseUrl, privacy);
    }
}
