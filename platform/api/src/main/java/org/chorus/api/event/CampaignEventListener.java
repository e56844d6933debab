package org.chorus.api.event;

import org.pf4j.ExtensionPoint;

/** Hears what happens on campaigns. Both methods run after commit, asynchronously; failures are logged. */
public interface CampaignEventListener extends ExtensionPoint {

    default void actionTaken(ActionTakenEvent event) {
    }

    default void campaignPublished(CampaignPublishedEvent event) {
    }
}
