package app.spotter.server.members;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member of the gym as stored. Health notes are AES-GCM ciphertext; the PIN is an Argon2id hash. */
@Entity
@Table(name = "member")
public class MemberRecord {
    @Id
    public UUID id;
    @Column(name = "member_number", nullable = false, unique = true)
    public String memberNumber;
    @Column(name = "first_name", nullable = false)
    public String firstName;
    @Column(name = "last_name", nullable = false)
    public String lastName;
    public String email;
    public String phone;
    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;
    @Column(name = "home_location_id")
    public UUID homeLocationId;
    @Column(name = "health_notes_enc")
    public String healthNotesEncrypted;
    @Column(name = "pin_hash")
    public String pinHash;
    @Column(name = "pin_failed_attempts", nullable = false)
    public int pinFailedAttempts;
    @Column(name = "pin_locked_until")
    public Instant pinLockedUntil;
    @Column(name = "card_version", nullable = false)
    public int cardVersion = 1;
    @Column(name = "version_vector", nullable = false)
    public String versionVector = "";
    /** JSON: field name to the encoded version vector of the change that last set it. */
    @Column(name = "field_versions", nullable = false)
    public String fieldVersions = "{}";
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
