package org.chorus.api;

import java.util.Objects;

/**
 * A message for the host outbox. The host writes the envelope: {@code From} is the platform's letters
 * address with {@code fromName} as display name, {@code Reply-To} is {@code replyTo}.
 *
 * @param toAddress  recipient address
 * @param toName     recipient display name (may be null)
 * @param fromName   display name, e.g. "Jane Doe via Safe Communities Coalition"
 * @param replyTo    the supporter's address (may be null)
 * @param subject    plain text, no CR/LF
 * @param body       plain text body
 * @param targetId   host target id the message is addressed to (may be null)
 * @param digestKey  non-null to allow the host to fold messages with the same key into a daily digest
 */
public record OutboundEmail(String toAddress, String toName, String fromName, String replyTo,
                            String subject, String body, Long targetId, String digestKey) {

    public OutboundEmail {
        Objects.requireNonNull(toAddress, "toAddress");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("subject must be one line");
        }
    }
}
