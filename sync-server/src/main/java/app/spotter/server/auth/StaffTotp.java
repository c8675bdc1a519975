package app.spotter.server.auth;

import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi.TotpEnrolment;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.config.AtRestCipher;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.OptionalLong;
import org.hibernate.Session;

/**
 * The optional second factor of staff logins (TOTP, see {@link Totp}): enrol, confirm with a code,
 * turn off with password and code, and the check a login makes. The secret is sealed at rest with
 * the server's at-rest key, bound to its account.
 */
public final class StaffTotp {

    static final String ISSUER = "Spotter";

    private final Transactions tx;
    private final PasswordHasher hasher;
    private final AtRestCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    public StaffTotp(Transactions tx, PasswordHasher hasher, AtRestCipher cipher, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.hasher = hasher;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts (or restarts) an enrolment: a new secret, not yet in force. */
    public TotpEnrolment enrol(Caller caller) {
        staffOnly(caller);
        return tx.inTransaction(session -> {
            UserAccount user = session.find(UserAccount.class, caller.userId().value());
            if (user.totpEnabled) {
                throw new ApiException(409, "TOTP_ALREADY_ENABLED", "The second factor is already on; turn it off first");
            }
            byte[] secret = Totp.newSecret();
            try {
                user.totpSecretEncrypted = cipher.seal(secret, associatedData(user));
                user.totpLastStep = null;
                audit.record(session, caller, "TOTP_ENROLMENT_STARTED", "UserAccount", user.id, null, null);
                return new TotpEnrolment(Totp.base32(secret), Totp.uri(ISSUER, user.email, secret));
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        });
    }

    /** Confirms the enrolment with a code from the app; from now on logins need a code. */
    public void confirm(Caller caller, String code) {
        staffOnly(caller);
        tx.run(session -> {
            UserAccount user = session.find(UserAccount.class, caller.userId().value());
            if (user.totpEnabled) {
                throw new ApiException(409, "TOTP_ALREADY_ENABLED", "The second factor is already on");
            }
            if (user.totpSecretEncrypted == null) {
                throw new ApiException(409, "TOTP_NOT_STARTED", "Start the enrolment first: POST /api/v1/me/totp");
            }
            OptionalLong step = match(user, code, Long.MIN_VALUE);
            if (step.isEmpty()) {
                throw new ApiException(422, "TOTP_CODE_WRONG", "This code does not match; check the app's clock and try the next code",
                        "code");
            }
            user.totpEnabled = true;
            user.totpLastStep = step.getAsLong();
            audit.record(session, caller, "TOTP_ENABLED", "UserAccount", user.id, false, true);
        });
    }

    /** Turns the second factor off: needs the password and a current code. */
    public void disable(Caller caller, String password, String code) {
        staffOnly(caller);
        if (password == null || password.isEmpty()) {
            throw ApiException.validation("password", "The password is required");
        }
        tx.run(session -> {
            UserAccount user = session.find(UserAccount.class, caller.userId().value());
            if (!user.totpEnabled) {
                throw new ApiException(409, "TOTP_NOT_ENABLED", "The second factor is not on");
            }
            if (!hasher.matches(password, user.passwordHash)) {
                throw new ApiException(422, "WRONG_PASSWORD", "The password is wrong", "password");
            }
            if (match(user, code, Long.MIN_VALUE).isEmpty()) {
                throw new ApiException(422, "TOTP_CODE_WRONG", "This code does not match", "code");
            }
            user.totpEnabled = false;
            user.totpSecretEncrypted = null;
            user.totpLastStep = null;
            audit.record(session, caller, "TOTP_DISABLED", "UserAccount", user.id, true, false);
        });
    }

    /**
     * The second step of a login whose password matched: nothing when the account has no second
     * factor; 401 TOTP_REQUIRED without a code; a wrong or reused code answers like a wrong password.
     */
    void checkAtLogin(Session session, UserAccount user, String code) {
        if (!user.totpEnabled) {
            return;
        }
        if (code == null || code.isBlank()) {
            throw new ApiException(401, "TOTP_REQUIRED", "This account uses a second factor: send the code of the"
                    + " authenticator app in 'totp'", "totp");
        }
        // Locked and read again: two logins racing with the same code must not both pass the replay check.
        session.refresh(user, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        OptionalLong step = match(user, code, user.totpLastStep == null ? Long.MIN_VALUE : user.totpLastStep);
        if (step.isEmpty()) {
            throw new ApiException(401, "INVALID_CREDENTIALS", "Wrong e-mail or password");
        }
        user.totpLastStep = step.getAsLong();
    }

    private OptionalLong match(UserAccount user, String code, long afterStep) {
        byte[] secret = cipher.open(user.totpSecretEncrypted, associatedData(user));
        try {
            return Totp.match(secret, code, clock.instant(), afterStep);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Binds a sealed secret to its account; AtRestReencryption.COLUMNS uses the same rule. */
    static byte[] associatedData(UserAccount user) {
        return ("totp:" + user.id).getBytes(StandardCharsets.US_ASCII);
    }

    private static void staffOnly(Caller caller) {
        if (caller.role() == Role.MEMBER) {
            throw ApiException.forbidden();
        }
    }
}
