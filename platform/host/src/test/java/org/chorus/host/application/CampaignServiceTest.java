package org.chorus.host.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.chorus.host.domain.campaign.Campaign;
import org.chorus.host.domain.campaign.CampaignAction;
import org.chorus.host.domain.campaign.CampaignRepository;
import org.chorus.host.domain.campaign.CampaignStatus;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.junit.jupiter.api.Test;

class CampaignServiceTest {

    /** Counts lookups; the first one waits until released, as a slow database would. */
    static final class SlowRepository implements CampaignRepository {
        final AtomicInteger lookups = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Optional<Campaign> findBySlug(String slug) {
            lookups.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }

        @Override
        public List<Campaign> findAll() {
            return List.of();
        }

        @Override
        public List<Campaign> findByStatus(Collection<CampaignStatus> statuses) {
            return List.of();
        }

        @Override
        public Optional<CampaignAction> findAction(long campaignActionId) {
            return Optional.empty();
        }

        @Override
        public void add(Campaign campaign) {
        }
    }

    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final Transactions NO_DATABASE = new Transactions(null) {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    @Test
    void concurrentRequestsForAnExpiredSnapshotLoadItOnce() throws Exception {
        SlowRepository repo = new SlowRepository();
        MovableClock clock = new MovableClock();
        CampaignService service = new CampaignService(NO_DATABASE, repo, clock, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<CampaignSnapshot>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> service.snapshot("rent-relief")));
            }
            Thread.sleep(200); // let them all ask while the first lookup is still running
            repo.release.countDown();
            for (var r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS)).isEmpty();
            }
            assertThat(repo.lookups).as("one lookup for all").hasValue(1);

            assertThat(service.snapshot("rent-relief")).isEmpty();
            assertThat(repo.lookups).as("still fresh").hasValue(1);

            clock.now = clock.now.plus(CampaignService.SNAPSHOT_TTL);
            assertThat(service.snapshot("rent-relief")).isEmpty();
            assertThat(repo.lookups).as("expired: loaded again").hasValue(2);

            service.invalidate("rent-relief");
            assertThat(service.snapshot("rent-relief")).isEmpty();
            assertThat(repo.lookups).as("invalidated: loaded again").hasValue(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
