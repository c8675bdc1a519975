package app.spotter.server.auth;

import app.spotter.model.access.Permission;
import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi.LoginRequest;
import app.spotter.model.api.AuthApi.NewStaffUser;
import app.spotter.model.api.AuthApi.PendingStaff;
import app.spotter.model.common.UserId;
import app.spotter.server.http.Params;
import app.spotter.model.api.AuthApi.Profile;
import app.spotter.model.api.AuthApi.TokenPair;
import app.spotter.model.api.AuthApi.ProfileUpdate;
import app.spotter.model.api.AuthApi.RefreshRequest;
import app.spotter.model.api.AuthApi.RegisterRequest;
import app.spotter.model.api.AuthApi.RolePermissionsView;
import app.spotter.server.http.Access;
import app.spotter.server.http.ApiException;
import app.spotter.server.http.Json;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Locale;

/** HTTP for accounts, tokens, the caller's profile, staff accounts and role permissions. */
public final class AuthHandler {

    private final AuthService auth;
    private final AccountService accounts;
    private final ObjectMapper json;
    private final LoginThrottle throttle;

    public AuthHandler(AuthService auth, AccountService accounts, ObjectMapper json, LoginThrottle throttle) {
        this.auth = auth;
        this.accounts = accounts;
        this.json = json;
        this.throttle = throttle;
    }

    public void register(Routes routes) {
        routes.post("/api/v1/auth/register", Access.open(), "Register a member login", this::registerMember)
                .accepts(RegisterRequest.class).returns(201, TokenPair.class).throttled();
        routes.post("/api/v1/auth/login", Access.open(), "Log in; returns access and refresh tokens", this::login)
                .accepts(LoginRequest.class).returns(200, TokenPair.class).throttled();
        routes.post("/api/v1/auth/refresh", Access.open(), "Exchange a refresh token for new tokens", this::refresh)
                .accepts(RefreshRequest.class).returns(200, TokenPair.class);
        routes.post("/api/v1/auth/logout", Access.loggedIn(), "End the session of a refresh token", this::logout)
                .accepts(RefreshRequest.class).returns(204, null);
        routes.get("/api/v1/me", Access.loggedIn(), "The caller's profile and permissions", this::me)
                .returns(200, Profile.class);
        routes.put("/api/v1/me", Access.loggedIn(), "Change name or time zone", this::updateMe)
                .accepts(ProfileUpdate.class).returns(200, Profile.class);
        routes.post("/api/v1/staff", Access.anyOf(Permission.STAFF_MANAGE), "Create a staff account", this::createStaff)
                .accepts(NewStaffUser.class).returns(201, Profile.class);
        routes.get("/api/v1/staff/pending", Access.anyOf(Permission.STAFF_MANAGE),
                "Self-registered staff (instructors of the studio API) waiting for approval", this::pendingStaff)
                .returnsListOf(PendingStaff.class);
        routes.post("/api/v1/staff/{id}/approve", Access.anyOf(Permission.STAFF_MANAGE),
                "Approve a pending staff account: it can log in with its role from now on (409 NOT_PENDING otherwise)",
                this::approve).returns(200, Profile.class);
        routes.post("/api/v1/staff/{id}/reject", Access.anyOf(Permission.STAFF_MANAGE),
                "Reject a pending staff account: it never logs in (409 NOT_PENDING otherwise)", this::reject)
                .returns(204, null);
        routes.get("/api/v1/roles", Access.anyOf(Permission.ROLES_MANAGE), "Permissions of every role", this::roles)
                .returnsListOf(RolePermissionsView.class);
        routes.put("/api/v1/roles/{role}/permissions", Access.anyOf(Permission.ROLES_MANAGE),
                "Replace the permissions of a role", this::setRolePermissions)
                .accepts(RolePermissionsView.class).returns(200, RolePermissionsView.class);
    }

    private void registerMember(Context ctx) {
        RegisterRequest r = Json.read(ctx, json, RegisterRequest.class);
        ctx.status(201).json(throttle.registration(ctx.ip(), () -> accounts.registerMember(r)));
    }

    private void login(Context ctx) {
        LoginRequest r = Json.read(ctx, json, LoginRequest.class);
        ctx.json(throttle.login(r.email(), ctx.ip(), () -> auth.login(r.email(), r.password(), r.totp())));
    }

    private void refresh(Context ctx) {
        ctx.json(auth.refresh(Json.read(ctx, json, RefreshRequest.class).refreshToken()));
    }

    private void logout(Context ctx) {
        auth.logout(Json.read(ctx, json, RefreshRequest.class).refreshToken(), Caller.of(ctx));
        ctx.status(204);
    }

    private void me(Context ctx) {
        ctx.json(accounts.profile(Caller.of(ctx)));
    }

    private void updateMe(Context ctx) {
        ctx.json(accounts.updateProfile(Caller.of(ctx), Json.read(ctx, json, ProfileUpdate.class)));
    }

    private void createStaff(Context ctx) {
        ctx.status(201).json(accounts.createStaff(Caller.of(ctx), Json.read(ctx, json, NewStaffUser.class)));
    }

    private void pendingStaff(Context ctx) {
        ctx.json(accounts.pendingStaff());
    }

    private void approve(Context ctx) {
        ctx.json(accounts.approve(Caller.of(ctx), Params.id(ctx, "id", UserId::new)));
    }

    private void reject(Context ctx) {
        accounts.reject(Caller.of(ctx), Params.id(ctx, "id", UserId::new));
        ctx.status(204);
    }

    private void roles(Context ctx) {
        ctx.json(accounts.roles());
    }

    private void setRolePermissions(Context ctx) {
        Role role;
        try {
            role = Role.valueOf(ctx.pathParam("role").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("role", "Unknown role '" + ctx.pathParam("role") + "'");
        }
        RolePermissionsView body = Json.read(ctx, json, RolePermissionsView.class);
        ctx.json(accounts.setRolePermissions(Caller.of(ctx), role, body.permissions()));
    }
}
