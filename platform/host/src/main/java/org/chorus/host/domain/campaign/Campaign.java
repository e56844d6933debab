package org.chorus.host.domain.campaign;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A campaign: a themed page with ordered actions, in one or more languages. */
@Entity
@Table(name = "campaign")
@NamedQuery(name = "Campaign.findBySlug", query = "SELECT c FROM Campaign c WHERE c.slug = :slug")
@NamedQuery(name = "Campaign.findAll", query = "SELECT c FROM Campaign c ORDER BY c.createdAt DESC, c.id DESC")
@NamedQuery(name = "Campaign.findByStatus",
        query = "SELECT c FROM Campaign c WHERE c.status IN :statuses ORDER BY c.createdAt DESC, c.id DESC")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_seq")
    @SequenceGenerator(name = "campaign_seq", sequenceName = "campaign_seq", allocationSize = 50)
    private Long id;
    private String slug;
    private String title;
    private String summary;
    @Column(name = "body_markdown")
    private String bodyMarkdown;
    private String theme;
    @Enumerated(EnumType.STRING)
    private CampaignStatus status;
    @Column(name = "organization_name")
    private String organizationName;
    @Column(name = "default_language")
    private String defaultLanguage;
    private String languages;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    @Column(name = "share_title")
    private String shareTitle;
    @Column(name = "share_description")
    private String shareDescription;
    @Column(name = "share_image")
    private String shareImage;
    @Column(name = "privacy_discard_street")
    private boolean privacyDiscardStreet;
    @Column(name = "privacy_keep_referrer")
    private boolean privacyKeepReferrer = true;
    @Column(name = "privacy_purge_days")
    private int privacyPurgeDays;
    @Column(name = "source_file")
    private String sourceFile;
    @Column(name = "source_hash")
    private String sourceHash;
    @Column(name = "imported_at")
    private Instant importedAt;
    @Column(name = "staff_edited_at")
    private Instant staffEditedAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** The default language's text is a copy in another language, waiting for staff to translate it. */
    @Column(name = "needs_translation")
    private boolean needsTranslation;
    @Version
    private long version;

    @OneToMany(mappedBy = "campaign", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<CampaignAction> actions = new ArrayList<>();

    @OneToMany(mappedBy = "campaign", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<CampaignTranslation> translations = new ArrayList<>();

    protected Campaign() {
    }

    public Campaign(String slug, String title, String theme, String defaultLanguage, Instant now) {
        this.slug = CampaignSlug.require(slug);
        this.title = title;
        this.theme = theme;
        this.defaultLanguage = defaultLanguage;
        this.languages = defaultLanguage;
        this.status = CampaignStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Moves to another status, enforcing the allowed transitions. */
    public void moveTo(CampaignStatus target, Instant now) {
        if (target == status) {
            return;
        }
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("a " + status.name().toLowerCase() + " campaign cannot become "
                    + target.name().toLowerCase());
        }
        if (target == CampaignStatus.PUBLISHED && publishedAt == null) {
            publishedAt = now;
        }
        status = target;
        updatedAt = now;
    }

    /** A campaign file states the status outright; it is not a staff transition, so any status may be set. */
    public void importStatus(CampaignStatus target, Instant now) {
        if (target == CampaignStatus.PUBLISHED && publishedAt == null) {
            publishedAt = now;
        }
        status = target;
    }

    /** A new URL; only while a draft, because a public campaign's address is already shared. */
    public void rename(String newSlug, Instant now) {
        if (status != CampaignStatus.DRAFT) {
            throw new IllegalStateException("only a draft campaign can change its address");
        }
        this.slug = CampaignSlug.require(newSlug);
        this.updatedAt = now;
    }

    /** Adds an action of a type at the end. */
    public CampaignAction addAction(String actionKey, String actionType, String title, Instant now) {
        if (action(actionKey).isPresent()) {
            throw new IllegalArgumentException("the campaign has an action '" + actionKey + "' already");
        }
        int position = actions.stream().mapToInt(CampaignAction::getPosition).max().orElse(-1) + 1;
        CampaignAction a = new CampaignAction(this, actionKey, actionType, position, now);
        a.setTitle(title);
        actions.add(a);
        updatedAt = now;
        return a;
    }

    /**
     * Moves an action one place earlier ({@code -1}) or later ({@code +1}) on the page.
     *
     * @return false when it is already first (or last)
     */
    public boolean moveAction(String actionKey, int direction, Instant now) {
        List<CampaignAction> ordered = new ArrayList<>(actions);
        ordered.sort(java.util.Comparator.comparingInt(CampaignAction::getPosition));
        int i = ordered.indexOf(action(actionKey).orElseThrow(() -> new IllegalArgumentException("no action '" + actionKey + "'")));
        int j = i + Integer.signum(direction);
        if (direction == 0 || j < 0 || j >= ordered.size()) {
            return false;
        }
        java.util.Collections.swap(ordered, i, j);
        for (int p = 0; p < ordered.size(); p++) {
            ordered.get(p).setPosition(p);
        }
        updatedAt = now;
        return true;
    }

    /** Removes an action (callers check first that no supporter took it: its records refer to it). */
    public void removeAction(String actionKey, Instant now) {
        if (!actions.removeIf(a -> a.getActionKey().equals(actionKey))) {
            throw new IllegalArgumentException("no action '" + actionKey + "'");
        }
        updatedAt = now;
    }

    /** Whether supporters can take its actions at this moment. */
    public boolean isTakingActions(Instant now) {
        return status == CampaignStatus.PUBLISHED && (startsAt == null || !now.isBefore(startsAt))
                && (endsAt == null || now.isBefore(endsAt));
    }

    public Optional<CampaignAction> action(String actionKey) {
        return actions.stream().filter(a -> a.getActionKey().equals(actionKey)).findFirst();
    }

    public Optional<CampaignTranslation> translation(String locale) {
        return translations.stream().filter(t -> t.getLocale().equals(locale)).findFirst();
    }

    public List<String> languageList() {
        return Arrays.stream(languages.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public void setLanguageList(List<String> list) {
        if (list.isEmpty() || !list.contains(defaultLanguage)) {
            throw new IllegalArgumentException("languages must include the default language " + defaultLanguage);
        }
        this.languages = String.join(",", list);
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getBodyMarkdown() { return bodyMarkdown; }
    public void setBodyMarkdown(String bodyMarkdown) { this.bodyMarkdown = bodyMarkdown; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public CampaignStatus getStatus() { return status; }
    public String getOrganizationName() { return organizationName; }
    public void setOrganizationName(String organizationName) { this.organizationName = organizationName; }
    public String getDefaultLanguage() { return defaultLanguage; }
    public void setDefaultLanguage(String defaultLanguage) { this.defaultLanguage = defaultLanguage; }
    public Instant getStartsAt() { return startsAt; }
    public void setStartsAt(Instant startsAt) { this.startsAt = startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public void setEndsAt(Instant endsAt) { this.endsAt = endsAt; }
    public String getShareTitle() { return shareTitle; }
    public void setShareTitle(String shareTitle) { this.shareTitle = shareTitle; }
    public String getShareDescription() { return shareDescription; }
    public void setShareDescription(String shareDescription) { this.shareDescription = shareDescription; }
    public String getShareImage() { return shareImage; }
    public void setShareImage(String shareImage) { this.shareImage = shareImage; }
    public boolean isPrivacyDiscardStreet() { return privacyDiscardStreet; }
    public boolean isPrivacyKeepReferrer() { return privacyKeepReferrer; }
    public int getPrivacyPurgeDays() { return privacyPurgeDays; }

    /** The privacy safe mode: see {@link org.chorus.api.action.CampaignPrivacy}. */
    public void setPrivacy(boolean discardStreet, boolean keepReferrer, int purgeDays) {
        if (purgeDays < 0) {
            throw new IllegalArgumentException("privacy purge days must be 0 (keep) or more");
        }
        this.privacyDiscardStreet = discardStreet;
        this.privacyKeepReferrer = keepReferrer;
        this.privacyPurgeDays = purgeDays;
    }

    public String getSourceFile() { return sourceFile; }
    public String getSourceHash() { return sourceHash; }
    public Instant getImportedAt() { return importedAt; }
    public Instant getStaffEditedAt() { return staffEditedAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public boolean isNeedsTranslation() { return needsTranslation; }
    public void setNeedsTranslation(boolean needsTranslation) { this.needsTranslation = needsTranslation; }
    public List<CampaignAction> getActions() { return actions; }
    public List<CampaignTranslation> getTranslations() { return translations; }

    /** Records that this state came from a campaign file, so later file changes know whether staff edited since. */
    public void markImported(String file, String hash, Instant now) {
        this.sourceFile = file;
        this.sourceHash = hash;
        this.importedAt = now;
        this.updatedAt = now;
    }

    /** Staff changed it in the console: a later change of its campaign file is then a conflict, not an update. */
    public void markEditedByStaff(Instant now) {
        this.staffEditedAt = now;
        this.updatedAt = now;
    }

    public boolean editedByStaffSinceImport() {
        return staffEditedAt != null && (importedAt == null || staffEditedAt.isAfter(importedAt));
    }
}
