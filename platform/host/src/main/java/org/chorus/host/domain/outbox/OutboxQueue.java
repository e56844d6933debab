package org.chorus.host.domain.outbox;

import java.time.Instant;
import java.util.List;

/**
 * The delivery side of the outbox: claiming due rows and recording what became of each attempt. Every method
 * commits before it returns, so the row's state on disk always says what the worker is doing: {@code SENDING}
 * is committed before the SMTP conversation starts, {@code SENT}/{@code FAILED}/{@code DEAD} right after it ends.
 *
 * <p>A claim takes rows that are due ({@code QUEUED} or {@code FAILED} with {@code next_attempt_at <= now}) and
 * rows stuck in {@code SENDING} whose claim is older than the lease (their worker stopped between claim and
 * result). Each claim counts as an attempt. Letters waiting for a digest ({@code digest_key} set) are never
 * claimed on their own. Two workers never hold the same row: on PostgreSQL candidates are locked with
 * {@code FOR UPDATE SKIP LOCKED}; on H2 each row is taken by a guarded {@code UPDATE} that only one can win.
 *
 * <p>The result marks are guarded by (worker, attempt): if the lease ran out and another worker took the row
 * over, a late result of the first worker changes nothing and the mark returns false.
 */
public interface OutboxQueue {

    /**
     * One row claimed for one delivery attempt, with everything the message needs.
     *
     * @param attempt   the attempt this claim is (1 for the first)
     * @param recovered the row was found in SENDING with an expired lease: a crashed worker may or may not have
     *                  handed it to the server already
     */
    record Claimed(long id, String messageId, String toAddress, String toName, String fromName, String replyTo,
                   String subject, String body, OutboxKind kind, int attempt, boolean recovered, Instant createdAt) {
    }

    /** @param deferred due rows left queued (with a later {@code next_attempt_at}) by the per-domain rate limit */
    record Claim(List<Claimed> claimed, int deferred) {
    }

    /**
     * Claims up to {@code limit} rows for {@code worker}.
     *
     * @param staleBefore        rows in SENDING claimed at or before this instant are taken over
     * @param perDomainPerMinute claims allowed per recipient domain in any 60 s (0 = no limit); rows over it get
     *                           a later {@code next_attempt_at} and stay QUEUED/FAILED, without an attempt counted
     */
    Claim claim(String worker, Instant now, Instant staleBefore, int limit, int perDomainPerMinute);

    /** The server accepted the message. A digest's letters become SENT with it. */
    boolean markSent(Claimed row, String worker, Instant now);

    /** A transient failure: due again at {@code nextAttemptAt}. */
    boolean markFailed(Claimed row, String worker, String error, Instant nextAttemptAt);

    /** A permanent failure, or the last allowed attempt failed. A digest's letters become DEAD with it. */
    boolean markDead(Claimed row, String worker, String error, Instant now);

    /** Gives a claimed row back without it counting as an attempt (the worker ran out of time before trying it). */
    boolean release(Claimed row, String worker, Instant now);
}
