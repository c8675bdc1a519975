package app.spotter.server.memberships;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of a membership's credit ledger: +N when a pack is sold, -1 per booking or visit, +1 on a timely cancel. */
@Entity
@Table(name = "credit_entry")
public class CreditEntryRecord {
    @Id
    public UUID id;
    @Column(name = "membership_id")
    public UUID membershipId;
    public int delta;
    public String reason;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "check_in_id")
    public UUID checkInId;
    @Column(name = "created_at")
    public Instant createdAt;
}
