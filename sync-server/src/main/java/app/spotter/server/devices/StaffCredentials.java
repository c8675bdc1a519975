package app.spotter.server.devices;

import app.spotter.model.common.DeviceId;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.DeviceKind;
import app.spotter.model.sync.OperationProofs;
import app.spotter.model.sync.SyncApi;
import app.spotter.server.access.RolePermissions;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.AccessTokens;
import app.spotter.server.auth.Caller;
import app.spotter.server.auth.UserAccount;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Staff credentials: how a desk proves which staff member acts (decision 0013). Issued to a
 * FRONT_DESK device for the staff member who just logged in online there; the key is
 * HMAC-SHA256(sub-key of the JWT secret, credential id), so the table holds nothing secret, and a
 * rotated JWT secret invalidates every credential (staff log in online at their desk again).
 */
public final class StaffCredentials {

    /** As long as the desk's cached offline login (StaffLogins.DEFAULT_OFFLINE_VALIDITY). */
    public static final Duration VALIDITY = Duration.ofDays(14);
    /**
     * How far a desk's clock may be off when an operation's time (its HLC wall time) is held against
     * a credential's expiry or revocation: desks offline for days drift by hours.
     */
    public static final Duration CLOCK_SKEW = Duration.ofHours(6);
    public static final String REQUEST_PROOF_HEADER = "X-Spotter-Actor-Proof";

    private final Transactions tx;
    private final AccessTokens tokens;
    private final RolePermissions rolePermissions;
    private final AuditLog audit;
    private final Clock clock;
    private final byte[] keyOfKeys;

    public StaffCredentials(Transactions tx, AccessTokens tokens, RolePermissions rolePermissions, AuditLog audit,
                            Clock clock, byte[] jwtSecret) {
        this.tx = tx;
        this.tokens = tokens;
        this.rolePermissions = rolePermissions;
        this.audit = audit;
        this.clock = clock;
        // a sub-key: the JWT secret itself never signs anything but tokens
        this.keyOfKeys = OperationProofs.hmac(jwtSecret, "spotter staff credential keys v1".getBytes(StandardCharsets.UTF_8));
    }

    record IssueAudit(UUID deviceId, UUID userId, String role, Instant expiresAt) {
    }

    /**
     * A credential for the staff member whose fresh access token the desk sends; 401 for a bad token
     * or an inactive account, 403 for a non-staff account or a device that is not a front desk.
     */
    public SyncApi.StaffCredential issue(DeviceId device, SyncApi.StaffCredentialRequest r) {
        if (r == null || r.accessToken() == null || r.accessToken().isBlank()) {
            throw ApiException.validation("accessToken", "accessToken (the staff member's own) is required");
        }
        UserId userId = tokens.verify(r.accessToken()).orElseThrow(() ->
                new ApiException(401, "STAFF_TOKEN_INVALID", "The staff member's access token is invalid or expired",
                        "accessToken"));
        return tx.inTransaction(session -> {
            UserAccount user = session.find(UserAccount.class, userId.value());
            if (user == null || !user.active) {
                throw new ApiException(401, "STAFF_TOKEN_INVALID", "This account is not active", "accessToken");
            }
            if (user.role == null || !user.role.isStaff()) {
                throw new ApiException(403, "NOT_STAFF", "Only staff accounts act at a desk", "accessToken");
            }
            // the gym's "admins must use TOTP" holds at a desk too, not only on the API
            app.spotter.server.auth.Authenticator.refuseAdminWithoutRequiredTotp(session, user,
                    "/api/v1/sync/staff-credentials");
            DeviceRecord d = session.find(DeviceRecord.class, device.value());
            if (d == null || d.revokedAt != null) {
                throw new ApiException(401, "DEVICE_REVOKED", "This device is not enrolled or was revoked");
            }
            if (!DeviceKind.FRONT_DESK.name().equals(d.kind)) {
                throw new ApiException(403, "DEVICE_KIND_FORBIDS", "Only a front desk acts for staff");
            }
            StaffCredentialRecord c = new StaffCredentialRecord();
            c.id = UUID.randomUUID();
            c.deviceId = d.id;
            c.userId = user.id;
            c.role = user.role;
            c.issuedAt = clock.instant();
            c.expiresAt = c.issuedAt.plus(VALIDITY);
            session.persist(c);
            audit.record(session, caller(session, user, c), "STAFF_CREDENTIAL_ISSUED", "Device", d.id, null,
                    new IssueAudit(d.id, user.id, c.role.name(), c.expiresAt));
            return new SyncApi.StaffCredential(c.id, new UserId(user.id), c.role, key(c.id), c.issuedAt, c.expiresAt);
        });
    }

    /** Why an operation's actor is not proven, or empty when the proof holds. */
    public enum Refusal { ACTOR_NOT_PROVEN }

