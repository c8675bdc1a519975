package app.spotter.server.sync.appliers;

import app.spotter.model.access.Permission;
import app.spotter.model.sync.OperationPayload.ResolveConflict;
import app.spotter.model.sync.OperationType;
import app.spotter.server.conflicts.ConflictService;
import app.spotter.server.http.ApiException;
import app.spotter.server.sync.Applied;
import app.spotter.server.sync.Applying;
import app.spotter.server.sync.OperationApplier;
import org.hibernate.Session;

/** RESOLVE_CONFLICT: a manager resolving at a desk; the same as the online resolve, and as idempotent. */
public final class ResolveConflictApplier implements OperationApplier {

    private final ConflictService conflicts;

    public ResolveConflictApplier(ConflictService conflicts) {
        this.conflicts = conflicts;
    }

    @Override
    public OperationType type() {
        return OperationType.RESOLVE_CONFLICT;
    }

    @Override
    public Permission permission() {
        return Permission.CONFLICTS_RESOLVE;
    }

    @Override
    public Applied apply(Session session, Applying op) {
        ResolveConflict p = (ResolveConflict) op.payload();
        if (p.conflictId() == null) {
            throw ApiException.validation("conflictId", "conflictId is required");
        }
        conflicts.resolve(op.actor(), p.conflictId(), p.resolution());
        return Applied.applied();
    }
}
