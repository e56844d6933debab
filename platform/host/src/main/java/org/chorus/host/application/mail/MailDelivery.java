package org.chorus.host.application.mail;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.chorus.host.domain.outbox.OutboxQueue;
import org.chorus.host.domain.outbox.RetryPolicy;
import org.chorus.host.infrastructure.mail.DkimSigning;
import org.chorus.host.infrastructure.mail.MailComposer;
import org.chorus.host.infrastructure.mail.MailSettings;
import org.chorus.host.infrastructure.mail.Mailer;
import org.chorus.host.infrastructure.mail.SinkMailbox;
import org.chorus.host.infrastructure.mail.SinkMailer;
import org.chorus.host.infrastructure.mail.SmtpMailer;
import org.chorus.host.infrastructure.persistence.Transactions;

/**
 * The outbox delivery of one platform: settings, mailer (SMTP or sink), composer, the worker, the digest job and
 * the sink's read API, and the periodic run on a scheduler. Built by {@code Platform}; scheduled only when the
 * platform is given a scheduler (the container's managed one) and {@code platform.mail.worker.enabled} is true.
 */
public final class MailDelivery implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private final MailSettings settings;
    private final OutboxQueue queue;
    private final Mailer mailer;
    private final MailComposer composer;
    private final RetryPolicy retry;
    private final Clock clock;
    private final OutboxWorker worker;
    private final DigestJob digests;
    private final SinkMailbox sink;
    private volatile ScheduledFuture<?> schedule;
    private volatile boolean closed;

    public MailDelivery(MailSettings settings, OutboxQueue queue, Transactions tx, Clock clock, String organizationName) {
        this.settings = settings;
        this.queue = queue;
        this.clock = clock;
        this.mailer = settings.smtpHost().isPresent() ? new SmtpMailer(settings) : new SinkMailer(settings.sinkDir());
        MailComposer.MessageSigner signer = MailComposer.MessageSigner.NONE;
        if (settings.dkim().isPresent()) {
            // Not a method reference: linking one would load the DKIM classes (and, through them, Angus' SMTPMessage)
            // even when DKIM is off.
            try {
                signer = new DkimSigning(settings.dkim().get());
            } catch (LinkageError e) {
                throw new IllegalStateException("DKIM signing needs the Angus Mail classes of the server: " + e, e);
            }
        }
        this.composer = new MailComposer(mailer.session(), clock, settings.fromAddress(), settings.bounceAddress(), signer);
        this.retry = new RetryPolicy(settings.maxAttempts(), settings.backoffBase(), settings.backoffMax());
        this.worker = newWorker();
        this.digests = new DigestJob(tx, clock, settings.digestHour(), settings.digestZone(), settings.messageIdDomain(),
                organizationName);
        this.sink = new SinkMailbox(settings.sinkDir());
    }

    /**
     * Another worker on the same queue and mailer, with its own id (a second worker thread; tests race two).
     * The id names the process, so a stale claim in the table says which instance made it.
     */
    public OutboxWorker newWorker() {
        String id = ManagementFactory.getRuntimeMXBean().getName() + "#" + WORKERS.incrementAndGet();
        if (id.length() > 80) {
            id = id.substring(id.length() - 80);
        }
        return new OutboxWorker(id, queue, mailer, composer, retry, clock, settings.lease(), settings.batchSize(),
                settings.ratePerDomainPerMinute(), () -> ThreadLocalRandom.current().nextDouble());
    }

    public MailSettings settings() { return settings; }
    public OutboxWorker worker() { return worker; }
    public DigestJob digests() { return digests; }
    public SinkMailbox sink() { return sink; }
    public RetryPolicy retryPolicy() { return retry; }

    /** Runs {@link #tick()} every {@code platform.mail.worker.interval.millis}, unless disabled. */
    public void start(ScheduledExecutorService scheduler) {
        if (!settings.workerEnabled()) {
            LOG.info("Mail outbox worker disabled (platform.mail.worker.enabled=false): nothing will be sent");
            return;
        }
        long every = settings.interval().toMillis();
        schedule = scheduler.scheduleWithFixedDelay(this::tick, Math.min(every, 1_000), every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Mail outbox delivers to " + settings.describe() + ", every " + every + " ms, batches of "
                + settings.batchSize());
    }

    /**
     * One scheduled run: batches until the backlog is gone (a full batch means more may be waiting) or one interval
     * has been spent, then the digests that are due. Never throws: an exception would end a scheduled task for good.
     */
    public void tick() {
        if (closed) {
            return;
        }
        try {
            long budgetEnds = System.nanoTime() + Math.max(settings.interval().toNanos(), Duration.ofSeconds(1).toNanos());
            OutboxWorker.Report r;
            do {
                r = worker.runOnce();
            } while (!closed && r.claimed() >= settings.batchSize() && System.nanoTime() < budgetEnds);
            digests.runDue(clock.instant());
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "Mail outbox run failed (tried again in " + settings.interval().toMillis() + " ms)", e);
        }
    }

    /** Stops the schedule and waits (briefly) for a batch in progress, so the database outlives it. */
    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
        try {
            if (!worker.awaitIdle(Duration.ofSeconds(30))) {
                LOG.warning("Mail outbox worker still busy at shutdown; its rows are taken over after the lease");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For logs and health: where mail goes. */
    public String describe() {
        return settings.describe();
    }
}
