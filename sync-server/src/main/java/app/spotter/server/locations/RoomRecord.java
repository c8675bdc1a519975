package app.spotter.server.locations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A room of a location. */
@Entity
@Table(name = "room")
public class RoomRecord {
    @Id
    public UUID id;
    @Column(name = "location_id")
    public UUID locationId;
    public String name;
    public Integer capacity;
}
