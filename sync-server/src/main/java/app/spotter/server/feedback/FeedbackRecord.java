package app.spotter.server.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A member's rating (1-5) and comment on an attended class. */
@Entity
@Table(name = "feedback")
public class FeedbackRecord {
    @Id
    public UUID id;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "member_id")
    public UUID memberId;
    public int rating;
    public String comment;
    @Column(name = "created_at")
    public Instant createdAt;
}
