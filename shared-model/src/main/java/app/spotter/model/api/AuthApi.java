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

    public record LoginRequest(String email, String password) {
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
