package app.spotter.server.auth;

import app.spotter.model.access.Role;
import app.spotter.model.common.UserId;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Short-lived signed access tokens (HS256). Refresh tokens are opaque and live in the database. */
public final class AccessTokens {

    public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    private static final String ISSUER = "spotter";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;

    public AccessTokens(byte[] secret, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        // The verifier checks issued-at and expiry on the server's clock too, not the JVM's.
        this.verifier = ((com.auth0.jwt.JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)
                .acceptLeeway(5)).build(clock);
        this.clock = clock;
    }

    public String issue(UserId user, Role role) {
        Instant now = clock.instant();
        var builder = JWT.create()
                .withIssuer(ISSUER)
                .withSubject(user.toString())
                .withClaim("role", role.name())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ACCESS_TTL));
        return builder.sign(algorithm);
    }

    /** A device access token: same lifetime, marked as a device's so it never passes for a user's. */
    public String issueDevice(app.spotter.model.common.DeviceId device) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(device.toString())
                .withClaim("typ", "device")
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ACCESS_TTL))
                .sign(algorithm);
    }

    /** The device of a device token, or empty when forged, expired or not a device token. */
    public Optional<app.spotter.model.common.DeviceId> verifyDevice(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            if (!"device".equals(jwt.getClaim("typ").asString()) || jwt.getExpiresAtAsInstant().isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(app.spotter.model.common.DeviceId.of(jwt.getSubject()));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The caller's user id, or empty when the token is forged or expired. Role, member link and zone
     * are read fresh from the database on every request, so a role change or a disabled account
     * takes effect at once rather than when the token runs out.
     */
    public Optional<UserId> verify(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            if (jwt.getExpiresAtAsInstant() == null || jwt.getExpiresAtAsInstant().isBefore(clock.instant())
                    || !jwt.getClaim("typ").isMissing()) {
                return Optional.empty();
            }
            return Optional.of(UserId.of(jwt.getSubject()));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
