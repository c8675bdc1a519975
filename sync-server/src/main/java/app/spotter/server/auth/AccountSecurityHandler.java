package app.spotter.server.auth;

import app.spotter.model.access.Permission;
import app.spotter.model.api.AuthApi.PasswordChange;
import app.spotter.model.api.AuthApi.PasswordReset;
import app.spotter.model.api.AuthApi.PasswordResetLink;
import app.spotter.model.api.AuthApi.SecuritySettings;
import app.spotter.model.api.AuthApi.TokenPair;
import app.spotter.model.api.AuthApi.TotpCode;
import app.spotter.model.api.AuthApi.TotpDisable;
import app.spotter.model.api.AuthApi.TotpEnrolment;
import app.spotter.server.http.Access;
import app.spotter.server.http.Json;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.UUID;

/** HTTP for password change and reset, the TOTP second factor and the gym's security settings. */
public final class AccountSecurityHandler {

    private final StaffPasswords passwords;
    private final StaffTotp totp;
    private final app.spotter.server.auth.SecuritySettings settings;
    private final ObjectMapper json;

    public AccountSecurityHandler(StaffPasswords passwords, StaffTotp totp, app.spotter.server.auth.SecuritySettings settings,
                                  ObjectMapper json) {
        this.passwords = passwords;
        this.totp = totp;
        this.settings = settings;
        this.json = json;
    }

    public void register(Routes routes) {
        routes.post("/api/v1/me/password", Access.loggedIn(),
                        "Change the caller's password (needs the current one); every other session ends, this one gets new tokens",
                        this::changePassword)
                .accepts(PasswordChange.class).returns(200, TokenPair.class);
        routes.post("/api/v1/staff/{id}/password-reset", Access.anyOf(Permission.STAFF_MANAGE),
                        "Issue a one-time password reset token for a staff member (valid 1 hour, shown only here)",
                        this::issueReset)
                .returns(201, PasswordResetLink.class);
        routes.post("/api/v1/auth/password-reset", Access.open(),
                        "Set a new password with a reset token (once); every session of the account ends", this::reset)
                .accepts(PasswordReset.class).returns(204, null);
        routes.post("/api/v1/me/totp", Access.loggedIn(),
                        "Staff: start turning on the TOTP second factor; returns the secret and otpauth URI", this::enrol)
                .returns(200, TotpEnrolment.class);
        routes.post("/api/v1/me/totp/confirm", Access.loggedIn(),
                        "Staff: confirm the second factor with a code from the app; logins then need a code", this::confirm)
                .accepts(TotpCode.class).returns(204, null);
        routes.post("/api/v1/me/totp/disable", Access.loggedIn(),
                        "Staff: turn the second factor off with password and a current code", this::disable)
                .accepts(TotpDisable.class).returns(204, null);
        routes.get("/api/v1/settings/security", Access.anyOf(Permission.ROLES_MANAGE), "The gym's security settings",
                        ctx -> ctx.json(settings.current()))
                .returns(200, SecuritySettings.class);
        routes.put("/api/v1/settings/security", Access.anyOf(Permission.ROLES_MANAGE),
                        "Change the gym's security settings (e.g. require TOTP for admins)", this::changeSettings)
                .accepts(SecuritySettings.class).returns(200, SecuritySettings.class);
    }

    private void changePassword(Context ctx) {
        PasswordChange r = Json.read(ctx, json, PasswordChange.class);
        ctx.json(passwords.change(Caller.of(ctx), r.currentPassword(), r.newPassword()));
    }

    private void issueReset(Context ctx) {
        UUID id = app.spotter.server.http.Params.uuid(ctx, "id");
        ctx.status(201).json(passwords.issueReset(Caller.of(ctx), id));
    }

    private void reset(Context ctx) {
        PasswordReset r = Json.read(ctx, json, PasswordReset.class);
        passwords.reset(r.token(), r.newPassword());
        ctx.status(204);
    }

    private void enrol(Context ctx) {
        ctx.json(totp.enrol(Caller.of(ctx)));
    }

    private void confirm(Context ctx) {
        totp.confirm(Caller.of(ctx), Json.read(ctx, json, TotpCode.class).code());
        ctx.status(204);
    }

    private void disable(Context ctx) {
        TotpDisable r = Json.read(ctx, json, TotpDisable.class);
        totp.disable(Caller.of(ctx), r.password(), r.code());
        ctx.status(204);
    }

    private void changeSettings(Context ctx) {
        ctx.json(settings.change(Caller.of(ctx), Json.read(ctx, json, SecuritySettings.class)));
    }
}
