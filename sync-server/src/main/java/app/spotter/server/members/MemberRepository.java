package app.spotter.server.members;

import app.spotter.server.bookings.BookingRecord;
import app.spotter.server.checkins.CheckInRecord;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Hibernate access to members. */
public final class MemberRepository {

    public MemberRecord find(Session session, UUID id) {
        return session.find(MemberRecord.class, id);
    }

    public MemberRecord lock(Session session, UUID id) {
        return session.find(MemberRecord.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    public void insert(Session session, MemberRecord m) {
        session.persist(m);
    }

    public MemberRecord byNumber(Session session, String number) {
        return session.createSelectionQuery("from MemberRecord m where m.memberNumber = :n", MemberRecord.class)
                .setParameter("n", number).uniqueResult();
    }

    /** Name, phone, e-mail or member number, case-insensitive, at most {@code limit} rows. */
    public List<MemberRecord> search(Session session, String text, int limit, app.spotter.server.auth.Caller caller) {
        String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
        String scope = MemberVisibility.scopeCondition(caller, "m.id");
        var query = session.createSelectionQuery("""
                        from MemberRecord m
                        where (lower(m.firstName) like :q or lower(m.lastName) like :q
                           or lower(concat(m.firstName, ' ', m.lastName)) like :q
                           or lower(m.email) like :q or m.phone like :q or lower(m.memberNumber) like :q)
                        """ + (scope == null ? "" : " and " + scope) + """
                         order by m.lastName, m.firstName, m.id""", MemberRecord.class)
                .setParameter("q", like)
                .setMaxResults(limit);
        MemberVisibility.bindScope(query, caller);
        return query.getResultList();
    }

    /** The next printed member number, e.g. {@code M001042}; a database sequence keeps it unique across servers. */
    public String nextMemberNumber(Session session) {
        var dialect = ((SessionFactoryImplementor) session.getSessionFactory()).getJdbcServices().getDialect();
        String sql = dialect.getSequenceSupport().getSequenceNextValString("member_number_seq");
        Number n = (Number) session.createNativeQuery(sql, Object.class).getSingleResult();
        return "M%06d".formatted(n.longValue());
    }

    /** A check-in with the zone of its location (null when it has none). */
    public record CheckInRow(CheckInRecord checkIn, String zoneId) {
    }

    /** A booking with its slot's title and zone. */
    public record BookingRow(BookingRecord booking, String title, String zoneId) {
    }

    /** The member's check-ins, newest first. */
    public List<CheckInRow> checkIns(Session session, UUID memberId, int limit) {
        return session.createSelectionQuery("""
                        select c, l.zoneId from CheckInRecord c left join LocationRecord l on l.id = c.locationId
                        where c.memberId = :m order by c.decidedAt desc, c.id""", Object[].class)
                .setParameter("m", memberId).setMaxResults(limit).getResultList().stream()
                .map(row -> new CheckInRow((CheckInRecord) row[0], (String) row[1])).toList();
    }

    /** The member's bookings with their slot's title, newest slot first. */
    public List<BookingRow> bookings(Session session, UUID memberId, int limit) {
        return session.createSelectionQuery("""
                        select b, s.title, t.zoneId from BookingRecord b
                        join TimeSlotRecord t on t.id = b.slotId join SessionRecord s on s.id = t.sessionId
                        where b.memberId = :m order by b.startsAt desc, b.id""", Object[].class)
                .setParameter("m", memberId).setMaxResults(limit).getResultList().stream()
                .map(row -> new BookingRow((BookingRecord) row[0], (String) row[1], (String) row[2])).toList();
    }
}
