package org.chorus.host.domain.target;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person to pressure, e.g. a state legislator, representing a division. */
@Entity
@Table(name = "target")
@NamedQuery(name = "Target.findByExternalId", query = "SELECT t FROM Target t WHERE t.externalId = :externalId")
@NamedQuery(name = "Target.findSittingByDivision",
        query = "SELECT t FROM Target t WHERE t.division.ocdId = :ocdId AND t.status = org.chorus.host.domain.target.TargetStatus.SITTING ORDER BY t.name")
@NamedQuery(name = "Target.findSitting",
        query = "SELECT t FROM Target t WHERE t.status = org.chorus.host.domain.target.TargetStatus.SITTING ORDER BY t.name")
public class Target {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "external_id")
    private String externalId;
    private String kind;
    private String name;
    @Column(name = "given_name")
    private String givenName;
    @Column(name = "family_name")
    private String familyName;
    private String title;
    private String chamber;
    private String party;
    private String email;
    private String phone;
    @Column(name = "photo_url")
    private String photoUrl;
    @ManyToOne
    @JoinColumn(name = "division_id")
    private Division division;
    @Enumerated(EnumType.STRING)
    private TargetStatus status;
    @Column(name = "data_json")
    private String dataJson;
    private String source;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Target() {
    }

    public Target(String externalId, String kind, String name, Instant now) {
        this.externalId = externalId;
        this.kind = kind;
        this.name = name;
        this.status = TargetStatus.SITTING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public String getKind() { return kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getGivenName() { return givenName; }
    public void setGivenName(String givenName) { this.givenName = givenName; }
    public String getFamilyName() { return familyName; }
    public void setFamilyName(String familyName) { this.familyName = familyName; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getChamber() { return chamber; }
    public void setChamber(String chamber) { this.chamber = chamber; }
    public String getParty() { return party; }
    public void setParty(String party) { this.party = party; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getPhotoUrl() { return photoUrl; }
    public void setPhotoUrl(String photoUrl) { this.photoUrl = photoUrl; }
    public Division getDivision() { return division; }
    public void setDivision(Division division) { this.division = division; }
    public TargetStatus getStatus() { return status; }
    public void setStatus(TargetStatus status) { this.status = status; }
    public String getDataJson() { return dataJson; }
    public void setDataJson(String dataJson) { this.dataJson = dataJson; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
