package app.spotter.model.booking;

import app.spotter.model.common.TimeRange;
import app.spotter.model.membership.MembershipSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the booking rule looks at when a member asks for a seat.
 *
 * @param slot the class asked for
 * @param memberships all of the member's memberships
 * @param otherBookings when the member's seat-holding bookings on other slots run
 * @param alreadyOnSlot whether the member is already booked or waitlisted on this slot
 * @param wantsWaitlist whether the member accepts a waitlist place if the class is full
 * @param now the moment of the request, passed in so the rule never reads a clock
 */
public record BookingAttempt(
        SlotSnapshot slot,
        List<MembershipSnapshot> memberships,
        List<TimeRange> otherBookings,
        boolean alreadyOnSlot,
        boolean wantsWaitlist,
        Instant now) {

    /** Rejects missing parts and copies the lists, so the attempt never changes under the rule. */
    public BookingAttempt {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(now, "now");
        memberships = List.copyOf(memberships);
        otherBookings = List.copyOf(otherBookings);
    }
}
