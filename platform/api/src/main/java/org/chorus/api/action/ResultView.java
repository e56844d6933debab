package org.chorus.api.action;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chorus.api.Messages;

/**
 * What the thank-you page is rendered for.
 *
 * @param campaignActionId the campaign action's host id (since 1.1.0), e.g. for {@link ActionLedger}
 * @param payload     the stored action record's payload
 * @param repeatOf    non-null when this submission repeated an earlier one (its time); nothing new was stored
 * @param deliveries  the state of each message queued for this action
 */
public record ResultView(CampaignInfo campaign, String actionId, long campaignActionId, ActionSettings settings,
                         Messages messages, Instant takenAt, Map<String, Object> payload, Instant repeatOf,
                         List<Delivery> deliveries) {

    /** The 1.0 shape, without the campaign action's id (0). */
    public ResultView(CampaignInfo campaign, String actionId, ActionSettings settings, Messages messages,
                      Instant takenAt, Map<String, Object> payload, Instant repeatOf, List<Delivery> deliveries) {
        this(campaign, actionId, 0L, settings, messages, takenAt, payload, repeatOf, deliveries);
    }

    /** One queued message: to whom and where it stands ({@code queued}, {@code sent}, {@code failed}, {@code dead}). */
    public record Delivery(String toName, String toAddress, String state, String subject) {
    }
}
