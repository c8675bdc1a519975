package app.spotter.server.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A pushed operation and its durable outcome, stored in the transaction that decided it. */
@Entity
@Table(name = "sync_operation")
public class OperationRecord {
    @Id
    @Column(name = "op_id")
    public UUID opId;
    @Column(name = "device_id", nullable = false)
    public UUID deviceId;
    @Column(nullable = false)
    public long sequence;
    @Column(nullable = false)
    public String type;
    /** The payload as JSON. */
    @Column(nullable = false)
    public String payload;
    public UUID actor;
    /** wall millis : counter : node. */
    public String hlc;
    /** JSON: entity id to encoded version vector. */
    @Column(name = "read_versions")
    public String readVersions;
    @Column(nullable = false)
    public String status;
    public String reason;
    @Column(name = "conflict_id")
    public UUID conflictId;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(name = "applied_at")
    public Instant appliedAt;
}
