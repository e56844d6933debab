package org.chorus.host.application.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.chorus.host.domain.outbox.OutboxQueue;
import org.chorus.host.domain.outbox.RetryPolicy;
import org.chorus.host.infrastructure.mail.DeliveryException;
import org.chorus.host.infrastructure.mail.MailComposer;
import org.chorus.host.infrastructure.mail.Mailer;

/**
 * Delivers the outbox, one batch per {@link #runOnce()}: claim due rows (committed as SENDING), hand them to the
 * mailer over one connection, record each result (committed as SENT, FAILED or DEAD) as soon as it is known.
 *
 * <p><b>A worker that stopped between claim and result.</b> Its rows stay SENDING. Once their claim is older than
 * the lease, a worker takes them over: the takeover counts as an attempt, and the row goes out with the
 * <em>same</em> Message-ID as before. That is at-least-once delivery with a stable identity, chosen over
 * at-most-once (giving such rows up as DEAD), because the common crash is before the send: a batch of fifty
 * claimed rows of which three went out loses forty-seven letters under at-most-once and duplicates none here. The
 * only row that can reach a recipient twice is the one whose server had answered 250 when the worker died, before
 * SENT was committed: at most one per crashed worker, and it carries the Message-ID of the first copy, which
 * receiving servers and mail clients use to recognise a duplicate. Results are committed one row at a time, so a
 * crash never leaves already-accepted rows in SENDING.
 *
 * <p>The lease must outlast a batch: a worker stops starting new messages once half the lease has passed since
 * its claim and gives the rest back without counting an attempt, so a slow server cannot make another worker take
 * over rows this one is still sending.
 */
public final class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    /** What one run did. */
    public record Report(int claimed, int sent, int failed, int dead, int deferred, int released, int recovered) {
        static Report nothing(int deferred) {
            return new Report(0, 0, 0, 0, deferred, 0, 0);
        }
    }

    private final String id;
    private final OutboxQueue queue;
    private final Mailer mailer;
    private final MailComposer composer;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;
    private final int perDomainPerMinute;
    private final DoubleSupplier random;
    private final ReentrantLock running = new ReentrantLock();

    public OutboxWorker(String id, OutboxQueue queue, Mailer mailer, MailComposer composer, RetryPolicy retry, Clock clock,
                        Duration lease, int batchSize, int perDomainPerMinute, DoubleSupplier random) {
        if (id.length() > 80) {
            throw new IllegalArgumentException("worker id longer than claimed_by (80): " + id);
        }
        this.id = id;
        this.queue = queue;
        this.mailer = mailer;
        this.composer = composer;
        this.retry = retry;
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
        this.perDomainPerMinute = perDomainPerMinute;
        this.random = random;
    }

    public String id() {
        return id;
    }

    /** Claims one batch and delivers it. Runs of one worker never overlap; separate workers may run at once. */
    public Report runOnce() {
        running.lock();
        try {
            return deliverBatch();
        } finally {
            running.unlock();
        }
    }

    /** Waits for a run in progress to finish (at shutdown). */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (running.tryLock(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            running.unlock();
            return true;
        }
        return false;
    }

    private Report deliverBatch() {
        Instant claimedAt = clock.instant();
        OutboxQueue.Claim claim = queue.claim(id, claimedAt, claimedAt.minus(lease), batchSize, perDomainPerMinute);
        if (claim.claimed().isEmpty()) {
            return Report.nothing(claim.deferred());
        }
        Instant stopStartingAt = claimedAt.plus(lease.dividedBy(2));
        int sent = 0, failed = 0, dead = 0, released = 0, recovered = 0;
        DeliveryException down = null; // the connection failed: the rest of the batch fails alike, without waiting
        try (Mailer.Batch batch = mailer.open()) {
            for (OutboxQueue.Claimed row : claim.claimed()) {
                if (row.recovered()) {
                    recovered++;
                    LOG.info(() -> "Outbox row " + row.id() + " " + row.messageId() + " was left in SENDING by a stopped"
                            + " worker; sending it again with the same Message-ID (attempt " + row.attempt() + ")");
                }
                if (down == null && clock.instant().isAfter(stopStartingAt)) {
                    queue.release(row, id, clock.instant());
                    released++;
                    continue;
                }
                try {
                    if (down != null) {
                        throw down;
                    }
                    MimeMessage message = composer.compose(row);
                    batch.send(row.id(), message);
                    if (!queue.markSent(row, id, clock.instant())) {
                        LOG.warning(() -> "Outbox row " + row.id() + " was sent, but its claim had passed to another"
                                + " worker (lease " + lease + " too short?); it may arrive twice, with one Message-ID");
                    }
                    sent++;
                } catch (DeliveryException e) {
                    if (e.connection() && down == null) {
                        down = e;
                        LOG.warning("Outbox: " + e.getMessage() + "; " + claim.claimed().size()
                                + " letters will be tried again later");
                    }
                    if (fail(row, e)) {
                        dead++;
                    } else {
                        failed++;
                    }
                } catch (RuntimeException e) {
                    // Not a delivery verdict (a bug, a corrupt row): retried like a transient failure, and logged.
                    LOG.log(Level.WARNING, "Outbox row " + row.id() + " could not be handled", e);
                    if (fail(row, new DeliveryException(e.toString(), false, false, e))) {
                        dead++;
                    } else {
                        failed++;
                    }
                }
            }
        }
        Report r = new Report(claim.claimed().size(), sent, failed, dead, claim.deferred(), released, recovered);
        LOG.fine(() -> "Outbox worker " + id + ": " + r);
        return r;
    }

    /** Records a failed attempt; returns whether the row is now DEAD. */
    private boolean fail(OutboxQueue.Claimed row, DeliveryException e) {
        Instant now = clock.instant();
        if (e.permanent()) {
            queue.markDead(row, id, e.getMessage(), now);
            LOG.warning(() -> "Outbox row " + row.id() + " to " + row.toAddress() + " is dead: " + e.getMessage());
            return true;
        }
        if (retry.exhausted(row.attempt())) {
            queue.markDead(row, id, "gave up after " + row.attempt() + " attempts; last: " + e.getMessage(), now);
            LOG.warning(() -> "Outbox row " + row.id() + " to " + row.toAddress() + " is dead after " + row.attempt()
                    + " attempts: " + e.getMessage());
            return true;
        }
        queue.markFailed(row, id, e.getMessage(), retry.nextAttempt(row.attempt(), now, random.getAsDouble()));
        return false;
    }
}
