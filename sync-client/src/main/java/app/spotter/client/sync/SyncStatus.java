package app.spotter.client.sync;

import java.time.Instant;

/**
 * What the desk's status bar shows.
 *
 * @param online whether the last exchange with the server worked
 * @param pendingOperations operations in the outbox still waiting for the server
 * @param lastSuccessfulSync when a sync last completed, null if never
 * @param syncing whether a sync is running right now
 */
public record SyncStatus(boolean online, long pendingOperations, Instant lastSuccessfulSync, boolean syncing) {

    public static final SyncStatus INITIAL = new SyncStatus(false, 0, null, false);
}
