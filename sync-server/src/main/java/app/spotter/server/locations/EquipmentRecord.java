package app.spotter.server.locations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A bookable machine of a location. */
@Entity
@Table(name = "equipment")
public class EquipmentRecord {
    @Id
    public UUID id;
    @Column(name = "location_id")
    public UUID locationId;
    public String name;
}
