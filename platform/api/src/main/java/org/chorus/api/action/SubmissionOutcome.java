package org.chorus.api.action;

import java.util.List;
import java.util.Map;
import org.chorus.api.OutboundEmail;

/** The verdict on a submission. */
public sealed interface SubmissionOutcome
        permits SubmissionOutcome.Rejected, SubmissionOutcome.Incomplete, SubmissionOutcome.Accepted {

    /** The form comes back with these errors and the supporter's input kept. */
    record Rejected(List<FieldError> errors) implements SubmissionOutcome {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }

    /**
     * Nothing wrong, but not done: the form comes back (as typed, with a 200) with these prompts, e.g. "here are
     * your letters, edit them if you like, then send". The action type's form shows whatever the step needs.
     */
    record Incomplete(List<FieldError> prompts) implements SubmissionOutcome {
        public Incomplete {
            prompts = List.copyOf(prompts);
        }
    }

    /**
     * Store it.
     *
     * @param payload   what the action record keeps (JSON-like: maps, lists, strings, numbers, booleans)
     * @param messages  mail to queue in the same transaction (e.g. one letter per legislator)
     * @param uniqueKey when non-null, at most one action per key on this campaign action (e.g. one signature
     *                  per e-mail on a petition); a repeat updates the supporter and records nothing new
     */
    record Accepted(SupporterDetails supporter, Map<String, Object> payload, List<OutboundEmail> messages,
                    String uniqueKey) implements SubmissionOutcome {
        public Accepted {
            payload = payload == null ? Map.of() : payload;
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }

    static SubmissionOutcome rejected(List<FieldError> errors) {
        return new Rejected(errors);
    }
}
