package app.spotter.server.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One occurrence of a session: UTC instants plus the zone it was planned in. {@code seatsTaken} counts seat-holding bookings and only changes under the slot's row lock, like {@code seatsLeased}. */
@Entity
@Table(name = "time_slot")
public class TimeSlotRecord {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "zone_id")
    public String zoneId;
    public int capacity;
    @Column(name = "seats_taken")
    public int seatsTaken;
    /** Seats held by devices' unexpired leases, not used yet: taken for every other booking. */
    @Column(name = "seats_leased")
    public int seatsLeased;
    @Column(name = "trainer_id")
    public UUID trainerId;
    @Column(name = "equipment_id")
    public UUID equipmentId;
    @Column(name = "room_id")
    public UUID roomId;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
}
