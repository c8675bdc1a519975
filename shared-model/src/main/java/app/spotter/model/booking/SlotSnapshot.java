package app.spotter.model.booking;

import app.spotter.model.common.SlotId;
import app.spotter.model.common.TimeRange;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the booking rule needs to know about one class occurrence.
 *
 * @param id the slot
 * @param range when it runs
 * @param zone the studio's zone, which decides the slot's calendar day
 * @param capacity how many seats it has; not negative
 * @param seatsTaken how many seats are held; not negative, and may exceed the capacity after
 *     staff squeeze someone in
 * @param cancelled whether the studio cancelled it
 */
public record SlotSnapshot(SlotId id, TimeRange range, ZoneId zone, int capacity, int seatsTaken, boolean cancelled) {

    /**
     * Validates the snapshot.
     *
     * @throws IllegalArgumentException if the capacity or the seats taken are negative
     */
    public SlotSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(zone, "zone");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        if (seatsTaken < 0) {
            throw new IllegalArgumentException("seatsTaken must not be negative: " + seatsTaken);
        }
    }

    /** The seats still free; never negative, even when the class is overbooked. */
    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }

    /** The studio's calendar day of the start, the day memberships are judged on. */
    public LocalDate localDate() {
        return range.in(zone).localDate();
    }
}
