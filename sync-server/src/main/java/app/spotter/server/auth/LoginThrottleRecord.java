package app.spotter.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Recent failures of one subject: {@code account:<e-mail>}, {@code device:<id>} or {@code address:<ip>}. */
@Entity
@Table(name = "login_throttle")
public class LoginThrottleRecord {
    @Id
    public String subject;
    @Column(nullable = false)
    public int failures;
    @Column(name = "last_failure_at", nullable = false)
    public Instant lastFailureAt;
    @Column(name = "blocked_until")
    public Instant blockedUntil;
    @Column(name = "locked_until")
    public Instant lockedUntil;
}
