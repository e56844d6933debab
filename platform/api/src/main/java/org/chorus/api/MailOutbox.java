package org.chorus.api;

/**
 * The host's durable outbox. Queued mail is committed with the caller's work (when called inside an
 * action submission it is part of that transaction) and delivered by the host worker.
 */
public interface MailOutbox {

    /** Queues a message and returns its outbox id. */
    long enqueue(OutboundEmail email);
}
