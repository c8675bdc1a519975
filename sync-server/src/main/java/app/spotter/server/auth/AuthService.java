package app.spotter.server.auth;

import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi.TokenPair;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.Session;

/** Accounts and tokens: register, log in, refresh with rotation, log out. */
public final class AuthService {

    public static final Duration REFRESH_TTL = Duration.ofDays(30);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}$");
    /** Compared against when the e-mail is unknown, so a login takes as long either way. */
    private final String dummyHash;

    private final Transactions tx;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffTotp secondFactor;
    private final SecureRandom random = new SecureRandom();

    public AuthService(Transactions tx, PasswordHasher hasher, AccessTokens accessTokens, AuditLog audit, Clock clock,
                       StaffTotp secondFactor) {
        this.secondFactor = secondFactor;
        this.tx = tx;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = hasher.hash("not-a-real-password");
    }

    /** Creates a login; the caller decides the role. Validation errors name the field. */
    public UserAccount createAccount(Session session, String email, String password, String name, Role role,
                                     String timezone, MemberId member, Optional<Caller> actor) {
        String normalized = validateEmail(email);
        validatePassword(password);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.validation("name", "Name is required (at most 200 characters)");
        }
        ZoneId zone = parseZone("timezone", timezone);
        if (emailTaken(session, normalized)) {
            // Generic on purpose: it does not say that an account exists (see decision 0014).
            throw new ApiException(409, "EMAIL_TAKEN", "This e-mail cannot be used for a new account; log in instead,"
                    + " or ask the gym", "email");
        }
        UserAccount u = new UserAccount();
        u.id = UUID.randomUUID();
        u.email = normalized;
        u.passwordHash = hasher.hash(password);
        u.name = name.strip();
        u.role = role;
        u.zoneId = zone == null ? null : zone.getId();
        u.memberId = member == null ? null : member.value();
        u.createdAt = clock.instant();
        session.persist(u);
        audit.record(session, actor, "ACCOUNT_CREATED", "UserAccount", u.id,
                null, new AccountSnapshot(u.email, u.name, u.role, u.zoneId));
        return u;
    }

    /**
     * A staff login that asks for approval: created PENDING and inactive, so it holds no role's
     * permission, gets no token and cannot log in until someone with STAFF_MANAGE approves it.
     * A taken e-mail gets the same answer (a made-up id, the same password hashing) and changes
     * nothing, so the answer does not tell a stranger which addresses have accounts.
     */
    public PendingRequest requestStaffAccount(Session session, String email, String password, String name, Role role,
                                              String timezone) {
        String normalized = validateEmail(email);
        validatePassword(password);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.validation("name", "Name is required (at most 200 characters)");
        }
        ZoneId zone = parseZone("timezone", timezone);
        if (emailTaken(session, normalized)) {
            hasher.hash(password);
            return new PendingRequest(UUID.randomUUID(), normalized, name.strip(), zone == null ? null : zone.getId());
        }
        UserAccount u = createAccount(session, email, password, name, role, timezone, null, Optional.empty());
        u.active = false;
        u.approval = AccountApproval.PENDING;
        audit.record(session, Optional.empty(), "STAFF_APPROVAL_REQUESTED", "UserAccount", u.id, null,
                new AccountSnapshot(u.email, u.name, u.role, u.zoneId));
        return new PendingRequest(u.id, u.email, u.name, u.zoneId);
    }

    /** What a registration that waits for approval answers: the same for a new and a taken e-mail. */
    public record PendingRequest(UUID id, String email, String name, String timezone) {
    }

    private static boolean emailTaken(Session session, String normalized) {
        return session.createSelectionQuery("select count(u) from UserAccount u where u.email = :e", Long.class)
                .setParameter("e", normalized).getSingleResult() > 0;
    }

    public TokenPair login(String email, String password) {
        return login(email, password, null);
    }

    /** A login; {@code totp} is the authenticator code of a staff member who turned the second factor on. */
    public TokenPair login(String email, String password, String totp) {
        if (email == null || password == null) {
            throw new ApiException(400, "VALIDATION_FAILED", "E-mail and password are required", email == null ? "email" : "password");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        return tx.inTransaction(session -> {
            UserAccount user = findByEmail(session, normalized);
            boolean ok = hasher.matches(password, user == null ? dummyHash : user.passwordHash);
            // Only the right password learns that the account waits for approval.
            if (user != null && ok && user.approval == AccountApproval.PENDING) {
                throw new ApiException(403, "ACCOUNT_PENDING_APPROVAL",
                        "This account waits for a manager's approval; you can log in once it is approved");
            }
            if (user == null || !ok || !user.active) {
                throw new ApiException(401, "INVALID_CREDENTIALS", "Wrong e-mail or password");
            }
            secondFactor.checkAtLogin(session, user, totp);
            return issue(session, user, UUID.randomUUID());
        });
    }

    /**
     * Rotates a refresh token. A token used twice means a copy leaked: the whole family is revoked
     * and both the thief and the owner must log in again.
     */
    public TokenPair refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw ApiException.validation("refresh", "A refresh token is required");
        }
        String hash = sha256(refreshToken);
        Instant now = clock.instant();
        // Reuse detection must commit even though the request fails, hence the two-step shape.
        RefreshOutcome outcome = tx.inTransaction(session -> {
            RefreshToken token = session.createSelectionQuery("from RefreshToken t where t.tokenHash = :h", RefreshToken.class)
                    .setParameter("h", hash)
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .uniqueResult();
            if (token == null || token.revokedAt != null || token.expiresAt.isBefore(now)) {
                return new RefreshOutcome(null, "TOKEN_INVALID");
            }
            if (token.usedAt != null) {
                session.createMutationQuery("update RefreshToken t set t.revokedAt = :now where t.familyId = :f and t.revokedAt is null")
                        .setParameter("now", now).setParameter("f", token.familyId).executeUpdate();
                audit.record(session, Optional.empty(), "REFRESH_TOKEN_REUSED", "UserAccount", token.userId, null, null);
                return new RefreshOutcome(null, "TOKEN_REUSED");
            }
            UserAccount user = session.find(UserAccount.class, token.userId);
            if (user == null || !user.active) {
                return new RefreshOutcome(null, "TOKEN_INVALID");
            }
            token.usedAt = now;
            return new RefreshOutcome(issue(session, user, token.familyId), null);
        });
        if (outcome.pair() == null) {
            throw new ApiException(401, outcome.error(), "TOKEN_REUSED".equals(outcome.error())
                    ? "This refresh token was already used; every session of this login was ended for safety"
                    : "The refresh token is invalid or expired; log in again");
        }
        return outcome.pair();
    }

    private record RefreshOutcome(TokenPair pair, String error) {
    }

    /** Revokes the family of the given refresh token. */
    public void logout(String refreshToken, Caller caller) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw ApiException.validation("refreshToken", "The refresh token to end is required");
        }
        tx.run(session -> {
            RefreshToken token = session.createSelectionQuery("from RefreshToken t where t.tokenHash = :h", RefreshToken.class)
                    .setParameter("h", sha256(refreshToken)).uniqueResult();
            if (token == null || !token.userId.equals(caller.userId().value())) {
                throw new ApiException(401, "TOKEN_INVALID", "Unknown refresh token");
            }
            session.createMutationQuery("update RefreshToken t set t.revokedAt = :now where t.familyId = :f and t.revokedAt is null")
                    .setParameter("now", clock.instant()).setParameter("f", token.familyId).executeUpdate();
        });
    }

    public TokenPair issueFor(Session session, UserAccount user) {
        return issue(session, user, UUID.randomUUID());
    }

    private TokenPair issue(Session session, UserAccount user, UUID family) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        RefreshToken t = new RefreshToken();
        t.id = UUID.randomUUID();
        t.familyId = family;
        t.userId = user.id;
        t.tokenHash = sha256(refresh);
        t.issuedAt = clock.instant();
        t.expiresAt = t.issuedAt.plus(REFRESH_TTL);
        session.persist(t);
        String access = accessTokens.issue(new UserId(user.id), user.role);
        return new TokenPair(access, refresh, AccessTokens.ACCESS_TTL.toSeconds(), "Bearer");
    }

    public static UserAccount findByEmail(Session session, String email) {
        return session.createSelectionQuery("from UserAccount u where u.email = :e", UserAccount.class)
                .setParameter("e", email).uniqueResult();
    }

    static String validateEmail(String email) {
        if (email == null || email.isBlank()) {
            throw ApiException.validation("email", "E-mail is required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 320 || !EMAIL.matcher(normalized).matches()) {
            throw ApiException.validation("email", "This is not a valid e-mail address");
        }
        return normalized;
    }

    static void validatePassword(String password) {
        if (password == null || password.length() < 8) {
            throw ApiException.validation("password", "Password must have at least 8 characters");
        }
        if (password.length() > 200) {
            throw ApiException.validation("password", "Password must have at most 200 characters");
        }
    }

    /** A zone id such as Europe/Berlin; null when absent. */
    public static ZoneId parseZone(String field, String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw ApiException.validation(field, "Unknown time zone '" + zone + "' (use an Area/City id such as Europe/Berlin)");
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the audit log keeps of an account: never the password hash. */
    record AccountSnapshot(String email, String name, Role role, String timezone) {
    }
}
