package org.chorus.host;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves by hand: backoffs, leases and days pass without waiting. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private volatile Duration step = Duration.ZERO;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    public void set(Instant i) {
        now.set(i);
    }

    /** From now on every reading moves the clock on by {@code step} (zero: stands still): a slow world. */
    public void stepOnEachReading(Duration step) {
        this.step = step;
    }

    @Override
    public Instant instant() {
        Duration s = step;
        return s.isZero() ? now.get() : now.getAndUpdate(i -> i.plus(s));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
