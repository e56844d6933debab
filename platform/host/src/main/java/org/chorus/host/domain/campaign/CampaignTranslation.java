package org.chorus.host.domain.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A campaign's content in one more language; machine-made translations are flagged for staff review. */
@Entity
@Table(name = "campaign_translation")
public class CampaignTranslation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_translation_seq")
    @SequenceGenerator(name = "campaign_translation_seq", sequenceName = "campaign_translation_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;
    private String locale;
    private String title;
    private String summary;
    @Column(name = "body_markdown")
    private String bodyMarkdown;
    @Column(name = "share_title")
    private String shareTitle;
    @Column(name = "share_description")
    private String shareDescription;
    @Column(name = "machine_translated")
    private boolean machineTranslated;

    protected CampaignTranslation() {
    }

    public CampaignTranslation(Campaign campaign, String locale) {
        this.campaign = campaign;
        this.locale = locale;
    }

    public Long getId() { return id; }
    public String getLocale() { return locale; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getBodyMarkdown() { return bodyMarkdown; }
    public void setBodyMarkdown(String bodyMarkdown) { this.bodyMarkdown = bodyMarkdown; }
    public String getShareTitle() { return shareTitle; }
    public void setShareTitle(String shareTitle) { this.shareTitle = shareTitle; }
    public String getShareDescription() { return shareDescription; }
    public void setShareDescription(String shareDescription) { this.shareDescription = shareDescription; }
    public boolean isMachineTranslated() { return machineTranslated; }
    public void setMachineTranslated(boolean machineTranslated) { this.machineTranslated = machineTranslated; }
}
