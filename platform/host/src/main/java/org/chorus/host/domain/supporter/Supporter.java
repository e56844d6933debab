package org.chorus.host.domain.supporter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A person who took action; one per e-mail address (stored lower-cased), details updated by later actions. */
@Entity
@Table(name = "supporter")
@NamedQuery(name = "Supporter.findByEmail", query = "SELECT s FROM Supporter s WHERE s.email = :email")
public class Supporter {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "supporter_seq")
    @SequenceGenerator(name = "supporter_seq", sequenceName = "supporter_seq", allocationSize = 50)
    private Long id;
    private String email;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    private String street;
    private String town;
    @Column(name = "postal_code")
    private String postalCode;
    private String locale;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Supporter() {
    }

    public Supporter(String email, Instant now) {
        this.email = normalizeEmail(email);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getStreet() { return street; }
    public String getTown() { return town; }
    public String getPostalCode() { return postalCode; }
    public String getLocale() { return locale; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
