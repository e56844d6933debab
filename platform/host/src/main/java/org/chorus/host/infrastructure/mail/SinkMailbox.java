package org.chorus.host.infrastructure.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Read access to the local mail sink for staff: what the platform would have sent. Meant for the admin console
 * (which must put it behind its login: the letters carry supporters' names, addresses and words); no route
 * serves it yet.
 */
public final class SinkMailbox {

    /** One message in the sink. */
    public record Entry(long outboxId, Instant savedAt, long bytes, String from, String to, String subject,
                        String messageId) {
    }

    /** A message with its text and the raw file. */
    public record Message(Entry entry, String replyTo, String sender, String text, String raw) {
    }

    private final Path dir;
    private final Session session = Session.getInstance(new Properties());

    public SinkMailbox(Path dir) {
        this.dir = dir;
    }

    static Path file(Path dir, long outboxId) {
        return dir.resolve(outboxId + ".eml");
    }

    public Path folder() {
        return dir;
    }

    /** The newest {@code limit} messages (by outbox id, newest first). */
    public List<Entry> list(int limit) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Long> ids = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{1,18}\\.eml"))
                    .map(n -> Long.parseLong(n.substring(0, n.length() - 4)))
                    .sorted(Comparator.reverseOrder())
                    .limit(Math.max(0, limit))
                    .toList();
            List<Entry> out = new ArrayList<>();
            for (long id : ids) {
                read(id).ifPresent(m -> out.add(m.entry()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message written for an outbox row, if the sink has it. */
    public Optional<Message> read(long outboxId) {
        Path f = file(dir, outboxId);
        try {
            byte[] raw = Files.readAllBytes(f);
            MimeMessage m;
            try (InputStream in = new java.io.ByteArrayInputStream(raw)) {
                m = new MimeMessage(session, in);
            }
            Entry e = new Entry(outboxId, Files.getLastModifiedTime(f).toInstant(), raw.length, join(m.getFrom()),
                    join(m.getRecipients(MimeMessage.RecipientType.TO)), m.getSubject(), m.getMessageID());
            Object content = m.getContent();
            return Optional.of(new Message(e, join(m.getReplyTo()), m.getSender() == null ? null : join(new Address[] {m.getSender()}),
                    content instanceof String s ? s : null, new String(raw, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("the sink file " + f + " is not a readable message: " + e.getMessage(), e);
        }
    }

    /** Deletes the copy of an outbox row (a supporter's data deleted on request); nothing when there is none. */
    public void forget(long outboxId) {
        try {
            Files.deleteIfExists(file(dir, outboxId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String join(Address[] addresses) {
        return addresses == null ? null : Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString())
                .collect(Collectors.joining(", "));
    }
}
