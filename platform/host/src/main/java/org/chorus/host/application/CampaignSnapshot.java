package org.chorus.host.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.CampaignInfo;

/**
 * An immutable copy of a campaign as pages need it, with its Markdown already rendered to safe HTML. Cached
 * briefly by {@link CampaignService}, so a page view costs no database round trip.
 */
public record CampaignSnapshot(long id, String slug, String status, String theme, String organizationName,
                               String defaultLanguage, List<String> languages, Instant startsAt, Instant endsAt,
                               String shareImage, Map<String, Content> content, List<ActionSnapshot> actions,
                               boolean takingActions, Instant publishedAt) {

    /** The text of the campaign in one language. */
    public record Content(String title, String summary, String bodyHtml, String shareTitle, String shareDescription,
                          boolean machineTranslated) {
    }

    /** A campaign action as configured. */
    public record ActionSnapshot(long id, String key, String type, String title, int position, ActionSettings settings) {
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

    public CampaignInfo info(String baseUrl, Locale locale) {
        return new CampaignInfo(id, slug, content(locale).title(), status, theme, organizationName, languages, baseUrl);
    }
}
