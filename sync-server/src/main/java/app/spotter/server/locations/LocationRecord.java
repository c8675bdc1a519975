package app.spotter.server.locations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A club location with the zone its schedule lives in. */
@Entity
@Table(name = "location")
public class LocationRecord {
    @Id
    public UUID id;
    public String name;
    @Column(name = "zone_id")
    public String zoneId;
    @Column(name = "created_at")
    public Instant createdAt;
}
