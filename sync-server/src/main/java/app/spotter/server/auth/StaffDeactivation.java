package app.spotter.server.auth;

import app.spotter.model.access.Role;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.StaffAccess;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import jakarta.persistence.LockModeType;
import java.util.Map;

/**
 * Deactivating a staff account: it can no longer log in, desks drop its cached login at their next
 * sync, and its desk credentials are revoked now, so operations it signs after this moment are
 * refused while those made before still apply (decision 0013).
 */
public final class StaffDeactivation {

    private final Transactions tx;
    private final AuditLog audit;
    private final StaffAccessEnded ended;

    public StaffDeactivation(Transactions tx, AuditLog audit, StaffAccessEnded ended) {
        this.tx = tx;
        this.audit = audit;
        this.ended = ended;
    }

    /** Deactivates a staff account (not a member's, not one's own); deactivating twice changes nothing. */
    public StaffAccess deactivate(Caller caller, UserId id) {
        if (caller.userId().equals(id)) {
            throw new ApiException(409, "CANNOT_DEACTIVATE_SELF", "You cannot deactivate your own account");
        }
        return tx.inTransaction(session -> {
            UserAccount u = session.find(UserAccount.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
            if (u == null || u.role == Role.MEMBER) {
                throw ApiException.notFound("Staff account");
            }
            if (u.role == Role.ADMIN && caller.role() != Role.ADMIN) {
                throw new ApiException(403, "FORBIDDEN", "Only an admin can deactivate an admin");
            }
            if (u.active) {
                u.active = false;
                ended.ended(session, u.id);
                audit.record(session, caller, "STAFF_DEACTIVATED", "UserAccount", u.id, Map.of("active", true),
                        Map.of("active", false));
            }
            return new StaffAccess(u.id, u.active);
        });
    }
}
