package app.spotter.server.bookings;

import app.spotter.model.booking.BookingDecision;
import app.spotter.model.booking.BookingPolicy;
import app.spotter.model.booking.BookingRules;
import app.spotter.model.schedule.SlotStatus;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.members.MemberRepository;
import app.spotter.server.schedule.LeasedSeats;
import app.spotter.server.schedule.TimeSlotRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Fills freed seats from the waitlist in the transaction that freed them, so a seat is never
 * left empty while someone waits for it. Each candidate is judged again by the shared booking
 * rule on current state: one whose membership froze, ran out of credits or who booked something
 * at the same time meanwhile stays on the waitlist and the next in line gets the seat.
 */
public final class WaitlistPromotion {

    private final MemberRepository members;
    private final BookingRepository bookings;
    private final Seats seats;
    private final BookingPolicy policy;
    private final AuditLog audit;

    public WaitlistPromotion(MemberRepository members, BookingRepository bookings, Seats seats, BookingPolicy policy,
                             AuditLog audit) {
        this.members = members;
        this.bookings = bookings;
        this.seats = seats;
        this.policy = policy;
        this.audit = audit;
    }

    /**
     * Promotes waitlisted members of the slot, in rank order, while seats are free. The caller
     * holds the slot's row lock; each candidate's member row is locked before they are judged
     * (slot before member here, the opposite of booking: a resulting deadlock is retried by
     * {@link app.spotter.server.db.Transactions}).
     *
     * @return the promoted bookings
     */
    public List<BookingRecord> fill(Session session, TimeSlotRecord slot, Caller caller, Instant now) {
        List<BookingRecord> promoted = new ArrayList<>();
        if (!SlotStatus.SCHEDULED.name().equals(slot.status)) {
            return promoted;
        }
        LeasedSeats.releaseExpired(session, slot, now);
        for (BookingRecord candidate : bookings.waitlist(session, slot.id)) {
            // seats leased to desks are taken too
            if (slot.seatsTaken + slot.seatsLeased >= slot.capacity) {
                break;
            }
            members.lock(session, candidate.memberId);
            BookingDecision decision = BookingRules.decide(
                    seats.attempt(session, candidate.memberId, slot, false, false, now), policy);
            if (decision.outcome() != BookingDecision.Outcome.BOOK) {
                continue; // not eligible right now: keeps the waitlist place, the next in line is asked
            }
            Long rank = candidate.waitlistRank;
            seats.seat(session, candidate, slot, decision, now);
            audit.record(session, caller, "BOOKING_PROMOTED", "Booking", candidate.id,
                    new BookingService.AuditSnapshot("WAITLISTED", rank, false),
                    new BookingService.AuditSnapshot(candidate.status, null, candidate.creditCharged));
            promoted.add(candidate);
        }
        return promoted;
    }
}
