package org.chorus.api.action;

import java.util.List;

/**
 * The campaign an action runs on, as a plugin may see it.
 *
 * @param organizationName the coalition speaking, e.g. for "Jane Doe via …"
 */
public record CampaignInfo(long id, String slug, String title, String status, String theme,
                           String organizationName, List<String> languages, String baseUrl) {
}
