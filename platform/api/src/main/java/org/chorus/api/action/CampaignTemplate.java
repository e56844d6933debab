package org.chorus.api.action;

import java.util.Map;

/**
 * A starting point for a new campaign offered by an action type ("Email your state legislators").
 *
 * @param id             stable id
 * @param nameKey        message key of its name
 * @param actionSettings the settings its action starts with
 */
public record CampaignTemplate(String id, String nameKey, String title, String summary, String bodyMarkdown,
                               Map<String, Object> actionSettings) {
}
