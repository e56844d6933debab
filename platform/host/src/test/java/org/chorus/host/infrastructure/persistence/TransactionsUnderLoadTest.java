package org.chorus.host.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.host.domain.supporter.Supporter;
import org.chorus.host.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many more request threads than pooled connections (the test databases pool 4), each reading and then storing rows
 * whose ids come from sequences allocated 50 at a time: every unit of work must finish, each row stored once.
 * The hang this guards against (every connection held by a unit waiting for the next block of ids, which EclipseLink
 * fetches on a connection of its own) showed under the petition and action POST benchmarks at 64 connections on a
 * pool of 32; this smaller setting did not reproduce it without admission control, so the benchmarks
 * ({@code platform/benchmarks/petition-post.sh}) remain the check for that case.
 */
class TransactionsUnderLoadTest {

    static final int POOL = 4;
    static final int THREADS = 24;
    static final int UNITS_PER_THREAD = 40;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void moreThreadsThanConnectionsAllFinish(String db) {
        try (TestDatabases.TestDatabase d = db.equals("h2") ? TestDatabases.h2("load") : TestDatabases.postgres("load")) {
            Transactions tx = new Transactions(d.database().entityManagerFactory(), POOL - 2);
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                    List<Future<?>> work = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        work.add(pool.submit(() -> {
                            for (int i = 0; i < UNITS_PER_THREAD; i++) {
                                tx.inTransaction(() -> {
                                    // As a submission does: read first (the unit now holds a connection), then insert.
                                    tx.em().createQuery("SELECT COUNT(s) FROM Supporter s", Long.class).getSingleResult();
                                    tx.em().persist(new Supporter("s" + n.incrementAndGet() + "@example.org", Instant.now()));
                                });
                            }
                        }));
                    }
                    for (Future<?> f : work) {
                        f.get();
                    }
                });
            } finally {
                pool.shutdownNow();
            }
            long stored = tx.inTransaction(() -> tx.em().createQuery("SELECT COUNT(s) FROM Supporter s", Long.class).getSingleResult());
            assertThat(stored).isEqualTo((long) THREADS * UNITS_PER_THREAD);
        }
    }
}
