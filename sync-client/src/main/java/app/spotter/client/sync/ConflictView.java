package app.spotter.client.sync;

import app.spotter.model.sync.SyncApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An open conflict as the manager sees it at the desk.
 *
 * @param facts what the server recorded about it (e.g. slot, member, capacity)
 * @param resolutions what the manager may choose, from the kind
 * @param pendingResolution the resolution queued here and not yet confirmed by the server, or null
 */
public record ConflictView(UUID id, SyncApi.ConflictKind kind, String entityType, String entityId,
                           Map<String, Object> facts, List<String> resolutions, Instant createdAt,
                           String pendingResolution) {

    public boolean pending() {
        return pendingResolution != null;
    }
}
