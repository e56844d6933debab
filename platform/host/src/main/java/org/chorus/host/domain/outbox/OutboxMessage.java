package org.chorus.host.domain.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * A message waiting for (or past) delivery. Committed with the action that caused it; from then on only the
 * delivery worker changes it (see {@link OutboxQueue} and {@link OutboxState}).
 */
@Entity
@Table(name = "outbox_message")
@NamedQuery(name = "OutboxMessage.findByActionRecord",
        query = "SELECT m FROM OutboxMessage m WHERE m.actionRecordId = :actionRecordId ORDER BY m.id")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
    @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 50)
    private Long id;
    @Column(name = "action_record_id")
    private Long actionRecordId;
    @Column(name = "campaign_id")
    private Long campaignId;
    @Column(name = "supporter_id")
    private Long supporterId;
    @Column(name = "target_id")
    private Long targetId;
    @Column(name = "plugin_id")
    private String pluginId;
    @Column(name = "to_address")
    private String toAddress;
    /** Lower-cased domain of {@link #toAddress}: the key of the per-domain rate limit. */
    @Column(name = "to_domain")
    private String toDomain;
    @Column(name = "to_name")
    private String toName;
    @Column(name = "from_name")
    private String fromName;
    @Column(name = "reply_to")
    private String replyTo;
    private String subject;
    private String body;
    @Column(name = "digest_key")
    private String digestKey;
    @Enumerated(EnumType.STRING)
    private OutboxKind kind = OutboxKind.LETTER;
    /** The DIGEST row this letter was folded into; null for letters sent on their own and for digests. */
    @Column(name = "digest_id")
    private Long digestId;
    /** Deterministic per row, so a resend after a crash is recognisable downstream as the same message. */
    @Column(name = "message_id")
    private String messageId;
    @Enumerated(EnumType.STRING)
    private OutboxState state;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "claimed_at")
    private Instant claimedAt;
    @Column(name = "claimed_by")
    private String claimedBy;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {
    }

    public OutboxMessage(String messageId, String toAddress, String toName, String fromName, String replyTo,
                         String subject, String body, Instant now) {
        this.messageId = messageId;
        this.toAddress = toAddress;
        this.toDomain = domainOf(toAddress);
        this.toName = toName;
        this.fromName = fromName;
        this.replyTo = replyTo;
        this.subject = subject;
        this.body = body;
        this.state = OutboxState.QUEUED;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public void link(Long actionRecordId, Long campaignId, Long supporterId, Long targetId, String pluginId,
                     String digestKey) {
        this.actionRecordId = actionRecordId;
        this.campaignId = campaignId;
        this.supporterId = supporterId;
        this.targetId = targetId;
        this.pluginId = pluginId;
        this.digestKey = digestKey;
    }

    /** A digest message (see {@link OutboxKind#DIGEST}); delivered by the worker like any letter. */
    public static OutboxMessage digest(String messageId, String toAddress, String toName, String fromName,
                                       String subject, String body, Instant now) {
        OutboxMessage m = new OutboxMessage(messageId, toAddress, toName, fromName, null, subject, body, now);
        m.kind = OutboxKind.DIGEST;
        return m;
    }

    /** The part after the last {@code @}, lower-cased; the whole address when it has none (then it fails at send). */
    public static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return address.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    }

    /** The repository gives the id before persisting (see {@code SequenceIds}); once. */
    public void assignId(long id) {
        if (this.id != null) {
            throw new IllegalStateException("this message has id " + this.id + " already");
        }
        this.id = id;
    }

    public Long getId() { return id; }
    public Long getActionRecordId() { return actionRecordId; }
    public Long getCampaignId() { return campaignId; }
    public Long getSupporterId() { return supporterId; }
    public Long getTargetId() { return targetId; }
    public String getPluginId() { return pluginId; }
    public String getToAddress() { return toAddress; }
    public String getToDomain() { return toDomain; }
    public String getToName() { return toName; }
    public String getFromName() { return fromName; }
    public String getReplyTo() { return replyTo; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getDigestKey() { return digestKey; }
    public OutboxKind getKind() { return kind; }
    public Long getDigestId() { return digestId; }
    public String getMessageId() { return messageId; }
    public OutboxState getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getClaimedAt() { return claimedAt; }
    public String getClaimedBy() { return claimedBy; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
}
