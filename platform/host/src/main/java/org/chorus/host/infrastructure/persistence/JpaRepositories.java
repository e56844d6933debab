package org.chorus.host.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.chorus.host.domain.action.ActionRecord;
import org.chorus.host.domain.action.ActionRecordRepository;
import org.chorus.host.domain.campaign.Campaign;
import org.chorus.host.domain.campaign.CampaignAction;
import org.chorus.host.domain.campaign.CampaignRepository;
import org.chorus.host.domain.campaign.CampaignStatus;
import org.chorus.host.domain.outbox.OutboxMessage;
import org.chorus.host.domain.outbox.OutboxRepository;
import org.chorus.host.domain.target.Division;
import org.chorus.host.domain.target.Target;
import org.chorus.host.domain.target.TargetRepository;

/** JPA implementations of the domain repositories; each works in the caller's unit of work. */
public final class JpaRepositories {

    private JpaRepositories() {
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    public static final class Campaigns implements CampaignRepository {
        private final Transactions tx;

        public Campaigns(Transactions tx) {
            this.tx = tx;
        }

        private EntityManager em() {
            return tx.em();
        }

        @Override
        public Optional<Campaign> findBySlug(String slug) {
            return first(em().createNamedQuery("Campaign.findBySlug", Campaign.class).setParameter("slug", slug).getResultList());
        }

        @Override
        public List<Campaign> findAll() {
            return em().createNamedQuery("Campaign.findAll", Campaign.class).getResultList();
        }

        @Override
        public List<Campaign> findByStatus(Collection<CampaignStatus> statuses) {
            return em().createNamedQuery("Campaign.findByStatus", Campaign.class).setParameter("statuses", statuses).getResultList();
        }

        @Override
        public Optional<CampaignAction> findAction(long campaignActionId) {
            return Optional.ofNullable(em().find(CampaignAction.class, campaignActionId));
        }

        @Override
        public void add(Campaign campaign) {
            em().persist(campaign);
        }
    }

    public static final class ActionRecords implements ActionRecordRepository {
        private final Transactions tx;

        public ActionRecords(Transactions tx) {
            this.tx = tx;
        }

        @Override
        public Optional<ActionRecord> find(long id) {
            return Optional.ofNullable(tx.em().find(ActionRecord.class, id));
        }

        @Override
        public Optional<ActionRecord> findByIdempotencyKey(String key) {
            return first(tx.em().createNamedQuery("ActionRecord.findByIdempotencyKey", ActionRecord.class)
                    .setParameter("key", key).getResultList());
        }

        @Override
        public long countByCampaignAction(long campaignActionId) {
            return tx.em().createNamedQuery("ActionRecord.countByCampaignAction", Long.class)
                    .setParameter("campaignActionId", campaignActionId).getSingleResult();
        }

    }

    public static final class Outbox implements OutboxRepository {
        private final Transactions tx;
        private final SequenceIds ids;

        public Outbox(Transactions tx, SequenceIds ids) {
            this.tx = tx;
            this.ids = ids;
        }

        @Override
        public void add(OutboxMessage message) {
            message.assignId(ids.next("outbox_message_seq"));
            tx.em().persist(message);
        }

        @Override
        public List<OutboxMessage> findByActionRecord(long actionRecordId) {
            return tx.em().createNamedQuery("OutboxMessage.findByActionRecord", OutboxMessage.class)
                    .setParameter("actionRecordId", actionRecordId).getResultList();
        }
    }

    public static final class Targets implements TargetRepository {
        private final Transactions tx;

        public Targets(Transactions tx) {
            this.tx = tx;
        }

        @Override
        public Optional<Target> find(long id) {
            return Optional.ofNullable(tx.em().find(Target.class, id));
        }

        @Override
        public Optional<Target> findByExternalId(String externalId) {
            return first(tx.em().createNamedQuery("Target.findByExternalId", Target.class)
                    .setParameter("externalId", externalId).getResultList());
        }

        @Override
        public List<Target> findSitting() {
            return tx.em().createNamedQuery("Target.findSitting", Target.class).getResultList();
        }

        @Override
        public List<Target> findAll() {
            return tx.em().createQuery("SELECT t FROM Target t ORDER BY t.name", Target.class).getResultList();
        }

        @Override
        public List<Target> findSittingByDivision(String ocdId) {
            return tx.em().createNamedQuery("Target.findSittingByDivision", Target.class)
                    .setParameter("ocdId", ocdId).getResultList();
        }

        @Override
        public Optional<Division> findDivision(String ocdId) {
            return first(tx.em().createNamedQuery("Division.findByOcdId", Division.class)
                    .setParameter("ocdId", ocdId).getResultList());
        }

        @Override
        public List<Division> findDivisions(String kind) {
            return tx.em().createNamedQuery("Division.findByKind", Division.class).setParameter("kind", kind).getResultList();
        }

        @Override
        public void add(Target target) {
            tx.em().persist(target);
        }

        @Override
        public void add(Division division) {
            tx.em().persist(division);
        }
    }
}
