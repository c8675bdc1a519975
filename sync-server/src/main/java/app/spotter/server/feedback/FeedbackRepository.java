package app.spotter.server.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** Hibernate access to feedback. */
public final class FeedbackRepository {

    public void insert(Session session, FeedbackRecord f) {
        session.persist(f);
    }

    public boolean existsForBooking(Session session, UUID bookingId) {
        return session.createSelectionQuery("select count(f) from FeedbackRecord f where f.bookingId = :b", Long.class)
                .setParameter("b", bookingId).getSingleResult() > 0;
    }

    /** A feedback with the start of the class it rates. */
    public record Rated(FeedbackRecord feedback, Instant slotStartsAt) {
    }

    /** Every feedback on the slots of a session, newest class first. */
    public List<Rated> ofSession(Session session, UUID sessionId) {
        return session.createSelectionQuery("""
                        select f, t.startsAt from FeedbackRecord f, BookingRecord b, TimeSlotRecord t
                        where b.id = f.bookingId and t.id = b.slotId and t.sessionId = :s
                        order by t.startsAt desc, f.createdAt desc, f.id""", Object[].class)
                .setParameter("s", sessionId).getResultList().stream()
                .map(row -> new Rated((FeedbackRecord) row[0], (Instant) row[1]))
                .toList();
    }
}
