package app.spotter.server.auth;

import app.spotter.model.sync.StaffAccess;
import app.spotter.server.http.Access;
import app.spotter.server.http.Routes;

/**
 * HTTP for desks: which staff accounts are still active, so a desk stops letting a deactivated
 * staff member log in offline. Device tokens only; ids and a flag, never credentials.
 */
public final class StaffAccessHandler {

    private final AccountService accounts;

    public StaffAccessHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    public void register(Routes routes) {
        routes.get("/api/v1/sync/staff", Access.device(), "Staff accounts and whether they are active (desks drop"
                        + " cached logins of deactivated staff)", ctx -> ctx.json(accounts.staffAccess()))
                .returnsListOf(StaffAccess.class);
    }
}
