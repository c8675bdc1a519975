package app.spotter.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time password reset token an admin issued; only its SHA-256 is stored. */
@Entity
@Table(name = "password_reset")
public class PasswordResetRecord {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;
    @Column(name = "issued_by")
    public UUID issuedBy;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
}
