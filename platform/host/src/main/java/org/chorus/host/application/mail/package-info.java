/**
 * Delivery of the host mail outbox, the one way mail leaves the platform (plugins queue through
 * {@link org.chorus.api.MailOutbox}; supporters' letters are queued with their action).
 *
 * <p>Contract: {@link org.chorus.host.application.mail.OutboxWorker#runOnce()} claims a batch of due rows,
 * committing SENDING before any SMTP conversation and SENT, FAILED (due again after an exponential, jittered
 * backoff) or DEAD (a 5xx, an unsafe header, or the last allowed attempt) after it; two workers never send one
 * claimed row, and a row left in SENDING by a stopped worker is sent again, after the lease, with the same
 * Message-ID. Letters with a digest key wait for {@link org.chorus.host.application.mail.DigestJob}, which folds
 * each finished day's letters to one recipient into one message. In the container
 * {@link org.chorus.host.application.mail.MailDelivery} runs both on the managed scheduled executor; tests call
 * them directly with their own clock. Without an SMTP host, mail goes to the local sink, readable through
 * {@link org.chorus.host.infrastructure.mail.SinkMailbox}.
 */
package org.chorus.host.application.mail;
