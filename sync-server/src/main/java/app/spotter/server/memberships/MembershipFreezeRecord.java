package app.spotter.server.memberships;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A freeze of a membership, both dates inclusive. */
@Entity
@Table(name = "membership_freeze")
public class MembershipFreezeRecord {
    @Id
    public UUID id;
    @Column(name = "membership_id")
    public UUID membershipId;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "created_at")
    public Instant createdAt;
}
