package app.spotter.server.memberships;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member on a plan. {@code status} is a {@link app.spotter.model.membership.MembershipStatus} name; credits live in the ledger. */
@Entity
@Table(name = "membership")
public class MembershipRecord {
    @Id
    public UUID id;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "plan_id")
    public UUID planId;
    public String status;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "version_vector")
    public String versionVector;
    @Column(name = "created_at")
    public Instant createdAt;
}
