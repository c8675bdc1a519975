package app.spotter.server.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An enrolled device. Its row is the lock that keeps its operations in sequence order. */
@Entity
@Table(name = "device")
public class DeviceRecord {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String kind;
    @Column(name = "location_id", nullable = false)
    public UUID locationId;
    @Column(name = "secret_hash", nullable = false)
    public String secretHash;
    @Column(name = "enrolled_by")
    public UUID enrolledBy;
    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;
}
