package app.spotter.server.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who changed what, when, with the record before and after. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    public UUID id;
    @Column(nullable = false)
    public Instant at;
    @Column(name = "actor_id")
    public UUID actorId;
    @Column(name = "actor_role")
    public String actorRole;
    @Column(nullable = false)
    public String action;
    @Column(name = "entity_type", nullable = false)
    public String entityType;
    @Column(name = "entity_id")
    public String entityId;
    @Column(name = "before_json")
    public String beforeJson;
    @Column(name = "after_json")
    public String afterJson;
}
