package app.spotter.server.sync.leases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Seats of a slot held in escrow for one device's offline bookings. Changed only under the slot's
 * row lock, together with {@code time_slot.seats_leased}.
 */
@Entity
@Table(name = "seat_lease")
public class SeatLeaseRecord {
    @Id
    public UUID id;
    @Column(name = "slot_id", nullable = false)
    public UUID slotId;
    @Column(name = "device_id", nullable = false)
    public UUID deviceId;
    public int seats;
    public int used;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "returned_at")
    public Instant returnedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Whether this device can still book on it at {@code now}. */
    public boolean usableBy(UUID device, UUID slot, Instant now) {
        return deviceId.equals(device) && slotId.equals(slot) && returnedAt == null && expiresAt.isAfter(now)
                && used < seats;
    }
}
