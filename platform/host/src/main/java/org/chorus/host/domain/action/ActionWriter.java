package org.chorus.host.domain.action;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stores a supporter's accepted action durably: the supporter (upserted by e-mail), their consents, the action
 * record and its outgoing mail, all committed before {@link #write} returns. A writer may commit several
 * supporters' actions in one transaction; each one's outcome is as if it had been stored alone.
 */
public interface ActionWriter {

    /** Blocks until the action is committed (or found to be a duplicate or a repeat). */
    Written write(NewAction action);

    /** Everything one accepted submission stores. */
    record NewAction(long campaignId, long campaignActionId, String consentSource, Instant now,
                     SupporterFields supporter, Map<String, Boolean> consents,
                     String idempotencyKey, String uniqueKey, Instant landedAt, String sourceCode, String referrer,
                     String payloadJson, List<Letter> messages, Duration repeatWindow) {
    }

    /**
     * The supporter's details as typed: blank fields keep what is stored; {@code forgetStreet} erases a street kept
     * earlier (the campaign runs in privacy safe mode).
     */
    record SupporterFields(String email, String firstName, String lastName, String street, String town,
                           String postalCode, String locale, boolean forgetStreet) {
    }

    /** One outgoing message; {@code targetId} non-null for a letter to a target (subject to the repeat guard). */
    record Letter(String messageId, String toAddress, String toName, String fromName, String replyTo, String subject,
                  String body, Long targetId, String pluginId, String digestKey) {
    }

    /** What became of an action. */
    sealed interface Written {
    }

    /** Stored now. */
    record Stored(long actionRecordId, long supporterId, Instant createdAt) implements Written {
    }

    /** The same form posted again (same idempotency key): the first one stands, nothing new was stored. */
    record Duplicate() implements Written {
    }

    /**
     * The action type's unique key was taken before (e.g. this e-mail signed this petition): the supporter's details
     * and consents were updated, no action was recorded.
     */
    record Repeat(Instant firstTakenAt) implements Written {
    }
}
