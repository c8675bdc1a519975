package app.spotter.server.bookings;

import app.spotter.model.access.Permission;
import app.spotter.model.api.BookingsApi.BookingView;
import app.spotter.model.booking.BookingDecision;
import app.spotter.model.booking.BookingPolicy;
import app.spotter.model.booking.BookingRefusal;
import app.spotter.model.booking.BookingRules;
import app.spotter.model.booking.BookingStatus;
import app.spotter.model.booking.Cancellation;
import app.spotter.model.common.BookingId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.members.MemberVisibility;
import app.spotter.server.members.MemberRepository;
import app.spotter.server.schedule.ScheduleRepository;
import app.spotter.server.schedule.SessionRecord;
import app.spotter.server.schedule.TimeSlotRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Booking, waitlisting and cancelling seats, decided by the shared {@link BookingRules} on
 * current state. Every seat change takes the member's row lock, then the slot's: the member lock
 * serializes one member's bookings (no overlapping seats), the slot lock serializes one slot's
 * seats (never more than the capacity). See docs/decisions/0003-no-double-booking.md.
 */
public final class BookingService {

    /** What the audit log keeps of a booking change. */
    record AuditSnapshot(String status, Long waitlistRank, boolean creditCharged) {
    }

    /** Which of a member's bookings to list. */
    public enum Scope { UPCOMING, PAST }

