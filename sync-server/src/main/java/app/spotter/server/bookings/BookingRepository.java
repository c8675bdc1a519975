package app.spotter.server.bookings;

import app.spotter.model.booking.BookingStatus;
import app.spotter.model.common.TimeRange;
import app.spotter.server.memberships.CreditEntryRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Hibernate access to bookings and the credit entries they cause. */
public final class BookingRepository {

    /** The parts of a booking that never change, read without loading the row into the session. */
    public record BookingKey(UUID slotId, UUID memberId) {
    }

    private static final List<String> SEAT_HOLDING = List.of(BookingStatus.BOOKED.name(), BookingStatus.ATTENDED.name());

    public BookingRecord find(Session session, UUID id) {
        return session.find(BookingRecord.class, id);
    }

    /**
     * Slot and member of a booking. Read as plain values so that the booking itself is first loaded
     * after the member and slot locks, and is then current.
     */
    public Optional<BookingKey> key(Session session, UUID id) {
        return session.createSelectionQuery("select b.slotId, b.memberId from BookingRecord b where b.id = :id", Object[].class)
                .setParameter("id", id).getResultStream().findFirst()
                .map(row -> new BookingKey((UUID) row[0], (UUID) row[1]));
    }

    public void insert(Session session, BookingRecord booking) {
        session.persist(booking);
    }

    /** Whether the member is booked, waitlisted or attended on the slot. */
    public boolean activeOnSlot(Session session, UUID slotId, UUID memberId) {
        return session.createSelectionQuery(
                        "select count(b) from BookingRecord b where b.slotId = :s and b.activeMemberId = :m", Long.class)
                .setParameter("s", slotId).setParameter("m", memberId).getSingleResult() > 0;
    }

    /** When the member's seat-holding bookings on other slots that touch {@code [start, end)} run. */
    public List<TimeRange> seatsHeldAround(Session session, UUID memberId, UUID exceptSlotId, Instant start, Instant end) {
        return session.createSelectionQuery("""
                        select b.startsAt, b.endsAt from BookingRecord b
                        where b.memberId = :m and b.slotId <> :s and b.status in :held
                          and b.startsAt < :end and b.endsAt > :start""", Object[].class)
                .setParameter("m", memberId).setParameter("s", exceptSlotId).setParameter("held", SEAT_HOLDING)
                .setParameter("start", start).setParameter("end", end)
                .getResultList().stream()
                .map(row -> new TimeRange((Instant) row[0], (Instant) row[1]))
                .toList();
    }

    public long maxWaitlistRank(Session session, UUID slotId) {
        Long max = session.createSelectionQuery(
                        "select max(b.waitlistRank) from BookingRecord b where b.slotId = :s", Long.class)
                .setParameter("s", slotId).getSingleResult();
        return max == null ? 0 : max;
    }

    /** The slot's waitlist, first in line first. */
    public List<BookingRecord> waitlist(Session session, UUID slotId) {
        return session.createSelectionQuery("""
                        from BookingRecord b where b.slotId = :s and b.status = 'WAITLISTED'
                        order by b.waitlistRank, b.createdAt, b.id""", BookingRecord.class)
                .setParameter("s", slotId).getResultList();
    }

    /** Booked, waitlisted and attended bookings of a slot. */
    public List<BookingRecord> activeOn(Session session, UUID slotId) {
        return session.createSelectionQuery(
                        "from BookingRecord b where b.slotId = :s and b.activeMemberId is not null order by b.createdAt, b.id",
                        BookingRecord.class)
                .setParameter("s", slotId).getResultList();
    }

    /** Every booking of a slot: seats first, then the waitlist, then the rest. */
    public List<BookingRecord> ofSlot(Session session, UUID slotId) {
        return session.createSelectionQuery("""
                        from BookingRecord b where b.slotId = :s
                        order by case b.status when 'BOOKED' then 0 when 'ATTENDED' then 0 when 'WAITLISTED' then 1 else 2 end,
                                 b.waitlistRank, b.createdAt, b.id""", BookingRecord.class)
                .setParameter("s", slotId).getResultList();
    }

    /** The member's bookings ending after {@code now} (soonest first) or, for the past, ended (latest first). */
    public List<BookingRecord> ofMember(Session session, UUID memberId, boolean upcoming, Instant now, int limit) {
        String hql = upcoming
                ? "from BookingRecord b where b.memberId = :m and b.endsAt > :now order by b.startsAt, b.id"
                : "from BookingRecord b where b.memberId = :m and b.endsAt <= :now order by b.startsAt desc, b.id";
        return session.createSelectionQuery(hql, BookingRecord.class)
                .setParameter("m", memberId).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** One ledger row for a booking: -1 when a seat is charged, +1 when it is refunded. */
    public void credit(Session session, UUID membershipId, UUID bookingId, int delta, String reason, Instant at) {
        CreditEntryRecord e = new CreditEntryRecord();
        e.id = UUID.randomUUID();
        e.membershipId = membershipId;
        e.delta = delta;
        e.reason = reason;
        e.bookingId = bookingId;
        e.createdAt = at;
        session.persist(e);
    }
}
