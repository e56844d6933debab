package org.chorus.api.event;

import java.time.Instant;

/** A campaign became public. */
public record CampaignPublishedEvent(long campaignId, String slug, String title, Instant publishedAt) {
}
