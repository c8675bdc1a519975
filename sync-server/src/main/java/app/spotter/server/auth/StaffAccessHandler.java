package app.spotter.server.auth;

import app.spotter.model.sync.StaffAccess;
import app.spotter.model.access.Permission;
import app.spotter.model.common.UserId;
import app.spotter.server.http.Access;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;

/**
 * HTTP for desks: which staff accounts are still active, so a desk stops letting a deactivated
 * staff member log in offline. Device tokens only; ids and a flag, never credentials.
 */
public final class StaffAccessHandler {

    private final AccountService accounts;
    private final StaffDeactivation deactivation;

    public StaffAccessHandler(AccountService accounts, StaffDeactivation deactivation) {
        this.accounts = accounts;
        this.deactivation = deactivation;
    }

    public void register(Routes routes) {
        routes.get("/api/v1/sync/staff", Access.device(), "Staff accounts and whether they are active (desks drop"
                        + " cached logins of deactivated staff)", ctx -> ctx.json(accounts.staffAccess()))
                .returnsListOf(StaffAccess.class);
        routes.post("/api/v1/staff/{id}/deactivate", Access.anyOf(Permission.STAFF_MANAGE),
                        "Deactivate a staff account: no more logins, and its desk credentials are revoked",
                        ctx -> ctx.json(deactivation.deactivate(Caller.of(ctx), Params.id(ctx, "id", UserId::new))))
                .returns(200, StaffAccess.class);
    }
}
