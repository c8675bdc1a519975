package app.spotter.server.memberships;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An upgrade or downgrade that takes effect on a date. */
@Entity
@Table(name = "membership_change")
public class MembershipChangeRecord {
    @Id
    public UUID id;
    @Column(name = "membership_id")
    public UUID membershipId;
    @Column(name = "from_plan_id")
    public UUID fromPlanId;
    @Column(name = "to_plan_id")
    public UUID toPlanId;
    @Column(name = "effective_on")
    public LocalDate effectiveOn;
    @Column(name = "applied_at")
    public Instant appliedAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
