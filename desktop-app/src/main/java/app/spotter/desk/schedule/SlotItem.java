package app.spotter.desk.schedule;

import app.spotter.client.booking.BookingView;
import app.spotter.client.booking.SlotView;

/**
 * One row of the day list.
 *
 * @param memberBooking the chosen member's booking on this slot (active, pending or refused), null when none
 * @param pendingBookings bookings or cancellations on this slot still waiting for the server
 */
public record SlotItem(SlotView slot, BookingView memberBooking, int pendingBookings) {

    public double fill() {
        return slot.capacity() == 0 ? 1 : Math.min(1, slot.seatsTaken() / (double) slot.capacity());
    }

    public boolean full() {
        return slot.seatsLeft() == 0;
    }

    public boolean memberHoldsPlace() {
        return memberBooking != null && memberBooking.isActive();
    }
}
