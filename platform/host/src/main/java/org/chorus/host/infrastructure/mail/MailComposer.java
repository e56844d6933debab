package org.chorus.host.infrastructure.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chorus.host.domain.outbox.OutboxQueue;

/**
 * Writes an outbox row as a message:
 *
 * <pre>
 * From:       "Jane Doe via Coalition" &lt;platform.mail.from.address&gt;   (the row's from_name; our domain, so SPF/DKIM align)
 * Sender:     platform.mail.bounce.address                               (also the envelope MAIL FROM, where bounces go)
 * Reply-To:   the supporter (row.reply_to)                               (a legislator's reply reaches the constituent)
 * To:         "Senator Ann Smith" &lt;row.to_address&gt;
 * Message-ID: row.message_id                                             (deterministic: a resend is the same message)
 * </pre>
 *
 * Every header value is checked for CR, LF and NUL first; one found makes the row permanently undeliverable.
 */
public final class MailComposer {

    /** A Message-ID as the host writes them: {@code <local@domain>}, nothing that could end the header. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s@]+@[^<>\\s@]+>");

    private final Session session;
    private final Clock clock;
    private final InternetAddress fromAddress;
    private final Optional<InternetAddress> sender;
    private final MessageSigner signer;

    /**
     * @param signer applied to the finished message (DKIM), or identity
     */
    public MailComposer(Session session, Clock clock, String fromAddress, Optional<String> bounceAddress,
                        MessageSigner signer) {
        this.session = session;
        this.clock = clock;
        this.fromAddress = address("platform.mail.from.address", fromAddress);
        this.sender = bounceAddress.map(a -> address("platform.mail.bounce.address", a));
        this.signer = signer;
    }

    private static InternetAddress address(String key, String value) {
        try {
            return new InternetAddress(value, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(key + " is not a valid address: " + value);
        }
    }

    /**
     * The message for one row.
     *
     * @throws DeliveryException permanent: a header value with CR/LF, an invalid address or Message-ID
     */
    public MimeMessage compose(OutboxQueue.Claimed row) throws DeliveryException {
        check("from name", row.fromName());
        check("recipient name", row.toName());
        check("recipient address", row.toAddress());
        check("reply-to", row.replyTo());
        check("subject", row.subject());
        check("Message-ID", row.messageId());
        if (row.messageId() == null || !MESSAGE_ID.matcher(row.messageId()).matches()) {
            throw DeliveryException.permanent("refused: Message-ID '" + row.messageId() + "' is not <local@domain>");
        }
        try {
            MimeMessage m = new FixedIdMessage(session, row.messageId());
            m.setFrom(named(fromAddress.getAddress(), row.fromName(), "from"));
            if (sender.isPresent()) {
                m.setSender(sender.get());
            }
            if (row.replyTo() != null && !row.replyTo().isBlank()) {
                m.setReplyTo(new InternetAddress[] {named(row.replyTo(), null, "reply-to")});
            }
            m.setRecipient(MimeMessage.RecipientType.TO, named(row.toAddress(), row.toName(), "recipient"));
            m.setSubject(row.subject(), StandardCharsets.UTF_8.name());
            m.setSentDate(Date.from(clock.instant()));
            m.setText(row.body(), StandardCharsets.UTF_8.name());
            m.saveChanges(); // headers final (Content-Transfer-Encoding chosen) before signing
            return signer.sign(m);
        } catch (MessagingException e) {
            throw DeliveryException.permanent("refused: the message cannot be written: " + e.getMessage());
        }
    }

    private static InternetAddress named(String address, String name, String what) throws DeliveryException {
        try {
            InternetAddress a = new InternetAddress(address.trim(), true);
            if (name != null && !name.isBlank()) {
                a.setPersonal(name.trim(), StandardCharsets.UTF_8.name());
            }
            return a;
        } catch (AddressException e) {
            throw DeliveryException.permanent("refused: the " + what + " address '" + address + "' is not valid ("
                    + e.getMessage() + ")");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e); // UTF-8 is always there
        }
    }

    /** Header injection, defence in depth: the input layer already refuses CR/LF; here a row with one never goes out. */
    static void check(String what, String value) throws DeliveryException {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\r' || ch == '\n' || ch == 0) {
                throw DeliveryException.permanent("refused: the " + what + " contains a line break or NUL (header injection?)");
            }
        }
    }

    /** Signs a finished message (DKIM), or returns it as it is. */
    @FunctionalInterface
    public interface MessageSigner {
        MessageSigner NONE = m -> m;

        MimeMessage sign(MimeMessage message) throws MessagingException;
    }

    /** Keeps the row's Message-ID: {@link MimeMessage#saveChanges()} would otherwise invent a new one. */
    static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
