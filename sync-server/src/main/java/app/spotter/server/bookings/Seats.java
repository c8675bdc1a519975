package app.spotter.server.bookings;

import app.spotter.model.booking.BookingAttempt;
import app.spotter.model.booking.BookingDecision;
import app.spotter.model.booking.BookingStatus;
import app.spotter.model.booking.SlotSnapshot;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.TimeRange;
import app.spotter.model.schedule.SlotStatus;
import app.spotter.server.memberships.MembershipRepository;
import app.spotter.server.memberships.MembershipSnapshots;
import app.spotter.server.schedule.LeasedSeats;
import app.spotter.server.schedule.TimeSlotRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Taking and giving back a slot's seats. Callers hold the member's and the slot's row locks, so
 * the state read here is current and {@code seats_taken} moves together with the bookings.
 */
public final class Seats {

    static final String CHARGE = "BOOKING";
    static final String REFUND = "CANCEL_REFUND";

    private final BookingRepository bookings;
    private final MembershipRepository memberships;
    private final MembershipSnapshots snapshots;

    public Seats(BookingRepository bookings, MembershipRepository memberships, MembershipSnapshots snapshots) {
        this.bookings = bookings;
        this.memberships = memberships;
        this.snapshots = snapshots;
    }

    /** What the shared booking rule needs, read from the current (locked) state. */
    BookingAttempt attempt(Session session, UUID memberId, TimeSlotRecord slot, boolean alreadyOnSlot,
                           boolean wantsWaitlist, Instant now) {
        return attempt(session, memberId, slot, alreadyOnSlot, wantsWaitlist, now, 0);
    }

    /**
     * The same, with {@code ownLeasedSeats} of the slot's leased seats counted as free: they are held by
     * the device whose leased booking is being decided. Expired leases give their seats back first.
     */
    BookingAttempt attempt(Session session, UUID memberId, TimeSlotRecord slot, boolean alreadyOnSlot,
                           boolean wantsWaitlist, Instant now, int ownLeasedSeats) {
        LeasedSeats.releaseExpired(session, slot, now);
        MemberId member = new MemberId(memberId);
        int taken = slot.seatsTaken + Math.max(0, slot.seatsLeased - ownLeasedSeats);
        SlotSnapshot snapshot = new SlotSnapshot(new SlotId(slot.id), new TimeRange(slot.startsAt, slot.endsAt),
                ZoneId.of(slot.zoneId), slot.capacity, taken, SlotStatus.CANCELLED.name().equals(slot.status));
        return new BookingAttempt(snapshot, snapshots.current(session, member),
                bookings.seatsHeldAround(session, memberId, slot.id, slot.startsAt, slot.endsAt),
                alreadyOnSlot, wantsWaitlist, now);
    }

    /** Gives the booking a seat under the decided membership, charging a credit if the rule says so. */
    void seat(Session session, BookingRecord booking, TimeSlotRecord slot, BookingDecision decision, Instant now) {
        booking.status = BookingStatus.BOOKED.name();
        booking.activeMemberId = booking.memberId;
        booking.waitlistRank = null;
        booking.membershipId = decision.chargedMembership().value();
        booking.creditCharged = decision.consumesCredit();
        slot.seatsTaken++;
        if (decision.consumesCredit()) {
            bookings.credit(session, booking.membershipId, booking.id, -1, CHARGE, now);
        }
    }

    /**
     * Ends an active booking with the given status: frees its seat if it held one and refunds the
     * credit when {@code refund} is set and one was charged.
     */
    void release(Session session, BookingRecord booking, TimeSlotRecord slot, BookingStatus status, boolean refund,
                 Instant now) {
        if (BookingStatus.valueOf(booking.status).holdsSeat()) {
            slot.seatsTaken = Math.max(0, slot.seatsTaken - 1);
        }
        if (refund && booking.creditCharged && booking.membershipId != null) {
            bookings.credit(session, booking.membershipId, booking.id, +1, REFUND, now);
        }
        booking.status = status.name();
        booking.activeMemberId = null;
        booking.cancelledAt = now;
    }
}
