package org.chorus.host.domain.outbox;

import java.util.List;

public interface OutboxRepository {

    void add(OutboxMessage message);

    List<OutboxMessage> findByActionRecord(long actionRecordId);
}
