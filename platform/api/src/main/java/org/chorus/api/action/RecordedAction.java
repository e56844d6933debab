package org.chorus.api.action;

import java.time.Instant;
import java.util.Map;

/**
 * One stored action.
 *
 * @param supporter null when the person was deleted on a privacy request
 * @param payload   what the action type returned in {@link SubmissionOutcome.Accepted#payload()}
 * @since 1.1.0
 */
public record RecordedAction(long id, Instant takenAt, String sourceCode, SupporterDetails supporter,
                             Map<String, Object> payload) {

    public RecordedAction {
        payload = payload == null ? Map.of() : payload;
    }
}
