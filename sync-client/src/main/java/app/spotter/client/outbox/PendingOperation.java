package app.spotter.client.outbox;

import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.SyncApi;
import java.util.UUID;

/**
 * An operation of the outbox as the overlay reads it: its payload, what the desk decided, and the
 * server's outcome once known (null while pending).
 */
public record PendingOperation(UUID opId, long sequence, OperationPayload payload, LocalEffect effect,
                               SyncApi.OutcomeStatus outcome, String reason, UUID conflictId) {

    public boolean isPending() {
        return outcome == null;
    }
}
