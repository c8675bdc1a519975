package app.spotter.server.schedule;

import app.spotter.model.schedule.SlotStatus;
import app.spotter.server.auth.UserAccount;
import app.spotter.server.locations.EquipmentRecord;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/** Hibernate access to sessions and their time slots. */
public final class ScheduleRepository {

    /** A slot with the session it belongs to. */
    public record SlotRow(TimeSlotRecord slot, SessionRecord session) {
    }

    public SessionRecord session(Session session, UUID id) {
        return session.find(SessionRecord.class, id);
    }

    public List<SessionRecord> sessions(Session session, UUID trainerId) {
        String hql = "from SessionRecord s where s.deletedAt is null"
                + (trainerId == null ? "" : " and s.trainerId = :t") + " order by s.title, s.id";
        var q = session.createSelectionQuery(hql, SessionRecord.class);
        if (trainerId != null) {
            q.setParameter("t", trainerId);
        }
        return q.setMaxResults(1000).getResultList();
    }

    public TimeSlotRecord slot(Session session, UUID id) {
        return session.find(TimeSlotRecord.class, id);
    }

    /** The slot row locked for the rest of the transaction: seats and bookings of a slot change only under it. */
    public TimeSlotRecord lockSlot(Session session, UUID id) {
        return session.find(TimeSlotRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<TimeSlotRecord> slotsOf(Session session, UUID sessionId) {
        return session.createSelectionQuery("from TimeSlotRecord t where t.sessionId = :s order by t.startsAt, t.id",
                TimeSlotRecord.class).setParameter("s", sessionId).getResultList();
    }

    /** Ids of the session's scheduled slots starting after {@code now}. */
    public List<UUID> futureSlotIds(Session session, UUID sessionId, Instant now) {
        return session.createSelectionQuery("""
                        select t.id from TimeSlotRecord t
                        where t.sessionId = :s and t.status = :st and t.startsAt > :now order by t.startsAt, t.id""",
                        UUID.class)
                .setParameter("s", sessionId).setParameter("st", SlotStatus.SCHEDULED.name()).setParameter("now", now)
                .getResultList();
    }

    /** Slots running at some point in {@code [from, to)}, optionally of one location or one session. */
    public List<SlotRow> slotsBetween(Session session, Instant from, Instant to, UUID locationId, UUID sessionId, int limit) {
        String hql = "select t, s from TimeSlotRecord t join SessionRecord s on s.id = t.sessionId"
                + " where t.startsAt < :to and t.endsAt > :from"
                + (locationId == null ? "" : " and s.locationId = :loc")
                + (sessionId == null ? "" : " and t.sessionId = :sid")
                + " order by t.startsAt, t.id";
        var q = session.createSelectionQuery(hql, Object[].class).setParameter("from", from).setParameter("to", to);
        if (locationId != null) {
            q.setParameter("loc", locationId);
        }
        if (sessionId != null) {
            q.setParameter("sid", sessionId);
        }
        return q.setMaxResults(limit).getResultList().stream()
                .map(row -> new SlotRow((TimeSlotRecord) row[0], (SessionRecord) row[1]))
                .toList();
    }

    /** How many members wait on each of the slots. */
    public Map<UUID, Integer> waitlistLengths(Session session, Collection<UUID> slotIds) {
        Map<UUID, Integer> out = new HashMap<>();
        if (slotIds.isEmpty()) {
            return out;
        }
        session.createSelectionQuery("""
                        select b.slotId, count(b) from BookingRecord b
                        where b.slotId in :ids and b.status = 'WAITLISTED' group by b.slotId""", Object[].class)
                .setParameter("ids", slotIds).getResultList()
                .forEach(row -> out.put((UUID) row[0], ((Number) row[1]).intValue()));
        return out;
    }

    /**
     * Locks the trainer's login row: every slot change of one trainer queues behind it, so the
     * overlap check that follows cannot race another transaction's insert.
     */
    public UserAccount lockTrainer(Session session, UUID trainerId) {
        return session.find(UserAccount.class, trainerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locks the machine's row, for the same reason as {@link #lockTrainer}. */
    public EquipmentRecord lockEquipment(Session session, UUID equipmentId) {
        return session.find(EquipmentRecord.class, equipmentId, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean trainerBusy(Session session, UUID trainerId, Instant start, Instant end) {
        return overlapping(session, "trainerId", trainerId, start, end);
    }

    public boolean equipmentBusy(Session session, UUID equipmentId, Instant start, Instant end) {
        return overlapping(session, "equipmentId", equipmentId, start, end);
    }

    private boolean overlapping(Session session, String column, UUID id, Instant start, Instant end) {
        return session.createSelectionQuery("select count(t) from TimeSlotRecord t where t." + column + " = :id"
                                + " and t.status = :st and t.startsAt < :end and t.endsAt > :start", Long.class)
                .setParameter("id", id).setParameter("st", SlotStatus.SCHEDULED.name())
                .setParameter("start", start).setParameter("end", end)
                .getSingleResult() > 0;
    }
}
