package org.chorus.host.domain.action;

import java.util.Optional;

public interface ActionRecordRepository {

    Optional<ActionRecord> find(long id);

    Optional<ActionRecord> findByIdempotencyKey(String key);

    long countByCampaignAction(long campaignActionId);
}
