package org.chorus.host.domain.outbox;

/**
 * queued → sending → sent; a failed attempt goes back to {@code FAILED} (due again after a backoff) and, after
 * the last allowed attempt, to {@code DEAD}. {@code SENDING} is written before talking SMTP, so a crash
 * mid-send is visible and never causes a blind resend.
 */
public enum OutboxState {
    QUEUED, SENDING, SENT, FAILED, DEAD,
    /** Not sent on purpose: the same supporter already wrote to the same target on this campaign recently. */
    SKIPPED
}
