package org.chorus.host.application.mail;

import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.chorus.host.domain.outbox.OutboxKind;
import org.chorus.host.domain.outbox.OutboxMessage;
import org.chorus.host.domain.outbox.OutboxState;
import org.chorus.host.domain.supporter.Supporter;
import org.chorus.host.infrastructure.persistence.Transactions;

/**
 * The daily digest, for offices that filter bulk mail: letters whose {@code digest_key} is set are not sent one
 * by one; once their day is over (in the configured zone) and the configured hour has come, the letters of one
 * recipient, digest key and day become ONE message listing each constituent (name, town, reply address) with
 * their letter. The digest is an outbox row itself (kind DIGEST), so it is delivered, retried and dead-lettered
 * like any letter; its letters point at it and stay QUEUED until it is SENT (or DEAD), then take its state.
 *
 * <p>Only finished days are digested, so a day's digest is complete and never needs a second message. Its
 * Message-ID is derived from (recipient, key, day, part), and Message-IDs are unique in the table: two nodes
 * running the job at once cannot both create it (the loser's transaction fails and changes nothing).
 */
public final class DigestJob {

    private static final Logger LOG = Logger.getLogger(DigestJob.class.getName());
    /** Keeps a digest's body well inside outbox_message.body (VARCHAR(200000)); a bigger day is split in parts. */
    static final int MAX_BODY_CHARS = 180_000;
    private static final String RULE = "-".repeat(72);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final Transactions tx;
    private final Clock clock;
    private final int hour;
    private final ZoneId zone;
    private final String messageIdDomain;
    private final String defaultOrganization;
    private volatile Instant lastCutoff;

    public DigestJob(Transactions tx, Clock clock, int hour, ZoneId zone, String messageIdDomain, String defaultOrganization) {
        this.tx = tx;
        this.clock = clock;
        this.hour = hour;
        this.zone = zone;
        this.messageIdDomain = messageIdDomain;
        this.defaultOrganization = defaultOrganization;
    }

    private record Key(String to, String digestKey, LocalDate day) {
    }

    /**
     * Digests every finished day that is due at {@code now}: from the digest hour on, every day up to yesterday;
     * before it, every day up to the day before yesterday. Cheap when there is nothing new: the scheduler calls it
     * on every tick, and it queries once per cutoff.
     *
     * @return the number of digest messages queued
     */
    public int runDue(Instant now) {
        Instant cutoff = cutoff(now);
        if (cutoff.equals(lastCutoff)) {
            return 0;
        }
        Outcome o = foldAll(cutoff);
        if (o.failedGroups() == 0) {
            lastCutoff = cutoff; // only after a clean run: a group that failed is tried again on the next tick
        }
        return o.queued();
    }

    /** Start of the latest day whose digests are due at {@code now}. */
    Instant cutoff(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate closedBefore = local.getHour() >= hour ? local.toLocalDate() : local.toLocalDate().minusDays(1);
        return closedBefore.atStartOfDay(zone).toInstant();
    }

    /**
     * Folds every waiting letter created before {@code cutoff} into digests, one per (recipient, digest key, day).
     *
     * @return the number of digest messages queued
     */
    public int run(Instant cutoff) {
        return foldAll(cutoff).queued();
    }

    private record Outcome(int queued, int failedGroups) {
    }

    private Outcome foldAll(Instant cutoff) {
        List<OutboxMessage> waiting = tx.inTransaction(() -> tx.em().createQuery(
                        "SELECT m FROM OutboxMessage m WHERE m.digestKey IS NOT NULL AND m.digestId IS NULL"
                                + " AND m.state = :queued AND m.kind = :letter AND m.createdAt < :cutoff"
                                + " ORDER BY m.createdAt, m.id", OutboxMessage.class)
                .setParameter("queued", OutboxState.QUEUED)
                .setParameter("letter", OutboxKind.LETTER)
                .setParameter("cutoff", cutoff)
                .getResultList());
        Map<Key, List<OutboxMessage>> groups = new LinkedHashMap<>();
        for (OutboxMessage m : waiting) {
            groups.computeIfAbsent(new Key(m.getToAddress().trim().toLowerCase(Locale.ROOT), m.getDigestKey(),
                    m.getCreatedAt().atZone(zone).toLocalDate()), k -> new ArrayList<>()).add(m);
        }
        int queued = 0;
        int failed = 0;
        for (Map.Entry<Key, List<OutboxMessage>> g : groups.entrySet()) {
            try {
                queued += tx.inTransaction(() -> fold(g.getKey(), g.getValue(), clock.instant()));
            } catch (PersistenceException | IllegalStateException e) {
                // Another node made this digest first (unique Message-ID) or took some of its letters, and then the
                // next run finds nothing left to do; or the database failed, and the next run tries again.
                failed++;
                LOG.warning("Digest for " + g.getKey() + " not made now: " + e.getMessage());
            }
        }
        if (queued > 0) {
            int n = queued;
            LOG.info(() -> "Queued " + n + " digest messages for " + waiting.size() + " letters");
        }
        return new Outcome(queued, failed);
    }

