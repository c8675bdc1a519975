package app.spotter.client.sync;

import app.spotter.client.outbox.LocalChanges;
import app.spotter.client.outbox.LocalEffect;
import app.spotter.client.outbox.Outbox;
import app.spotter.client.store.Feed;
import app.spotter.client.store.Mirror;
import app.spotter.client.store.Rows;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.OperationPayload;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The manager's side after an outage: open conflicts as synced to this desk, and resolutions
 * queued as RESOLVE_CONFLICT operations (idempotent on the server).
 */
public final class Reconciliation {

    private final LocalChanges changes;
    private final Mirror mirror;
    private final Outbox outbox;

    public Reconciliation(LocalChanges changes, Mirror mirror, Outbox outbox) {
        this.changes = changes;
        this.mirror = mirror;
        this.outbox = outbox;
    }

    /** Conflicts mirrored here that are still open (their rows as synced). */
    public List<Map<String, Object>> openConflicts() {
        return changes.read(session -> mirror.all(session, Feed.CONFLICT).stream()
                .filter(row -> "OPEN".equals(Rows.text(row, "status"))).toList());
    }

    public UUID resolve(UserId actor, UUID conflictId, String resolution) {
        Objects.requireNonNull(conflictId, "conflictId");
        if (resolution == null || resolution.isBlank()) {
            throw new IllegalArgumentException("A resolution is required");
        }
        return changes.decide(session -> outbox.append(session, actor,
                new OperationPayload.ResolveConflict(conflictId, resolution), Map.of(), LocalEffect.NONE));
    }
}
