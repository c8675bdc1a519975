package app.spotter.client.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A staff member who logged in here online: profile and password hash, for logging in offline. */
@Entity
@Table(name = "staff_login")
public class StaffLoginRow {

    @Id
    public String email;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String role;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "logged_in_at", nullable = false)
    public Instant loggedInAt;

    /** The staff credential the server issued to this desk for this person (decision 0013); null without one. */
    @Column(name = "credential_id")
    public String credentialId;

    /** Its key, sealed under the person's password ({@link PasswordHashes#seal}). */
    @Column(name = "credential_key")
    public String credentialKey;

    @Column(name = "credential_expires_at")
    public Instant credentialExpiresAt;
}
