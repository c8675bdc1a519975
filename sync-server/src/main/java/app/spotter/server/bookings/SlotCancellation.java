package app.spotter.server.bookings;

import app.spotter.model.booking.BookingStatus;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.schedule.TimeSlotRecord;
import java.time.Instant;
import org.hibernate.Session;

/** When the studio cancels a slot, every active booking on it is cancelled and its credit refunded. */
public final class SlotCancellation {

    private final BookingRepository bookings;
    private final Seats seats;
    private final AuditLog audit;

    public SlotCancellation(BookingRepository bookings, Seats seats, AuditLog audit) {
        this.bookings = bookings;
        this.seats = seats;
        this.audit = audit;
    }

    /** Cancels the bookings of a slot the caller has locked; returns how many were cancelled. */
    public int cancelBookingsOf(Session session, TimeSlotRecord slot, Caller caller, Instant now) {
        int cancelled = 0;
        for (BookingRecord b : bookings.activeOn(session, slot.id)) {
            String before = b.status;
            seats.release(session, b, slot, BookingStatus.CANCELLED, true, now);
            audit.record(session, caller, "BOOKING_CANCELLED_BY_STUDIO", "Booking", b.id,
                    new BookingService.AuditSnapshot(before, b.waitlistRank, b.creditCharged),
                    new BookingService.AuditSnapshot(b.status, b.waitlistRank, b.creditCharged));
            cancelled++;
        }
        return cancelled;
    }
}
