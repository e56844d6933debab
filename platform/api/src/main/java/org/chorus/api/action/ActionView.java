package org.chorus.api.action;

import java.util.List;
import java.util.Map;
import org.chorus.api.Messages;

/**
 * What a form is rendered for.
 *
 * @param actionId  the campaign action's stable id (used in its URL)
 * @param values    what the supporter typed, when a rejected form is shown again (else empty)
 * @param errors    the errors of that rejected submission (else empty)
 */
public record ActionView(CampaignInfo campaign, String actionId, long campaignActionId, ActionSettings settings,
                         Messages messages, Map<String, List<String>> values, List<FieldError> errors) {

    public String value(String field) {
        List<String> v = values == null ? null : values.get(field);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }
}