    private final Transactions tx;
    private final MemberRepository members;
    private final ScheduleRepository schedule;
    private final BookingRepository bookings;
    private final Seats seats;
    private final WaitlistPromotion promotion;
    private final BookingPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    public BookingService(Transactions tx, MemberRepository members, ScheduleRepository schedule,
                          BookingRepository bookings, Seats seats, WaitlistPromotion promotion, BookingPolicy policy,
                          AuditLog audit, Clock clock) {
        this.tx = tx;
        this.members = members;
        this.schedule = schedule;
        this.bookings = bookings;
        this.seats = seats;
        this.promotion = promotion;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Books a seat (or, with {@code waitlist}, a waitlist place when the slot is full) for a member.
     * A member books only for themselves; staff with BOOKINGS_ANY name the member.
     *
     * @param member the member, or null for the calling member
     * @param zone the zone of the answer's times, or null for the slot's zone
     */
    public BookingView book(Caller caller, SlotId slotId, MemberId member, boolean waitlist, ZoneId zone) {
        return book(caller, new BookingId(UUID.randomUUID()), slotId, member, waitlist, zone);
    }

    /**
     * The same with the booking's id chosen by the caller: a desk books offline under its own id, so
     * its optimistic row and the server's row are one row.
     */
    public BookingView book(Caller caller, BookingId bookingId, SlotId slotId, MemberId member, boolean waitlist,
                            ZoneId zone) {
        return book(caller, bookingId, slotId, member, waitlist, false, zone);
    }

    /**
     * Books on a seat the calling device holds in escrow (a lease): one of the slot's leased seats
     * counts as free for this booking, and becomes a taken seat. The caller has checked the lease and
     * counts it as used; the member is still judged by the shared rule (frozen, overlapping...).
     */
    public BookingView bookLeased(Caller caller, BookingId bookingId, SlotId slotId, MemberId member, ZoneId zone) {
        return book(caller, bookingId, slotId, member, false, true, zone);
    }

    private BookingView book(Caller caller, BookingId bookingId, SlotId slotId, MemberId member, boolean waitlist,
                             boolean leased, ZoneId zone) {
        if (slotId == null) {
            throw ApiException.validation("slotId", "slotId is required");
        }
        MemberId who = bookingMember(caller, member);
        return tx.inTransaction(session -> {
            Instant now = clock.instant();
            // Lock order member -> slot, the same in every booking transaction.
            MemberRecord m = members.lock(session, who.value());
            if (m == null) {
                throw ApiException.notFound("Member");
            }
            TimeSlotRecord slot = schedule.lockSlot(session, slotId.value());
            if (slot == null) {
                throw ApiException.notFound("Slot");
            }
            if (bookings.find(session, bookingId.value()) != null) {
                throw ApiException.conflict("BOOKING_EXISTS", "A booking with this id already exists");
            }
            boolean already = bookings.activeOnSlot(session, slot.id, m.id);
            BookingDecision decision = BookingRules.decide(
                    seats.attempt(session, m.id, slot, already, waitlist, now, leased ? 1 : 0), policy);
            if (decision.isRefused()) {
                throw refusal(decision.refusal());
            }
            BookingRecord b = new BookingRecord();
            b.id = bookingId.value();
            b.slotId = slot.id;
            b.memberId = m.id;
            b.startsAt = slot.startsAt;
            b.endsAt = slot.endsAt;
            b.bookedBy = caller.userId().value();
            b.createdAt = now;
            if (decision.outcome() == BookingDecision.Outcome.BOOK) {
                seats.seat(session, b, slot, decision, now);
                if (leased) {
                    slot.seatsLeased = Math.max(0, slot.seatsLeased - 1);
                }
                bookings.insert(session, b);
            } else {
                b.status = BookingStatus.WAITLISTED.name();
                b.activeMemberId = m.id;
                b.membershipId = decision.chargedMembership().value();
                b.waitlistRank = bookings.maxWaitlistRank(session, slot.id) + 1;
                bookings.insert(session, b);
            }
            audit.record(session, caller, "BOOKING_CREATED", "Booking", b.id, null,
                    new AuditSnapshot(b.status, b.waitlistRank, b.creditCharged));
            return view(session, b, slot, m, zone);
        });
    }

    /**
     * Cancels a booking: on time the credit is refunded, late it is forfeited, after the start it is
     * refused. A freed seat goes to the waitlist in the same transaction.
     */
    public BookingView cancel(Caller caller, BookingId bookingId, ZoneId zone) {
        return tx.inTransaction(session -> {
            Instant now = clock.instant();
            Locked locked = lock(session, bookingId);
            BookingRecord b = locked.booking();
            if (!caller.can(Permission.BOOKINGS_ANY) && !caller.is(new MemberId(b.memberId))) {
                throw ApiException.forbidden();
            }
            BookingStatus status = BookingStatus.valueOf(b.status);
            if (!status.isActive() || status == BookingStatus.ATTENDED) {
                throw new ApiException(409, "NOT_CANCELLABLE", "This booking is " + status + " and cannot be cancelled");
            }
            TimeSlotRecord slot = locked.slot();
            Cancellation timing = BookingRules.cancellation(slot.startsAt, now, policy);
            if (timing == Cancellation.STARTED) {
                throw refusal(BookingRefusal.SLOT_EXPIRED);
            }
            String before = b.status;
            // A waitlist place costs nothing, so leaving it is never late.
            BookingStatus after = status == BookingStatus.WAITLISTED || timing == Cancellation.TIMELY
                    ? BookingStatus.CANCELLED : BookingStatus.LATE_CANCELLED;
            seats.release(session, b, slot, after, after == BookingStatus.CANCELLED, now);
            audit.record(session, caller, "BOOKING_CANCELLED", "Booking", b.id,
                    new AuditSnapshot(before, b.waitlistRank, b.creditCharged),
                    new AuditSnapshot(b.status, b.waitlistRank, b.creditCharged));
            promotion.fill(session, slot, caller, now);
            return view(session, b, slot, locked.member(), zone);
        });
    }

    /** Marks a booked member as attended or as a no-show; a no-show no longer holds the seat. */
    public BookingView markAttendance(Caller caller, BookingId bookingId, boolean attended, ZoneId zone) {
        return tx.inTransaction(session -> {
            Instant now = clock.instant();
            Locked locked = lock(session, bookingId);
            BookingRecord b = locked.booking();
            TimeSlotRecord slot = locked.slot();
            BookingStatus status = BookingStatus.valueOf(b.status);
            if (status != BookingStatus.BOOKED && status != BookingStatus.ATTENDED && status != BookingStatus.NO_SHOW) {
                throw new ApiException(409, "NOT_BOOKED", "Only a booked member can be marked attended or no-show");
            }
            if (!attended && now.isBefore(slot.startsAt)) {
                throw new ApiException(422, "SLOT_NOT_STARTED", "A member can only be a no-show once the class has started");
            }
            BookingStatus target = attended ? BookingStatus.ATTENDED : BookingStatus.NO_SHOW;
            if (status != target) {
                if (status.holdsSeat() && !target.holdsSeat()) {
                    slot.seatsTaken = Math.max(0, slot.seatsTaken - 1);
                } else if (!status.holdsSeat() && target.holdsSeat()) {
                    slot.seatsTaken = Math.min(slot.capacity, slot.seatsTaken + 1);
                }
                b.status = target.name();
                b.activeMemberId = target.isActive() ? b.memberId : null;
                audit.record(session, caller, attended ? "BOOKING_ATTENDED" : "BOOKING_NO_SHOW", "Booking", b.id,
                        new AuditSnapshot(status.name(), b.waitlistRank, b.creditCharged),
                        new AuditSnapshot(b.status, b.waitlistRank, b.creditCharged));
            }
            return view(session, b, slot, locked.member(), zone);
        });
    }

    public BookingView booking(Caller caller, BookingId bookingId, ZoneId zone) {
        return tx.inTransaction(session -> {
            BookingRecord b = bookings.find(session, bookingId.value());
            if (b == null || !mayRead(session, caller, b.memberId)) {
                throw ApiException.notFound("Booking");
            }
            return view(session, b, schedule.slot(session, b.slotId), members.find(session, b.memberId), zone);
        });
    }

    /** A member's upcoming (soonest first) or past (latest first) bookings; members see only their own. */
    public List<BookingView> bookingsOf(Caller caller, MemberId member, Scope scope, ZoneId zone) {
        return tx.inTransaction(session -> {
            if (!mayRead(session, caller, member.value())) {
                throw MemberVisibility.hidden(caller, "Member");
            }
            MemberRecord m = members.find(session, member.value());
            if (m == null) {
                throw ApiException.notFound("Member");
            }
            return bookings.ofMember(session, m.id, scope == Scope.UPCOMING, clock.instant(), 500).stream()
                    .map(b -> view(session, b, schedule.slot(session, b.slotId), m, zone))
                    .toList();
        });
    }

    /** Who is booked, waitlisted or was on a slot. */
    public List<BookingView> bookingsOfSlot(Caller caller, SlotId slotId, ZoneId zone) {
        return tx.inTransaction(session -> {
            TimeSlotRecord slot = schedule.slot(session, slotId.value());
            if (slot == null) {
                throw ApiException.notFound("Slot");
            }
            // a slot's list of members is for those who see every member, or the slot's own trainer
            if (!caller.can(Permission.BOOKINGS_ANY)) {
                MemberVisibility.requireTaught(caller, "Slot", slot.trainerId, schedule.session(session, slot.sessionId).trainerId);
            }
            return MemberVisibility.filter(session, caller, bookings.ofSlot(session, slot.id), b -> b.memberId).stream()
                    .map(b -> view(session, b, slot, members.find(session, b.memberId), zone))
                    .toList();
        });
    }

    /** Booking for any member lets one read any member's bookings; otherwise need to know decides. */
    private static boolean mayRead(Session session, Caller caller, UUID member) {
        return caller.can(Permission.BOOKINGS_ANY) || MemberVisibility.canSee(session, caller, member);
    }

    private static MemberId bookingMember(Caller caller, MemberId member) {
        if (member != null) {
            if (!caller.is(member) && !caller.can(Permission.BOOKINGS_ANY)) {
                throw new ApiException(403, "FORBIDDEN", "Members can only book for themselves", "memberId");
            }
            return member;
        }
        if (caller.memberId().isPresent()) {
            return caller.memberId().get();
        }
        throw ApiException.validation("memberId", "memberId is required when booking for a member");
    }

    private record Locked(MemberRecord member, TimeSlotRecord slot, BookingRecord booking) {
    }

    /** Locks member then slot (the booking order), then reads the booking, current under both locks. */
    private Locked lock(Session session, BookingId bookingId) {
        var key = bookings.key(session, bookingId.value()).orElseThrow(() -> ApiException.notFound("Booking"));
        MemberRecord m = members.lock(session, key.memberId());
        TimeSlotRecord slot = schedule.lockSlot(session, key.slotId());
        return new Locked(m, slot, bookings.find(session, bookingId.value()));
    }

    static ApiException refusal(BookingRefusal r) {
        int status = switch (r) {
            case SLOT_FULL, ALREADY_BOOKED, OVERLAPPING_BOOKING -> 409;
            default -> 422;
        };
        return new ApiException(status, r.name(), r.message());
    }

    private BookingView view(Session session, BookingRecord b, TimeSlotRecord slot, MemberRecord m, ZoneId zone) {
        ZoneId z = zone != null ? zone : ZoneId.of(slot.zoneId);
        SessionRecord s = schedule.session(session, slot.sessionId);
        String name = m == null ? null : (m.firstName + " " + m.lastName).strip();
        return new BookingView(new BookingId(b.id), new SlotId(b.slotId), new MemberId(b.memberId), name, s.title,
                BookingStatus.valueOf(b.status), at(b.startsAt, z), at(b.endsAt, z), b.waitlistRank, b.creditCharged,
                at(b.createdAt, z), at(b.cancelledAt, z));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
