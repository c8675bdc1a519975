package app.spotter.model.api;

import app.spotter.model.booking.BookingStatus;
import app.spotter.model.common.BookingId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import java.time.OffsetDateTime;

/** Request and response records of {@code /api/v1/bookings}. */
public final class BookingsApi {

    private BookingsApi() {
    }

    /**
     * A booking request. {@code memberId} may be left out by a member booking for themselves;
     * {@code waitlist} (default false) accepts a waitlist place when the class is full.
     */
    public record NewBooking(SlotId slotId, MemberId memberId, Boolean waitlist) {
    }

    /** A booking, times in the response zone; {@code waitlistRank} only while waitlisted. */
    public record BookingView(BookingId id, SlotId slotId, MemberId memberId, String memberName, String title,
                              BookingStatus status, OffsetDateTime startsAt, OffsetDateTime endsAt, Long waitlistRank,
                              boolean creditCharged, OffsetDateTime createdAt, OffsetDateTime cancelledAt) {
    }
}
