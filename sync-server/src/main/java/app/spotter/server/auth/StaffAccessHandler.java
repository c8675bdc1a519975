package app.spotter.server.auth;

import app.spotter.model.access.Role;
import app.spotter.model.sync.StaffAccess;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.Access;
import app.spotter.server.http.Routes;

/**
 * HTTP for desks: which staff accounts are still active, so a desk stops letting a deactivated
 * staff member log in offline. Device tokens only; ids and a flag, never credentials.
 */
public final class StaffAccessHandler {

    private final Transactions tx;

    public StaffAccessHandler(Transactions tx) {
        this.tx = tx;
    }

    public void register(Routes routes) {
        routes.get("/api/v1/sync/staff", Access.device(), "Staff accounts and whether they are active (desks drop"
                        + " cached logins of deactivated staff)",
                ctx -> ctx.json(tx.inTransaction(session -> session.createSelectionQuery(
                                "from UserAccount u where u.role <> :member", UserAccount.class)
                        .setParameter("member", Role.MEMBER)
                        .getResultList().stream().map(u -> new StaffAccess(u.id, u.active)).toList())))
                .returnsListOf(StaffAccess.class);
    }
}
