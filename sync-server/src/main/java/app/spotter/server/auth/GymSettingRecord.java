package app.spotter.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One gym-wide setting an admin toggles (e.g. {@code totp.required.admins}). */
@Entity
@Table(name = "gym_setting")
public class GymSettingRecord {
    @Id
    public String name;
    @Column(name = "setting_value", nullable = false)
    public String value;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by")
    public UUID updatedBy;
}
