package app.spotter.server.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time pairing code; only its SHA-256 is stored. */
@Entity
@Table(name = "pairing_code")
public class PairingCodeRecord {
    @Id
    @Column(name = "code_hash")
    public String codeHash;
    @Column(name = "location_id", nullable = false)
    public UUID locationId;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    /** The kind of device this code enrolls (the manager's choice). */
    @Column(nullable = false)
    public String kind;
    @Column(name = "device_id")
    public UUID deviceId;
}
