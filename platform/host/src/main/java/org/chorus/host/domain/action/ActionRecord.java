package org.chorus.host.domain.action;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Who did what on which campaign action, when and from where. The idempotency key (from the form) makes a
 * double submit one action; the unique key (from the action type, e.g. the e-mail on a petition) makes a
 * repeat one action.
 */
@Entity
@Table(name = "action_record")
@NamedQuery(name = "ActionRecord.findByIdempotencyKey",
        query = "SELECT a FROM ActionRecord a WHERE a.idempotencyKey = :key")
@NamedQuery(name = "ActionRecord.countByCampaignAction",
        query = "SELECT COUNT(a) FROM ActionRecord a WHERE a.campaignActionId = :campaignActionId")
public class ActionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "action_record_seq")
    @SequenceGenerator(name = "action_record_seq", sequenceName = "action_record_seq", allocationSize = 50)
    private Long id;
    @Column(name = "campaign_action_id")
    private Long campaignActionId;
    @Column(name = "supporter_id")
    private Long supporterId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "landed_at")
    private Instant landedAt;
    @Column(name = "source_code")
    private String sourceCode;
    private String referrer;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "unique_key")
    private String uniqueKey;
    @Column(name = "payload_json")
    private String payloadJson;

    protected ActionRecord() {
    }

    public ActionRecord(long campaignActionId, long supporterId, Instant createdAt, Instant landedAt,
                        String sourceCode, String referrer, String idempotencyKey, String uniqueKey, String payloadJson) {
        this.campaignActionId = campaignActionId;
        this.supporterId = supporterId;
        this.createdAt = createdAt;
        this.landedAt = landedAt;
        this.sourceCode = sourceCode;
        this.referrer = referrer;
        this.idempotencyKey = idempotencyKey;
        this.uniqueKey = uniqueKey;
        this.payloadJson = payloadJson;
    }

    public Long getId() { return id; }
    public Long getCampaignActionId() { return campaignActionId; }
    public Long getSupporterId() { return supporterId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLandedAt() { return landedAt; }
    public String getSourceCode() { return sourceCode; }
    public String getReferrer() { return referrer; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getUniqueKey() { return uniqueKey; }
    public String getPayloadJson() { return payloadJson; }
}
