package app.spotter.server.checkins;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry decision at a door, admitted or not; the reason is a CheckInReason name. */
@Entity
@Table(name = "check_in")
public class CheckInRecord {
    @Id
    public UUID id;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "location_id")
    public UUID locationId;
    public String method;
    public boolean admitted;
    public String reason;
    @Column(name = "on_grace")
    public boolean onGrace;
    @Column(name = "membership_id")
    public UUID membershipId;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "staff_user_id")
    public UUID staffUserId;
    @Column(name = "device_id")
    public UUID deviceId;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
