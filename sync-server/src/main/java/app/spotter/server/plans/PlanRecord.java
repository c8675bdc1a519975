package app.spotter.server.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A membership plan as stored; {@code kind} is a {@link app.spotter.model.membership.PlanKind} name. */
@Entity
@Table(name = "plan")
public class PlanRecord {
    @Id
    public UUID id;
    public String name;
    public String kind;
    @Column(name = "price_minor")
    public long priceMinor;
    public String currency;
    public Integer credits;
    @Column(name = "duration_days")
    public Integer durationDays;
    public boolean active;
    /** The gym's free trial: public registration puts new members on it (at most one plan is marked). */
    @Column(name = "free_trial")
    public boolean freeTrial;
    @Column(name = "created_at")
    public Instant createdAt;
}
