package org.chorus.host.application.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per (e-mail, client address): after {@value #FREE_FAILURES} failures in a row, each
 * further failure locks that pair out for 30 s, 60 s, 120 s … (capped at 1 h). A success clears the pair. It counts
 * unknown e-mails the same way, so the lockout says nothing about which accounts exist.
 *
 * <p>In memory, per instance: a restart forgets it, and N instances allow N times the attempts. That is acceptable
 * for a console with a handful of staff behind Argon2id; a shared table would be the next step.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration MAX_LOCK = Duration.ofHours(1);
    private static final int MAX_KEYS = 50_000;

    private record State(int failures, Instant lockedUntil, Instant last) {
    }

    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private static String key(String email, String ip) {
        return (email == null ? "" : email.trim().toLowerCase(Locale.ROOT)) + "|" + (ip == null ? "" : ip);
    }

    /** Until when this pair may not try, if it is locked out now. */
    public Optional<Instant> lockedUntil(String email, String ip) {
        State s = states.get(key(email, ip));
        Instant now = clock.instant();
        return s == null || s.lockedUntil() == null || !s.lockedUntil().isAfter(now) ? Optional.empty() : Optional.of(s.lockedUntil());
    }

    public void failed(String email, String ip) {
        Instant now = clock.instant();
        if (states.size() > MAX_KEYS) {
            // Bounded memory under a spray of made-up e-mails: forget pairs idle for an hour.
            states.values().removeIf(s -> s.last().isBefore(now.minus(MAX_LOCK)));
        }
        states.compute(key(email, ip), (k, s) -> {
            int failures = (s == null ? 0 : s.failures()) + 1;
            Instant until = null;
            if (failures >= FREE_FAILURES) {
                int doublings = Math.min(failures - FREE_FAILURES, 20);
                Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
                until = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
            }
            return new State(failures, until, now);
        });
    }

    public void succeeded(String email, String ip) {
        states.remove(key(email, ip));
    }
}
