package org.chorus.host.domain.action;

import java.util.Optional;

public interface ActionRecordRepository {

    Optional<ActionRecord> find(long id);

    Optional<ActionRecord> findByIdempotencyKey(String key);

    Optional<ActionRecord> findByUniqueKey(long campaignActionId, String uniqueKey);

    long countByCampaignAction(long campaignActionId);
}