    /**
     * The staff member acting in this operation as the credential proves it, with the credential's
     * role (the role at issue) and that role's permissions now; empty when the proof does not hold:
     * no proof, an unknown credential, another device's or another person's, a wrong signature, or
     * an operation made after the credential expired or was revoked (with {@link #CLOCK_SKEW}).
     */
    public Optional<Caller> proven(Session session, DeviceId device, SyncApi.Operation op, Map<UUID, Held> held) {
        if (op.actor() == null || op.actorProof() == null || op.actorProof().credentialId() == null) {
            return Optional.empty();
        }
        Held c = held.computeIfAbsent(op.actorProof().credentialId(), id -> held(session, id));
        if (c == null || !c.deviceId().equals(device.value()) || !c.userId().equals(op.actor().value())) {
            return Optional.empty();
        }
        if (!OperationProofs.verifies(c.key(), OperationProofs.canonicalText(device, op), op.actorProof().signature())) {
            return Optional.empty();
        }
        Instant madeAt = op.hlc() == null ? clock.instant() : Instant.ofEpochMilli(op.hlc().wallMillis());
        return c.validAt(madeAt) ? c.caller() : Optional.empty();
    }

    /**
     * A credential as one push reads it (once, however many operations it signs): the caller is
     * empty when the account is gone, or was deactivated or changed role without a revocation.
     */
    public record Held(UUID deviceId, UUID userId, byte[] key, Instant issuedAt, Instant expiresAt, Instant revokedAt,
                       Instant deviceRevokedAt, Optional<Caller> caller) {
        boolean validAt(Instant madeAt) {
            // bounded on both sides: a desk that backdates its clock cannot stretch a credential past its 14 days
            return !madeAt.isBefore(issuedAt.minus(CLOCK_SKEW))
                    && madeAt.isBefore(expiresAt.plus(CLOCK_SKEW))
                    && (revokedAt == null || madeAt.isBefore(revokedAt.plus(CLOCK_SKEW)))
                    && (deviceRevokedAt == null || madeAt.isBefore(deviceRevokedAt.plus(CLOCK_SKEW)));
        }
    }

    private Held held(Session session, UUID credentialId) {
        StaffCredentialRecord c = session.find(StaffCredentialRecord.class, credentialId);
        if (c == null) {
            return null;
        }
        DeviceRecord d = session.find(DeviceRecord.class, c.deviceId);
        UserAccount user = session.find(UserAccount.class, c.userId);
        Optional<Caller> caller = user == null || c.revokedAt == null && (!user.active || user.role != c.role)
                ? Optional.empty() : Optional.of(caller(session, user, c));
        return new Held(c.deviceId, c.userId, keyBytes(c.id), c.issuedAt, c.expiresAt, c.revokedAt, d == null ? null : d.revokedAt,
                caller);
    }

    /**
     * The staff member of a signed desk request ({@link OperationProofs#requestProof}): fresh within
     * {@link OperationProofs#REQUEST_FRESHNESS}, signed with a live credential of this device and
     * this actor; empty otherwise.
     */
    public Optional<Caller> provenRequest(DeviceId device, String method, String path, UserId actor, String header) {
        if (header == null || actor == null) {
            return Optional.empty();
        }
        String[] parts = header.split(":", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        UUID credentialId;
        long at;
        try {
            credentialId = UUID.fromString(parts[0]);
            at = Long.parseLong(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (Duration.between(Instant.ofEpochMilli(at), now).abs().compareTo(OperationProofs.REQUEST_FRESHNESS) > 0) {
            return Optional.empty();
        }
        return tx.inTransaction(session -> {
            StaffCredentialRecord c = session.find(StaffCredentialRecord.class, credentialId);
            if (c == null || !c.deviceId.equals(device.value()) || !c.userId.equals(actor.value())) {
                return Optional.<Caller>empty();
            }
            if (!OperationProofs.verifies(keyBytes(c.id), OperationProofs.requestText(method, path, actor, at), parts[2])) {
                return Optional.<Caller>empty();
            }
            // a request happens now, on the server's clock: no allowance for skew
            if (c.revokedAt != null || !now.isBefore(c.expiresAt)) {
                return Optional.<Caller>empty();
            }
            Held h = held(session, c.id);
            return h.deviceRevokedAt() == null ? h.caller() : Optional.<Caller>empty();
        });
    }

    private Caller caller(Session session, UserAccount user, StaffCredentialRecord c) {
        return new Caller(new UserId(user.id), c.role, Optional.empty(),
                Optional.ofNullable(user.zoneId).map(ZoneId::of), rolePermissions.of(session, c.role));
    }

    /** Revokes every live credential of a staff member (account deactivated, role changed); returns how many. */
    public void revokeAllOfUser(Session session, UUID userId) {
        session.createMutationQuery(
                        "update StaffCredentialRecord c set c.revokedAt = :now where c.userId = :u and c.revokedAt is null")
                .setParameter("now", clock.instant()).setParameter("u", userId).executeUpdate();
    }

    /** Revokes every live credential held by a device (the device was revoked or its kind changed). */
    public int revokeAllOfDevice(Session session, UUID deviceId) {
        return session.createMutationQuery(
                        "update StaffCredentialRecord c set c.revokedAt = :now where c.deviceId = :d and c.revokedAt is null")
                .setParameter("now", clock.instant()).setParameter("d", deviceId).executeUpdate();
    }

    private String key(UUID credentialId) {
        return Base64.getEncoder().encodeToString(keyBytes(credentialId));
    }

    private byte[] keyBytes(UUID credentialId) {
        return OperationProofs.hmac(keyOfKeys, credentialId.toString().getBytes(StandardCharsets.UTF_8));
    }
}
