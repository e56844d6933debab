package org.chorus.api.action;

import java.util.List;
import java.util.Map;
import org.chorus.api.Messages;

/**
 * A supporter's form post to {@code POST /campaigns/{slug}/actions/{actionId}}. Host fields (those starting
 * with an underscore: idempotency key, source code) are removed before the plugin sees it.
 */
public record Submission(CampaignInfo campaign, String actionId, long campaignActionId, ActionSettings settings,
                         Messages messages, Map<String, List<String>> fields, String sourceCode) {

    /** The first value of a field, trimmed, or "" when absent. */
    public String field(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0).trim();
    }

    public List<String> fieldValues(String name) {
        List<String> v = fields.get(name);
        return v == null ? List.of() : v;
    }
}
