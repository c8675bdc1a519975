package app.spotter.server.sync.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One committed change of a synced row. {@code data} is the row's JSON without secrets (null for a
 * delete); {@code locationId} is the location the row belongs to, null when every device sees it.
 */
@Entity
@Table(name = "change_log")
public class ChangeLogRecord {
    @Id
    public long position;
    @Column(name = "entity_type", nullable = false)
    public String entityType;
    @Column(name = "entity_id", nullable = false)
    public String entityId;
    @Column(nullable = false)
    public String kind;
    public String data;
    @Column(name = "location_id")
    public UUID locationId;
    /** When the slot this row belongs to starts (a slot, booking or seat lease), null for rows not windowed. */
    @Column(name = "slot_starts_at")
    public Instant slotStartsAt;
    @Column(name = "committed_at", nullable = false)
    public Instant committedAt;
}
