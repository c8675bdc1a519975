package app.spotter.server.checkins;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Wrong-PIN counting for a member number that belongs to nobody: counted and locked exactly like a
 * member's own attempts, so the kiosk's lock does not tell a stranger which numbers are real.
 */
@Entity
@Table(name = "pin_attempt")
public class PinAttemptRecord {
    @Id
    @Column(name = "member_number")
    public String memberNumber;
    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;
    @Column(name = "locked_until")
    public Instant lockedUntil;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
