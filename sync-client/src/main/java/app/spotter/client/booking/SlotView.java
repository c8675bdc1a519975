package app.spotter.client.booking;

import app.spotter.model.common.SlotId;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A class occurrence as the desk shows it: seats taken include pending bookings made here.
 *
 * @param leasedSeatsFree seats this desk holds in escrow and has not used yet (confirmable offline)
 * @param kind what the slot is for: CLASS, PERSONAL_TRAINING or EQUIPMENT (the session's kind)
 */
public record SlotView(SlotId id, String title, Instant startsAt, Instant endsAt, ZoneId zone, int capacity,
                       int seatsTaken, boolean cancelled, int leasedSeatsFree, String kind) {

    /** A class (the kind most slots are). */
    public SlotView(SlotId id, String title, Instant startsAt, Instant endsAt, ZoneId zone, int capacity,
                    int seatsTaken, boolean cancelled, int leasedSeatsFree) {
        this(id, title, startsAt, endsAt, zone, capacity, seatsTaken, cancelled, leasedSeatsFree, "CLASS");
    }

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }
}
