package app.spotter.server.members;

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
    public List<MemberRecord> search(Session session, String text, int limit) {
        String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return session.createSelectionQuery("""
                        from MemberRecord m
                        where lower(m.firstName) like :q or lower(m.lastName) like :q
                           or lower(concat(m.firstName, ' ', m.lastName)) like :q
                           or lower(m.email) like :q or m.phone like :q or lower(m.memberNumber) like :q
                        order by m.lastName, m.firstName, m.id""", MemberRecord.class)
                .setParameter("q", like)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The next printed member number, e.g. {@code M001042}; a database sequence keeps it unique across servers. */
    public String nextMemberNumber(Session session) {
        var dialect = ((SessionFactoryImplementor) session.getSessionFactory()).getJdbcServices().getDialect();
        String sql = dialect.getSequenceSupport().getSequenceNextValString("member_number_seq");
        Number n = (Number) session.createNativeQuery(sql, Object.class).getSingleResult();
        return "M%06d".formatted(n.longValue());
    }
}
