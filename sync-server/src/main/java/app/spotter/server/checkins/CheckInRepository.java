package app.spotter.server.checkins;

import app.spotter.server.bookings.BookingRecord;
import app.spotter.server.members.MemberRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Hibernate access to check-ins, and the member and booking facts the entry rule needs. */
public final class CheckInRepository {

    public void insert(Session session, CheckInRecord c) {
        session.persist(c);
    }

    /** When the member was last let in, anywhere. */
    public Optional<Instant> lastAdmittedAt(Session session, UUID memberId) {
        return Optional.ofNullable(session.createSelectionQuery(
                        "select max(c.decidedAt) from CheckInRecord c where c.memberId = :m and c.admitted = true", Instant.class)
                .setParameter("m", memberId).getSingleResult());
    }

    /**
     * The member's BOOKED bookings starting between {@code from} and {@code to}, soonest first;
     * with a location, only classes held there.
     */
    public List<BookingRecord> bookedBetween(Session session, UUID memberId, Instant from, Instant to, UUID locationId) {
        String hql = "select b from BookingRecord b"
                + (locationId == null ? "" : ", TimeSlotRecord t, SessionRecord s")
                + " where b.memberId = :m and b.status = 'BOOKED' and b.startsAt >= :from and b.startsAt <= :to"
                + (locationId == null ? "" : " and t.id = b.slotId and s.id = t.sessionId and s.locationId = :loc")
                + " order by b.startsAt, b.id";
        var q = session.createSelectionQuery(hql, BookingRecord.class)
                .setParameter("m", memberId).setParameter("from", from).setParameter("to", to);
        if (locationId != null) {
            q.setParameter("loc", locationId);
        }
        return q.getResultList();
    }

    /** The id of the member with this printed number, without loading (and caching) the row unlocked. */
    public Optional<UUID> memberIdByNumber(Session session, String memberNumber) {
        return Optional.ofNullable(session.createSelectionQuery(
                        "select m.id from MemberRecord m where m.memberNumber = :n", UUID.class)
                .setParameter("n", memberNumber).uniqueResult());
    }

    /** Check-ins decided in [from, to), newest first; optionally at one location. */
    public List<CheckInRecord> between(Session session, Instant from, Instant to, UUID locationId) {
        String hql = "from CheckInRecord c where c.decidedAt >= :from and c.decidedAt < :to"
                + (locationId == null ? "" : " and c.locationId = :loc")
                + " order by c.decidedAt desc, c.id desc";
        var q = session.createSelectionQuery(hql, CheckInRecord.class).setParameter("from", from).setParameter("to", to);
        if (locationId != null) {
            q.setParameter("loc", locationId);
        }
        return q.getResultList();
    }

    /** Members with a reissued card: cards below their current version are revoked. */
    public List<MemberRecord> withReissuedCards(Session session) {
        return session.createSelectionQuery("from MemberRecord m where m.cardVersion > 1 order by m.memberNumber",
                MemberRecord.class).getResultList();
    }
}
