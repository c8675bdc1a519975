package app.spotter.server.sync.appliers;

import app.spotter.model.access.Permission;
import app.spotter.model.sync.OperationPayload.CancelBooking;
import app.spotter.model.sync.OperationType;
import app.spotter.server.bookings.BookingService;
import app.spotter.server.http.ApiException;
import app.spotter.server.sync.Applied;
import app.spotter.server.sync.Applying;
import app.spotter.server.sync.OperationApplier;
import org.hibernate.Session;

/** CANCEL_BOOKING: the ordinary cancellation; the freed seat goes to the waitlist in the same transaction. */
public final class CancelBookingApplier implements OperationApplier {

    private final BookingService bookings;

    public CancelBookingApplier(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public OperationType type() {
        return OperationType.CANCEL_BOOKING;
    }

    @Override
    public Permission permission() {
        return Permission.BOOKINGS_ANY;
    }

    @Override
    public Applied apply(Session session, Applying op) {
        CancelBooking p = (CancelBooking) op.payload();
        if (p.bookingId() == null) {
            throw ApiException.validation("bookingId", "bookingId is required");
        }
        bookings.cancel(op.actor(), p.bookingId(), null);
        return Applied.applied();
    }
}
