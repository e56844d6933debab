package org.chorus.host.domain.supporter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One consent decision, appended, never updated: the history is the record (what, when, from which campaign). */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_seq")
    @SequenceGenerator(name = "consent_seq", sequenceName = "consent_seq", allocationSize = 50)
    private Long id;
    @Column(name = "supporter_id")
    private Long supporterId;
    @Column(name = "campaign_id")
    private Long campaignId;
    @Column(name = "consent_key")
    private String consentKey;
    private boolean granted;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    private String source;

    protected Consent() {
    }

    public Consent(long supporterId, Long campaignId, String consentKey, boolean granted, Instant at, String source) {
        this.supporterId = supporterId;
        this.campaignId = campaignId;
        this.consentKey = consentKey;
        this.granted = granted;
        this.recordedAt = at;
        this.source = source;
    }

    public Long getId() { return id; }
    public Long getSupporterId() { return supporterId; }
    public Long getCampaignId() { return campaignId; }
    public String getConsentKey() { return consentKey; }
    public boolean isGranted() { return granted; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getSource() { return source; }
}
