package app.spotter.server.auth;

import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import app.spotter.server.access.RolePermissions;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Optional;

/** Turns the bearer token of a request into a {@link Caller}, reading role and permissions fresh. */
public final class Authenticator {

    private final AccessTokens tokens;
    private final Transactions tx;
    private final RolePermissions rolePermissions;
    private final java.time.Clock clock;

    public Authenticator(AccessTokens tokens, Transactions tx, RolePermissions rolePermissions) {
        this(tokens, tx, rolePermissions, java.time.Clock.systemUTC());
    }

    public Authenticator(AccessTokens tokens, Transactions tx, RolePermissions rolePermissions, java.time.Clock clock) {
        this.tokens = tokens;
        this.tx = tx;
        this.rolePermissions = rolePermissions;
        this.clock = clock;
    }

    public Caller authenticate(Context ctx) {
        return authenticateIfPresent(ctx)
                .orElseThrow(() -> new ApiException(401, "UNAUTHORIZED", "Log in first: send 'Authorization: Bearer <access token>'"));
    }

    /** The enrolled, not revoked device behind a device token; marks it as seen. */
    public DeviceCaller authenticateDevice(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "UNAUTHORIZED", "A device token is required: 'Authorization: Bearer <device token>'");
        }
        var deviceId = tokens.verifyDevice(header.substring(7).trim())
                .orElseThrow(() -> new ApiException(401, "TOKEN_INVALID", "The device token is invalid or expired"));
        DeviceCaller caller = tx.inTransaction(session -> {
            var device = session.find(app.spotter.server.devices.DeviceRecord.class, deviceId.value());
            if (device == null || device.revokedAt != null) {
                throw new ApiException(401, "DEVICE_REVOKED", "This device is not enrolled or was revoked");
            }
            // "Last seen" for the manager's device list; at most one write a minute per device.
            java.time.Instant now = clock.instant();
            if (device.lastSeenAt == null || device.lastSeenAt.isBefore(now.minusSeconds(60))) {
                device.lastSeenAt = now;
            }
            var location = session.find(app.spotter.server.locations.LocationRecord.class, device.locationId);
            return new DeviceCaller(deviceId, new app.spotter.model.common.LocationId(device.locationId),
                    ZoneId.of(location.zoneId));
        });
        ctx.attribute(DeviceCaller.ATTRIBUTE, caller);
        return caller;
    }

    /** What an admin may still call while the gym requires TOTP and they have not turned it on: enrol. */
    private static final java.util.Set<String> ENROLMENT_PATHS = java.util.Set.of("/api/v1/me", "/api/v1/me/totp",
            "/api/v1/me/totp/confirm", "/api/v1/me/password", "/api/v1/auth/logout");

    /** 403 TOTP_ENROLMENT_REQUIRED for an admin without TOTP while the gym requires it (also at a desk's credential). */
    public static void refuseAdminWithoutRequiredTotp(org.hibernate.Session session, UserAccount user, String path) {
        if (user.role == app.spotter.model.access.Role.ADMIN && !user.totpEnabled && !ENROLMENT_PATHS.contains(path)
                && SecuritySettings.totpRequiredForAdmins(session)) {
            throw new ApiException(403, "TOTP_ENROLMENT_REQUIRED", "This gym requires admins to use a second factor:"
                    + " turn it on first (POST /api/v1/me/totp, then POST /api/v1/me/totp/confirm with a code)");
        }
    }

    public Optional<Caller> authenticateIfPresent(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "UNAUTHORIZED", "Expected 'Authorization: Bearer <access token>'");
        }
        UserId userId = tokens.verify(header.substring(7).trim())
                .orElseThrow(() -> new ApiException(401, "TOKEN_INVALID", "The access token is invalid or expired; refresh it"));
        Caller caller = tx.inTransaction(session -> {
            UserAccount user = session.find(UserAccount.class, userId.value());
            if (user == null || !user.active) {
                throw new ApiException(401, "TOKEN_INVALID", "This account no longer exists or is disabled");
            }
            refuseAdminWithoutRequiredTotp(session, user, ctx.path());
            return new Caller(userId, user.role,
                    Optional.ofNullable(user.memberId).map(MemberId::new),
                    Optional.ofNullable(user.zoneId).map(ZoneId::of),
                    rolePermissions.of(session, user.role));
        });
        ctx.attribute(Caller.ATTRIBUTE, caller);
        return Optional.of(caller);
    }
}
