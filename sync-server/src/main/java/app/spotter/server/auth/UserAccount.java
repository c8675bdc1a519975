package app.spotter.server.auth;

import app.spotter.model.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A login: staff user or member. */
@Entity
@Table(name = "app_user")
public class UserAccount {
    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String email;
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;
    @Column(name = "zone_id")
    public String zoneId;
    @Column(name = "member_id")
    public UUID memberId;
    public boolean active = true;
    /** PENDING until a self-registered instructor is approved; see {@link AccountApproval}. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountApproval approval = AccountApproval.APPROVED;
    /** The TOTP secret sealed at rest (associated data "totp:" + id); set from enrolment on. */
    @Column(name = "totp_secret_enc")
    public String totpSecretEncrypted;
    /** The second factor is on: a login needs a code. */
    @Column(name = "totp_enabled", nullable = false)
    public boolean totpEnabled;
    /** The step of the last code a login accepted, so the same code does not log in twice. */
    @Column(name = "totp_last_step")
    public Long totpLastStep;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
