package app.spotter.client.booking;

import app.spotter.model.common.SlotId;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A class occurrence as the desk shows it: seats taken include pending bookings made here.
 *
 * @param leasedSeatsFree seats this desk holds in escrow and has not used yet (confirmable offline)
 */
public record SlotView(SlotId id, String title, Instant startsAt, Instant endsAt, ZoneId zone, int capacity,
                       int seatsTaken, boolean cancelled, int leasedSeatsFree) {

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }
}
