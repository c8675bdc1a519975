package app.spotter.server.auth;

import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi.PasswordResetLink;
import app.spotter.model.api.AuthApi.TokenPair;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Password change by the logged-in user, and the one-time reset link an admin issues for a staff
 * member (until e-mail exists the admin hands it over). Either way every other session of the
 * account ends: its refresh tokens are revoked.
 */
public final class StaffPasswords {

    public static final Duration RESET_TTL = Duration.ofHours(1);

    private final AuthService auth;
    private final Transactions tx;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffAccessEnded accessEnded;
    private final SecureRandom random = new SecureRandom();

    public StaffPasswords(AuthService auth, Transactions tx, PasswordHasher hasher, AuditLog audit, Clock clock,
                          StaffAccessEnded accessEnded) {
        this.accessEnded = accessEnded;
        this.auth = auth;
        this.tx = tx;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Changes the caller's password; returns fresh tokens for this session, every other session ends. */
    public TokenPair change(Caller caller, String currentPassword, String newPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw ApiException.validation("currentPassword", "The current password is required");
        }
        validateNew(newPassword);
        return tx.inTransaction(session -> {
            UserAccount user = session.find(UserAccount.class, caller.userId().value());
            if (!hasher.matches(currentPassword, user.passwordHash)) {
                throw new ApiException(422, "WRONG_PASSWORD", "The current password is wrong", "currentPassword");
            }
            user.passwordHash = hasher.hash(newPassword);
            int ended = revokeSessions(session, user.id);
            audit.record(session, caller, "PASSWORD_CHANGED", "UserAccount", user.id, null, Map.of("sessionsEnded", ended));
            return auth.issueFor(session, user);
        });
    }

    /** An admin (or a holder of STAFF_MANAGE) issues a one-time reset token for a staff account. */
    public PasswordResetLink issueReset(Caller caller, UUID staffId) {
        return tx.inTransaction(session -> {
            UserAccount user = session.find(UserAccount.class, staffId);
            if (user == null || user.role == Role.MEMBER) {
                throw ApiException.notFound("Staff account");
            }
            if (user.role == Role.ADMIN && caller.role() != Role.ADMIN) {
                throw new ApiException(403, "FORBIDDEN", "Only an admin can reset an admin's password");
            }
            Instant now = clock.instant();
            // One link at a time: a new one ends any earlier unused one.
            session.createMutationQuery("update PasswordResetRecord r set r.usedAt = :now where r.userId = :u and r.usedAt is null")
                    .setParameter("now", now).setParameter("u", user.id).executeUpdate();
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            PasswordResetRecord r = new PasswordResetRecord();
            r.id = UUID.randomUUID();
            r.userId = user.id;
            r.tokenHash = AuthService.sha256(token);
            r.issuedBy = caller.userId().value();
            r.issuedAt = now;
            r.expiresAt = now.plus(RESET_TTL);
            session.persist(r);
            audit.record(session, caller, "PASSWORD_RESET_ISSUED", "UserAccount", user.id, null,
                    Map.of("resetId", r.id.toString(), "expiresAt", r.expiresAt.toString()));
            return new PasswordResetLink(user.id.toString(), token, r.expiresAt);
        });
    }

    /** Redeems a reset token once, before it expires: sets the password and ends every session. */
    public void reset(String token, String newPassword) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw ApiException.validation("token", "The reset token is required");
        }
        validateNew(newPassword);
        Instant now = clock.instant();
        tx.run(session -> {
            PasswordResetRecord r = session.createSelectionQuery("from PasswordResetRecord r where r.tokenHash = :h",
                            PasswordResetRecord.class)
                    .setParameter("h", AuthService.sha256(token.strip()))
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .uniqueResult();
            UserAccount user = r == null ? null : session.find(UserAccount.class, r.userId);
            if (r == null || r.usedAt != null || !r.expiresAt.isAfter(now) || user == null || !user.active) {
                throw new ApiException(400, "RESET_TOKEN_INVALID", "This reset link is unknown, used or expired; ask an admin"
                        + " for a new one", "token");
            }
            r.usedAt = now;
            user.passwordHash = hasher.hash(newPassword);
            int ended = revokeSessions(session, user.id);
            audit.record(session, Optional.empty(), "PASSWORD_RESET", "UserAccount", user.id, null,
                    Map.of("resetId", r.id.toString(), "issuedBy", String.valueOf(r.issuedBy), "sessionsEnded", ended));
        });
    }

    /**
     * Ends the account's other sessions and its desks' staff credentials: the old password must not
     * keep opening a cached login and signing work at a desk (decision 0013).
     */
    private int revokeSessions(Session session, UUID userId) {
        accessEnded.ended(session, userId);
        return session.createMutationQuery("update RefreshToken t set t.revokedAt = :now where t.userId = :u and t.revokedAt is null")
                .setParameter("now", clock.instant()).setParameter("u", userId).executeUpdate();
    }

    private static void validateNew(String password) {
        try {
            AuthService.validatePassword(password);
        } catch (ApiException e) {
            throw ApiException.validation("newPassword", e.getMessage());
        }
    }
}
