package app.spotter.model.api;

import java.time.OffsetDateTime;
import java.util.List;

/** Request and response records of {@code /api/v1/feedback}. */
public final class FeedbackApi {

    private FeedbackApi() {
    }

    /** A member rates an attended class: rating 1-5, comment at most 2000 characters. */
    public record NewFeedback(String bookingId, Integer rating, String comment) {
    }

    public record FeedbackView(String id, String bookingId, String memberId, int rating, String comment,
                               OffsetDateTime slotStartsAt, OffsetDateTime createdAt) {
    }

    /** Every rating of a session's classes; {@code averageRating} is null while there is none. */
    public record SessionFeedback(String sessionId, int count, Double averageRating, List<FeedbackView> entries) {
    }
}
