package app.spotter.model.api;

import app.spotter.model.access.Permission;
import app.spotter.model.access.Role;
import java.util.Set;

/** Request and response records of {@code /api/v1/auth} and {@code /api/v1/me}. */
public final class AuthApi {

    private AuthApi() {
    }

    /** Self-registration of a member login. */
    public record RegisterRequest(String email, String password, String name, String timezone) {
    }

    /**
     * A login. {@code totp} is the 6-digit code of the staff member's authenticator app, required
     * once they turned the second factor on (without it the answer is 401 TOTP_REQUIRED).
     */
    public record LoginRequest(String email, String password, String totp) {
        public LoginRequest(String email, String password) {
            this(email, password, null);
        }
    }

    /** The logged-in user changes their password; every other session of theirs ends. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /**
     * A one-time password reset link an admin issued for a staff member: the token is shown only
     * in this answer (the server keeps its hash) and works once, until {@code expiresAt}.
     */
    public record PasswordResetLink(String userId, String token, java.time.Instant expiresAt) {
    }

    /** Redeems a reset token: sets the new password and ends every session of the account. */
    public record PasswordReset(String token, String newPassword) {
    }

    /**
     * A started TOTP enrolment (RFC 6238: SHA-1, 6 digits, 30 s): the base32 secret and the
     * otpauth:// URI an authenticator app scans. It takes effect once confirmed with a code.
     */
    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    /** A code from the authenticator app. */
    public record TotpCode(String code) {
    }

    /** Turning the second factor off takes the password and a current code. */
    public record TotpDisable(String password, String code) {
    }

    /** The gym's security settings; {@code totpRequiredForAdmins}: admins must use a second factor. */
    public record SecuritySettings(Boolean totpRequiredForAdmins) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    /** An access token (short-lived JWT) and the refresh token that replaces it. */
    public record TokenPair(String accessToken, String refreshToken, long expiresInSeconds, String tokenType) {
    }

    /** Who the caller is. */
    public record Profile(String id, String email, String name, Role role, String memberId, String timezone,
                          Set<Permission> permissions) {
    }

    public record ProfileUpdate(String name, String timezone) {
    }

    /** An admin creates a staff account. */
    /** A staff account that registered itself (an instructor through the studio API) and waits for approval. */
    public record PendingStaff(String id, String email, String name, Role role, String timezone,
                               java.time.OffsetDateTime registeredAt) {
    }

    public record NewStaffUser(String email, String password, String name, Role role, String timezone) {
    }

    public record RolePermissionsView(Role role, Set<Permission> permissions) {
    }
}
