package org.chorus.api.action;

import java.util.List;

/**
 * The campaign an action runs on, as a plugin may see it.
 *
 * @param organizationName the coalition speaking, e.g. for "Jane Doe via …"
 * @param languages        the languages it is offered in; the first is its main language, the one its settings
 *                         (letters, labels) are written in
 * @param privacy          its privacy safe mode (since API 1.1)
 */
public record CampaignInfo(long id, String slug, String title, String status, String theme,
                           String organizationName, List<String> languages, String baseUrl, CampaignPrivacy privacy) {

    public CampaignInfo {
        privacy = privacy == null ? CampaignPrivacy.STANDARD : privacy;
    }

    /** API 1.0's shape: standard privacy. */
    public CampaignInfo(long id, String slug, String title, String status, String theme, String organizationName,
                        List<String> languages, String baseUrl) {
        this(id, slug, title, status, theme, organizationName, languages, baseUrl, CampaignPrivacy.STANDARD);
    }

    /** The language the campaign's own texts and action settings are written in. */
    public String mainLanguage() {
        return languages == null || languages.isEmpty() ? "en" : languages.get(0);
    }
}
