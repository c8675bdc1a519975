package app.spotter.client.sync;

import app.spotter.client.outbox.LocalChanges;
import app.spotter.client.outbox.LocalEffect;
import app.spotter.client.outbox.Outbox;
import app.spotter.client.outbox.PendingOperation;
import app.spotter.client.store.DeskJson;
import app.spotter.client.store.Feed;
import app.spotter.client.store.Mirror;
import app.spotter.client.store.Rows;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.SyncApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.HashMap;
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

    /**
     * Open conflicts with their facts and resolutions, oldest first; one whose resolution is queued
     * here and not yet confirmed says so.
     */
    public List<ConflictView> open() {
        ObjectMapper json = DeskJson.mapper();
        return changes.read(session -> {
            Map<UUID, String> queued = new HashMap<>();
            for (PendingOperation op : outbox.unconfirmed(session)) {
                if (op.payload() instanceof OperationPayload.ResolveConflict r
                        && (op.isPending() || op.outcome() == SyncApi.OutcomeStatus.APPLIED)) {
                    queued.put(r.conflictId(), r.resolution());
                }
            }
            return mirror.all(session, Feed.CONFLICT).stream()
                    .filter(row -> "OPEN".equals(Rows.text(row, "status")))
                    .map(row -> {
                        SyncApi.ConflictKind kind = SyncApi.ConflictKind.valueOf(Rows.text(row, "kind"));
                        UUID id = Rows.uuid(row, "id");
                        return new ConflictView(id, kind, Rows.text(row, "entityType"), Rows.text(row, "entityId"),
                                facts(json, row.get("facts")), kind.resolutions(), Rows.instant(row, "createdAt"),
                                queued.get(id));
                    })
                    .sorted(Comparator.comparing(ConflictView::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
        });
    }

    // The server keeps facts as a JSON text column; the feed may carry it as text or as an object.
    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(ObjectMapper json, Object facts) {
        if (facts instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (facts instanceof String text && !text.isBlank()) {
            return DeskJson.readMap(json, text);
        }
        return Map.of();
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
