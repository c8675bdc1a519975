package app.spotter.server.conflicts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What offline work left for a manager to decide; facts are JSON. */
@Entity
@Table(name = "sync_conflict")
public class ConflictRecord {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String kind;
    @Column(name = "entity_type", nullable = false)
    public String entityType;
    @Column(name = "entity_id", nullable = false)
    public String entityId;
    @Column(nullable = false)
    public String facts;
    @Column(nullable = false)
    public String status;
    public String resolution;
    @Column(name = "op_id")
    public UUID opId;
    @Column(name = "device_id")
    public UUID deviceId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolved_by")
    public UUID resolvedBy;
}
