package app.spotter.server.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A class, personal-training or equipment offering (the seed's "session"); {@code kind} is a SessionKind name. */
@Entity
@Table(name = "gym_session")
public class SessionRecord {
    @Id
    public UUID id;
    public String kind;
    public String title;
    public String description;
    @Column(name = "location_id")
    public UUID locationId;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "trainer_id")
    public UUID trainerId;
    @Column(name = "equipment_id")
    public UUID equipmentId;
    @Column(name = "default_capacity")
    public int defaultCapacity;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
}
