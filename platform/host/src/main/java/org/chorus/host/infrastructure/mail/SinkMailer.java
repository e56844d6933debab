package org.chorus.host.infrastructure.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The demo default: no SMTP host, so each message is written as an RFC 5322 {@code .eml} file named by its outbox
 * id, {@code <sink>/<id>.eml}. Written to a temporary name and moved into place, so a reader never sees half a
 * message; and a resend of the same row (after a crash) replaces the file instead of adding a second one.
 */
public final class SinkMailer implements Mailer {

    private final Path dir;
    private final Session session = Session.getInstance(new Properties());

    public SinkMailer(Path dir) {
        this.dir = dir;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Batch open() {
        return new Batch() {
            @Override
            public void send(long outboxId, MimeMessage message) throws DeliveryException {
                try {
                    Files.createDirectories(dir);
                    Path tmp = dir.resolve(outboxId + ".eml.tmp");
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        message.writeTo(out);
                    }
                    Files.move(tmp, SinkMailbox.file(dir, outboxId), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException | MessagingException e) {
                    throw new DeliveryException("cannot write to the mail sink " + dir + ": " + e.getMessage(), false, false, e);
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
