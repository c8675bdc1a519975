package app.spotter.server.sync.appliers;

import app.spotter.model.access.Permission;
import app.spotter.model.api.BookingsApi.BookingView;
import app.spotter.model.booking.BookingRefusal;
import app.spotter.model.booking.BookingStatus;
import app.spotter.model.sync.OperationPayload.BookSeat;
import app.spotter.model.sync.OperationType;
import app.spotter.model.sync.SyncApi.ConflictKind;
import app.spotter.server.bookings.BookingService;
import app.spotter.server.conflicts.ConflictService;
import app.spotter.server.http.ApiException;
import app.spotter.server.members.MemberRepository;
import app.spotter.server.schedule.LeasedSeats;
import app.spotter.server.schedule.ScheduleRepository;
import app.spotter.server.schedule.TimeSlotRecord;
import app.spotter.server.sync.Applied;
import app.spotter.server.sync.Applying;
import app.spotter.server.sync.OperationApplier;
import app.spotter.server.sync.leases.SeatLeaseRecord;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * BOOK. On a usable lease of this device the seat is the lease's: the booking is seated even when
 * the slot filled up online meanwhile. The member is still judged by the shared rule (a frozen or
 * double-booked member is refused: the lease guarantees a seat, not the member's eligibility).
 * Without a lease (or on one that lapsed) the booking was tentative and is decided like any other;
 * a refusal becomes a conflict for the manager, because the desk showed it tentatively:
 * LEASE_EXPIRED_OFFLINE when a lapsed lease met a full slot, else TENTATIVE_BOOKING_LOST.
 */
public final class BookSeatApplier implements OperationApplier {

    private static final Set<String> BOOKING_REFUSALS = Arrays.stream(BookingRefusal.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final BookingService bookings;
    private final MemberRepository members;
    private final ScheduleRepository schedule;
    private final ConflictService conflicts;
    private final Clock clock;

    public BookSeatApplier(BookingService bookings, MemberRepository members, ScheduleRepository schedule,
                           ConflictService conflicts, Clock clock) {
        this.bookings = bookings;
        this.members = members;
        this.schedule = schedule;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    @Override
    public OperationType type() {
        return OperationType.BOOK;
    }

    @Override
    public Permission permission() {
        return Permission.BOOKINGS_ANY;
    }

    @Override
    public Applied apply(Session session, Applying op) {
        BookSeat p = (BookSeat) op.payload();
        require(p);
        if (p.leaseId() != null) {
            // the booking lock order: member, then slot; BookingService takes the same locks again
            if (members.lock(session, p.memberId().value()) == null) {
                throw ApiException.notFound("Member");
            }
            TimeSlotRecord slot = schedule.lockSlot(session, p.slotId().value());
            if (slot == null) {
                throw ApiException.notFound("Slot");
            }
            Instant now = clock.instant();
            LeasedSeats.releaseExpired(session, slot, now);
            SeatLeaseRecord lease = session.find(SeatLeaseRecord.class, p.leaseId(), LockModeType.PESSIMISTIC_WRITE);
            if (lease != null) {
                session.refresh(lease);
            }
            if (lease != null && lease.usableBy(op.device().deviceId().value(), slot.id, now)) {
                bookings.bookLeased(op.actor(), p.bookingId(), p.slotId(), p.memberId(), null);
                lease.used++;
                return Applied.applied();
            }
        }
        BookingView view = bookings.book(op.actor(), p.bookingId(), p.slotId(), p.memberId(), p.waitlist(), null);
        return view.status() == BookingStatus.WAITLISTED ? Applied.waitlisted() : Applied.applied();
    }

    @Override
    public Applied refused(Session session, Applying op, ApiException refusal) {
        if (!BOOKING_REFUSALS.contains(refusal.code())) {
            return Applied.rejected(refusal.code());
        }
        BookSeat p = (BookSeat) op.payload();
        boolean leaseLapsed = p.leaseId() != null && BookingRefusal.SLOT_FULL.name().equals(refusal.code());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("bookingId", p.bookingId().toString());
        facts.put("slotId", p.slotId().toString());
        facts.put("memberId", p.memberId().toString());
        facts.put("refusal", refusal.code());
        facts.put("leaseId", p.leaseId() == null ? null : p.leaseId().toString());
        facts.put("deviceId", op.device().deviceId().toString());
        var id = conflicts.raise(session, leaseLapsed ? ConflictKind.LEASE_EXPIRED_OFFLINE
                : ConflictKind.TENTATIVE_BOOKING_LOST, "Booking", p.bookingId(), facts, op.operation().opId(),
                op.device().deviceId());
        return Applied.conflict(id, leaseLapsed ? ConflictKind.LEASE_EXPIRED_OFFLINE.name() : refusal.code());
    }

    private static void require(BookSeat p) {
        if (p.bookingId() == null) {
            throw ApiException.validation("bookingId", "bookingId is required");
        }
        if (p.slotId() == null) {
            throw ApiException.validation("slotId", "slotId is required");
        }
        if (p.memberId() == null) {
            throw ApiException.validation("memberId", "memberId is required");
        }
    }
}
