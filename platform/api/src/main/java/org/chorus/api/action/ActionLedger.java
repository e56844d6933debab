package org.chorus.api.action;

import java.util.List;
import java.util.function.Consumer;

/**
 * Read access to the action records of campaign actions whose type the calling plugin provides (a petition reads
 * its signatures, not another plugin's letters): for any other campaign action the answers are empty. Records are
 * written only by the host, in the transaction that accepts a submission.
 *
 * @since 1.1.0
 */
public interface ActionLedger {

    long count(long campaignActionId);

    /** Newest first. */
    List<RecordedAction> latest(long campaignActionId, int limit);

    /** Oldest first, streamed from the database (for exports and deliveries); do not call back into the ledger. */
    void forEach(long campaignActionId, Consumer<RecordedAction> each);

    /** Letters queued to a target through any campaign (repeats that were skipped do not count). */
    long messagesTo(long targetId);
}
