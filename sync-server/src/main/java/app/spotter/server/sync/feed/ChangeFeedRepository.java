package app.spotter.server.sync.feed;

import app.spotter.model.sync.SyncApi.SyncWindow;
import app.spotter.server.schedule.TimeSlotRecord;
import app.spotter.server.sync.feed.SyncedEntities.SyncedType;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

    /**
     * Changes in (after, upTo] that a device of the location sees, in position order: rows of every
     * location or of this one, and of windowed types only while their slot starts inside the window.
     */
    List<ChangeLogRecord> changes(Session session, long after, long upTo, UUID locationId, SyncWindow window, int max) {
        return session.createQuery("""
                        from ChangeLogRecord c
                        where c.position > :after and c.position <= :upTo
                          and (c.locationId is null or c.locationId = :location)
                          and (c.slotStartsAt is null or (c.slotStartsAt >= :from and c.slotStartsAt < :until))
                        order by c.position""", ChangeLogRecord.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setParameter("location", locationId)
                .setParameter("from", window.from())
                .setParameter("until", window.until())
                .setMaxResults(max)
                .getResultList();
    }

    /** The location's slots starting in [from, until), by start then id. */
    List<TimeSlotRecord> slotsStarting(Session session, UUID locationId, Instant from, Instant until, int max) {
        return session.createSelectionQuery("""
                        select t from TimeSlotRecord t join SessionRecord s on s.id = t.sessionId
                        where s.locationId = :location and t.startsAt >= :from and t.startsAt < :until
                        order by t.startsAt, t.id""", TimeSlotRecord.class)
                .setParameter("location", locationId)
                .setParameter("from", from)
                .setParameter("until", until)
                .setMaxResults(max)
                .getResultList();
    }

    /** The rows of a windowed type that belong to the given slots, by id. */
    <E> List<E> rowsOfSlots(Session session, SyncedType<E> type, Collection<UUID> slotIds) {
        if (slotIds.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery("from " + type.entity().getName() + " e where e." + type.slotField()
                        + " in :slots order by e.id", type.entity())
                .setParameter("slots", slotIds)
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

    /**
     * A page of an entity's rows ordered by id, after the given id (null: from the start); of a
     * windowed type only the rows whose slot starts inside the window.
     */
    <E> List<E> rowsAfter(Session session, SyncedType<E> type, UUID after, SyncWindow window, int max) {
        List<String> where = new ArrayList<>();
        if (after != null) {
            where.add("e.id > :after");
        }
        if (type.windowed()) {
            where.add("e." + type.slotField() + " in (select t.id from TimeSlotRecord t"
                    + " where t.startsAt >= :from and t.startsAt < :until)");
        }
        String hql = "from " + type.entity().getName() + " e" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by e.id";
        var query = session.createQuery(hql, type.entity()).setMaxResults(max);
        if (after != null) {
            query.setParameter("after", after);
        }
        if (type.windowed()) {
            query.setParameter("from", window.from()).setParameter("until", window.until());
        }
        return query.getResultList();
    }
}
