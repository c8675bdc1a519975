package app.spotter.server.feedback;

import app.spotter.model.api.FeedbackApi.FeedbackView;
import app.spotter.model.api.FeedbackApi.NewFeedback;
import app.spotter.model.api.FeedbackApi.SessionFeedback;
import app.spotter.model.booking.BookingStatus;
import app.spotter.model.common.MemberId;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.bookings.BookingRecord;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.members.MemberVisibility;
import app.spotter.server.schedule.SessionRecord;
import app.spotter.server.schedule.TimeSlotRecord;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Members rate the classes they attended; staff read the ratings of a session. */
public final class FeedbackService {

    public static final int MAX_COMMENT = 2000;

    private final Transactions tx;
    private final FeedbackRepository feedback;
    private final AuditLog audit;
    private final Clock clock;

    public FeedbackService(Transactions tx, FeedbackRepository feedback, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.feedback = feedback;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the caller's rating of a booking: only their own booking (403), only once it was
     * ATTENDED (422 NOT_ATTENDED), only once per booking (409 FEEDBACK_EXISTS).
     *
     * @param responseZone the zone to answer in; null for the class's zone
     */
    public FeedbackView give(Caller caller, NewFeedback r, ZoneId responseZone) {
        UUID bookingId = bookingId(r.bookingId());
        if (r.rating() == null || r.rating() < 1 || r.rating() > 5) {
            throw ApiException.validation("rating", "rating must be a whole number from 1 to 5");
        }
        String comment = r.comment() == null || r.comment().isBlank() ? null : r.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw ApiException.validation("comment", "comment must be at most " + MAX_COMMENT + " characters");
        }
        return tx.inTransaction(session -> {
            // Locked so two submissions of the same booking meet here, not at the unique key.
            BookingRecord b = session.find(BookingRecord.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
            if (b == null) {
                throw new ApiException(404, "NOT_FOUND", "Booking not found", "bookingId");
            }
            if (!caller.is(new MemberId(b.memberId))) {
                throw new ApiException(403, "FORBIDDEN", "Only the member who attended can rate this class", "bookingId");
            }
            if (!BookingStatus.ATTENDED.name().equals(b.status)) {
                throw new ApiException(422, "NOT_ATTENDED", "Only an attended class can be rated", "bookingId");
            }
            if (feedback.existsForBooking(session, bookingId)) {
                throw ApiException.conflict("FEEDBACK_EXISTS", "This class was already rated");
            }
            FeedbackRecord f = new FeedbackRecord();
            f.id = UUID.randomUUID();
            f.bookingId = bookingId;
            f.memberId = b.memberId;
            f.rating = r.rating();
            f.comment = comment;
            f.createdAt = clock.instant();
            feedback.insert(session, f);
            audit.record(session, caller, "FEEDBACK_GIVEN", "Feedback", f.id, null,
                    new FeedbackAudit(f.bookingId, f.memberId, f.rating, f.comment));
            TimeSlotRecord slot = session.find(TimeSlotRecord.class, b.slotId);
            ZoneId zone = responseZone != null ? responseZone : ZoneId.of(slot.zoneId);
            return view(f, slot.startsAt, zone);
        });
    }

    /** The ratings of every class of a session, with their average (need to know: {@link MemberVisibility}). */
    public SessionFeedback ofSession(Caller caller, UUID sessionId, ZoneId responseZone, ZoneId fallbackZone) {
        return tx.inTransaction(session -> {
            SessionRecord offering = session.find(SessionRecord.class, sessionId);
            if (offering == null) {
                throw ApiException.notFound("Session");
            }
            // ratings name their members: a trainer reads those of their own sessions only
            MemberVisibility.requireTaught(caller, "Session", offering.trainerId);
            ZoneId zone = responseZone != null ? responseZone : fallbackZone;
            List<FeedbackRepository.Rated> rated = feedback.ofSession(session, sessionId);
            List<FeedbackView> views = rated.stream().map(x -> view(x.feedback(), x.slotStartsAt(), zone)).toList();
            Double average = views.isEmpty() ? null
                    : Math.round(views.stream().mapToInt(FeedbackView::rating).average().orElse(0) * 100) / 100.0;
            return new SessionFeedback(sessionId.toString(), views.size(), average, views);
        });
    }

    private static FeedbackView view(FeedbackRecord f, Instant slotStartsAt, ZoneId zone) {
        return new FeedbackView(f.id.toString(), f.bookingId.toString(), f.memberId.toString(), f.rating, f.comment,
                OffsetDateTime.ofInstant(slotStartsAt, zone), OffsetDateTime.ofInstant(f.createdAt, zone));
    }

    private static UUID bookingId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.validation("bookingId", "bookingId is required");
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("bookingId", "'" + raw + "' is not a valid id");
        }
    }

    record FeedbackAudit(UUID bookingId, UUID memberId, int rating, String comment) {
    }
}
