package org.chorus.host.infrastructure.mail;

import jakarta.mail.internet.MimeMessage;

/** Hands composed messages over, a batch at a time. */
public interface Mailer {

    /** A delivery session: one SMTP connection reused for every message of a worker's batch. */
    interface Batch extends AutoCloseable {

        /** Delivers one message; returns when the server (or the sink) has accepted it. */
        void send(long outboxId, MimeMessage message) throws DeliveryException;

        @Override
        void close();
    }

    /** Opens a batch. Cheap: an SMTP batch connects on its first message. */
    Batch open();

    /** The composer's session: the one the messages must be created in. */
    jakarta.mail.Session session();
}
