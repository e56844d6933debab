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
import java.time.Instant;

/** An action type configured on a campaign: its stable key (in URLs), its order and its settings. */
@Entity
@Table(name = "campaign_action")
public class CampaignAction {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_action_seq")
    @SequenceGenerator(name = "campaign_action_seq", sequenceName = "campaign_action_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;
    @Column(name = "action_key")
    private String actionKey;
    @Column(name = "action_type")
    private String actionType;
    private String title;
    private int position;
    /** Settings as JSON: the tree the action type's settings schema describes. */
    @Column(name = "settings_json")
    private String settingsJson;
    /** Title and translatable settings per language: {@code {"es": {"title": …, "settings": {…}}}}; null when none. */
    @Column(name = "translations_json")
    private String translationsJson;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CampaignAction() {
    }

    public CampaignAction(Campaign campaign, String actionKey, String actionType, int position, Instant now) {
        this.campaign = campaign;
        this.actionKey = CampaignSlug.require(actionKey);
        this.actionType = actionType;
        this.position = position;
        this.settingsJson = "{}";
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public Campaign getCampaign() { return campaign; }
    public String getActionKey() { return actionKey; }
    public String getActionType() { return actionType; }
    public void setActionType(String actionType) { this.actionType = actionType; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public String getSettingsJson() { return settingsJson; }
    public String getTranslationsJson() { return translationsJson; }

    public void setTranslationsJson(String translationsJson, Instant now) {
        this.translationsJson = translationsJson;
        this.updatedAt = now;
    }

    public void setSettingsJson(String settingsJson, Instant now) {
        this.settingsJson = settingsJson;
        this.updatedAt = now;
    }
}
