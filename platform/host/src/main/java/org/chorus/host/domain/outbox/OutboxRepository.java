package org.chorus.host.domain.outbox;

import java.util.List;

public interface OutboxRepository {

    void add(OutboxMessage message);

    List<OutboxMessage> findByActionRecord(long actionRecordId);

    /** Letters (not skipped) this supporter sent this target on this campaign since a moment. */
    long countRecentToTarget(long supporterId, long targetId, long campaignId, java.time.Instant since);
}
