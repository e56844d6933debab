package org.chorus.host.domain.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again, and when the outbox gives up.
 *
 * <p>The delay after attempt {@code n} is {@code min(cap, base × 2^(n-1))}, then "equal jitter": a uniformly
 * random point in its upper half. Exponential so that an outage does not turn into a hammering; jittered so that
 * the rows of one failed batch (all failing at the same moment) do not come back as one burst; never below half
 * the delay, so a retry is not immediate by chance. After {@code maxAttempts} failed attempts a row is DEAD.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, not " + maxAttempts);
        }
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff base must be positive and at most the cap (" + base + ", " + cap + ")");
        }
    }

    /** Whether attempt number {@code attempt} was the last one allowed. */
    public boolean exhausted(int attempt) {
        return attempt >= maxAttempts;
    }

    /** The delay before the next attempt, without jitter, after attempt number {@code attempt} failed. */
    public Duration delay(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        long millis = base.toMillis();
        long capMillis = cap.toMillis();
        for (int i = 0; i < doublings && millis < capMillis; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, capMillis));
    }

    /**
     * When to try again after attempt number {@code attempt} failed at {@code now}.
     *
     * @param random a number in [0, 1), the jitter
     */
    public Instant nextAttempt(int attempt, Instant now, double random) {
        long delay = delay(attempt).toMillis();
        long half = delay / 2;
        return now.plusMillis(half + (long) (random * (delay - half)));
    }
}