    /** One group in one transaction: the digest row(s), then the letters pointed at them. */
    private int fold(Key key, List<OutboxMessage> letters, Instant now) {
        List<List<Section>> parts = new ArrayList<>();
        List<Section> part = new ArrayList<>();
        int size = 0;
        int number = 0;
        for (OutboxMessage m : letters) {
            Section s = section(++number, m);
            if (!part.isEmpty() && size + s.text().length() > MAX_BODY_CHARS) {
                parts.add(part);
                part = new ArrayList<>();
                size = 0;
            }
            part.add(s);
            size += s.text().length();
        }
        parts.add(part);

        OutboxMessage first = letters.get(0);
        String organization = organization(first.getFromName());
        for (int p = 0; p < parts.size(); p++) {
            List<Section> sections = parts.get(p);
            String partLabel = parts.size() == 1 ? "" : " (part " + (p + 1) + " of " + parts.size() + ")";
            OutboxMessage digest = OutboxMessage.digest(messageId(key, p + 1), first.getToAddress(), first.getToName(),
                    "Constituents via " + organization, subject(key, letters, partLabel),
                    body(key, letters.size(), organization, sections, partLabel), now);
            digest.link(null, first.getCampaignId(), null, first.getTargetId(), first.getPluginId(), null);
            tx.em().persist(digest);
            tx.em().flush();
            List<Long> ids = sections.stream().map(Section::letterId).toList();
            int folded = tx.em().createQuery("UPDATE OutboxMessage m SET m.digestId = :digest"
                            + " WHERE m.id IN :ids AND m.digestId IS NULL AND m.state = :queued")
                    .setParameter("digest", digest.getId())
                    .setParameter("ids", ids)
                    .setParameter("queued", OutboxState.QUEUED)
                    .executeUpdate();
            if (folded != ids.size()) {
                throw new IllegalStateException(folded + " of " + ids.size() + " letters were still waiting");
            }
        }
        return parts.size();
    }

    private record Section(long letterId, String text) {
    }

    private Section section(int number, OutboxMessage m) {
        Supporter s = m.getSupporterId() == null ? null : tx.em().find(Supporter.class, m.getSupporterId());
        String name = s == null ? null : join(" ", s.getFirstName(), s.getLastName());
        if (name == null || name.isBlank()) {
            name = m.getFromName() == null ? "A constituent" : m.getFromName().replaceFirst("\\s+via\\s+.*$", "");
        }
        String town = s == null ? null : s.getTown();
        String who = number + ". " + name + (town == null || town.isBlank() ? "" : ", " + town)
                + (m.getReplyTo() == null ? "" : " <" + m.getReplyTo() + ">");
        String letter = m.getBody().strip();
        if (letter.length() > MAX_BODY_CHARS - 10_000) { // one letter alone must still fit in a digest
            letter = letter.substring(0, MAX_BODY_CHARS - 10_000) + "\n[... cut: the letter is too long for a digest]";
        }
        String text = RULE + "\n" + who + "\n   Subject: " + m.getSubject() + "\n\n" + letter + "\n\n";
        return new Section(m.getId(), text);
    }

    private static String join(String sep, String a, String b) {
        String x = a == null ? "" : a.trim();
        String y = b == null ? "" : b.trim();
        return (x + sep + y).trim();
    }

    private String organization(String fromName) {
        if (fromName != null) {
            int via = fromName.lastIndexOf(" via ");
            if (via >= 0 && via + 5 < fromName.length()) {
                return fromName.substring(via + 5).trim();
            }
        }
        return defaultOrganization;
    }

    private static String subject(Key key, List<OutboxMessage> letters, String partLabel) {
        String common = letters.get(0).getSubject();
        for (OutboxMessage m : letters) {
            if (!m.getSubject().equals(common)) {
                common = null;
                break;
            }
        }
        String s = letters.size() + (letters.size() == 1 ? " letter" : " letters") + " from constituents, " + key.day()
                + partLabel + (common == null ? "" : ": " + common);
        return s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }

    private static String body(Key key, int count, String organization, List<Section> sections, String partLabel) {
        StringBuilder b = new StringBuilder();
        b.append(count == 1 ? "One constituent" : count + " constituents").append(" wrote to you on ")
                .append(LONG_DATE.format(key.day())).append(" through ").append(organization).append(partLabel)
                .append(".\nTheir letters follow, oldest first. To answer a constituent, write to the address given")
                .append(" with their letter.\n\n");
        for (Section s : sections) {
            b.append(s.text());
        }
        b.append(RULE).append('\n');
        return b.toString();
    }

    /** Deterministic per (recipient, key, day, part), so the unique constraint stops a second digest of a day. */
    private String messageId(Key key, int part) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((key.to() + "\n" + key.digestKey() + "\n" + key.day())
                    .getBytes(StandardCharsets.UTF_8));
            return "<digest." + key.day().toString().replace("-", "") + "." + HexFormat.of().formatHex(h, 0, 10) + "." + part
                    + "@" + messageIdDomain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
