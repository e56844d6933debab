package org.chorus.api.event;

import java.time.Instant;

/** A supporter's action was stored. */
public record ActionTakenEvent(long actionRecordId, String campaignSlug, String actionId, String actionType,
                               long supporterId, String sourceCode, Instant takenAt) {
}
