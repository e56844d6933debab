package org.chorus.host.domain.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface CampaignRepository {

    Optional<Campaign> findBySlug(String slug);

    List<Campaign> findAll();

    List<Campaign> findByStatus(Collection<CampaignStatus> statuses);

    Optional<CampaignAction> findAction(long campaignActionId);

    void add(Campaign campaign);
}
