package app.spotter.server.sync;

import app.spotter.model.access.Permission;
import app.spotter.model.sync.OperationType;
import app.spotter.server.http.ApiException;
import org.hibernate.Session;

/**
 * Applies one type of operation inside its push transaction, with the operation's actor as the
 * caller of the ordinary services. A rule refusal is thrown as {@link ApiException}: the push rolls
 * the transaction back and stores {@link #refused} in a second one.
 */
public interface OperationApplier {

    OperationType type();

    /** What the acting staff user must be allowed to do. */
    Permission permission();

    Applied apply(Session session, Applying op);

    /** The outcome of a refused operation, in a fresh transaction after the refusal rolled back. */
    default Applied refused(Session session, Applying op, ApiException refusal) {
        return Applied.rejected(refusal.code());
    }
}
