package app.spotter.server.auth;

import app.spotter.model.access.Permission;
import app.spotter.model.api.AccountLock;
import app.spotter.server.http.Access;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;

/** HTTP for lifting a login's lockout after too many wrong passwords (STAFF_MANAGE). */
public final class AccountLockHandler {

    private final LoginThrottle throttle;

    public AccountLockHandler(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    public void register(Routes routes) {
        routes.post("/api/v1/staff/{id}/unlock", Access.anyOf(Permission.STAFF_MANAGE),
                        "Unlock a login locked after too many wrong passwords and forget its failures",
                        ctx -> ctx.json(throttle.unlock(Caller.of(ctx), Params.uuid(ctx, "id"))))
                .returns(200, AccountLock.class);
    }
}
