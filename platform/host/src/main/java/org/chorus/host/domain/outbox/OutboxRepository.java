package org.chorus.host.domain.outbox;

import java.util.List;

public interface OutboxRepository {

    void add(OutboxMessage message);

    List<OutboxMessage> findByActionRecord(long actionRecordId);

    /** Targets this supporter wrote to (letters not skipped) on this campaign since a moment. */
    java.util.Set<Long> recentTargets(long supporterId, long campaignId, java.time.Instant since);
}
