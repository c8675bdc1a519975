package app.spotter.server.devices;

import app.spotter.model.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A staff credential issued to one desk for one staff member at an online login there (decision
 * 0013). No key is stored: the key is derived from the server's secret and the id.
 */
@Entity
@Table(name = "staff_credential")
public class StaffCredentialRecord {
    @Id
    public UUID id;
    @Column(name = "device_id", nullable = false)
    public UUID deviceId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    /** The role at issue: what the person may do with this credential. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
