package app.spotter.server.bookings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A member's booking of a slot. {@code activeMemberId} equals memberId while active, null after, so the unique key allows re-booking after a cancel. */
@Entity
@Table(name = "booking")
public class BookingRecord {
    @Id
    public UUID id;
    @Column(name = "slot_id")
    public UUID slotId;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "active_member_id")
    public UUID activeMemberId;
    public String status;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "waitlist_rank")
    public Long waitlistRank;
    @Column(name = "membership_id")
    public UUID membershipId;
    @Column(name = "credit_charged")
    public boolean creditCharged;
    @Column(name = "booked_by")
    public UUID bookedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
