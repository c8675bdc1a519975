package app.spotter.server.sync.feed;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** Queries of the change feed and of synced entities for snapshots. */
public final class ChangeFeedRepository {

    /** The feed's counter as committed now: the last position and the oldest position kept. */
    record Counter(long position, long oldestRetained) {
    }

    /** A fresh read of the counter (a query, never the session's cached entity). */
    Counter counter(Session session) {
        Object[] row = session.createQuery(
                        "select c.position, c.oldestRetained from FeedCounterRecord c where c.id = :id", Object[].class)
                .setParameter("id", FeedCounterRecord.ID)
                .getSingleResult();
        return new Counter((Long) row[0], (Long) row[1]);
    }

    FeedCounterRecord lockCounter(Session session) {
        return session.find(FeedCounterRecord.class, FeedCounterRecord.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Changes in (after, upTo] that a device of the location sees, in position order. */
    List<ChangeLogRecord> changes(Session session, long after, long upTo, UUID locationId, int max) {
        return session.createQuery("""
                        from ChangeLogRecord c
                        where c.position > :after and c.position <= :upTo
                          and (c.locationId is null or c.locationId = :location)
                        order by c.position""", ChangeLogRecord.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setParameter("location", locationId)
                .setMaxResults(max)
                .getResultList();
    }

    /** The highest position committed before the instant, or null. */
    Long lastPositionBefore(Session session, Instant instant) {
        return session.createQuery("select max(c.position) from ChangeLogRecord c where c.committedAt < :t", Long.class)
                .setParameter("t", instant)
                .getSingleResult();
    }

    int deleteUpTo(Session session, long position) {
        return session.createMutationQuery("delete from ChangeLogRecord c where c.position <= :p")
                .setParameter("p", position)
                .executeUpdate();
    }

    /** A page of an entity's rows ordered by id, after the given id (null: from the start). */
    <E> List<E> rowsAfter(Session session, Class<E> entity, UUID after, int max) {
        String hql = "from " + entity.getName() + " e" + (after == null ? "" : " where e.id > :after") + " order by e.id";
        var query = session.createQuery(hql, entity).setMaxResults(max);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }
}
