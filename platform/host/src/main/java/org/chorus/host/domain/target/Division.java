package org.chorus.host.domain.target;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A district (or other division) targets represent, keyed by its Open Civic Data id; boundary in WGS84 WKT. */
@Entity
@Table(name = "division")
@NamedQuery(name = "Division.findByOcdId", query = "SELECT d FROM Division d WHERE d.ocdId = :ocdId")
@NamedQuery(name = "Division.findByKind", query = "SELECT d FROM Division d WHERE d.kind = :kind ORDER BY d.name")
public class Division {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ocd_id")
    private String ocdId;
    private String kind;
    private String chamber;
    private String name;
    @Column(name = "geometry_wkt")
    private String geometryWkt;
    private String source;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Division() {
    }

    public Division(String ocdId, String kind, String chamber, String name, Instant now) {
        this.ocdId = ocdId;
        this.kind = kind;
        this.chamber = chamber;
        this.name = name;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public String getOcdId() { return ocdId; }
    public String getKind() { return kind; }
    public String getChamber() { return chamber; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getGeometryWkt() { return geometryWkt; }
    public void setGeometryWkt(String geometryWkt) { this.geometryWkt = geometryWkt; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
