package app.spotter.server.sync;

import app.spotter.model.sync.SyncApi.OutcomeStatus;
import java.util.UUID;

/** What applying an operation came to. */
public record Applied(OutcomeStatus status, String reason, UUID conflictId) {

    public static Applied applied() {
        return new Applied(OutcomeStatus.APPLIED, null, null);
    }

    public static Applied applied(String note) {
        return new Applied(OutcomeStatus.APPLIED, note, null);
    }

    public static Applied waitlisted() {
        return new Applied(OutcomeStatus.WAITLISTED, null, null);
    }

    public static Applied rejected(String code) {
        return new Applied(OutcomeStatus.REJECTED, code, null);
    }

    public static Applied conflict(UUID conflictId, String reason) {
        return new Applied(OutcomeStatus.CONFLICT, reason, conflictId);
    }
}
