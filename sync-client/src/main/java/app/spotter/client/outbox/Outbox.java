package app.spotter.client.outbox;

import app.spotter.client.store.DeskJson;
import app.spotter.client.store.DeviceState;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.HlcTimestamp;
import app.spotter.model.sync.HybridLogicalClock;
import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.OperationType;
import app.spotter.model.sync.SyncApi;
import app.spotter.model.sync.VersionVector;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.LockMode;
import org.hibernate.Session;

/**
 * The desk's outbox. {@link #append} takes the next gapless sequence and a hybrid-logical-clock
 * time inside the caller's transaction, so an operation exists exactly when its sequence was
 * taken. Methods take the caller's Session.
 */
public final class Outbox {

    private static final int PARSED_CACHE = 50_000;

    private record Parsed(OperationPayload payload, LocalEffect effect) {
    }

    private static final TypeReference<Map<String, VersionVector>> READ_VERSIONS = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final Clock clock;
    private final Supplier<UUID> ids;
    /** Parsed payloads and local effects by operation id: both are written once, at append. */
    private final Map<UUID, Parsed> parsed = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Parsed> eldest) {
                    return size() > PARSED_CACHE;
                }
            });
    private HybridLogicalClock hlc;
    private String hlcNode;
    private final app.spotter.client.staff.StaffKeys keys;

    public Outbox(ObjectMapper json, Clock clock) {
        this(json, clock, UUID::randomUUID);
    }

    /** With the source of new ids (operations, and the rows the desk mints); the simulation seeds it. */
    public Outbox(ObjectMapper json, Clock clock, Supplier<UUID> ids) {
        this(json, clock, ids, new app.spotter.client.staff.StaffKeys());
    }

    /** With the keys that sign the operations of the staff logged in here (decision 0013). */
    public Outbox(ObjectMapper json, Clock clock, Supplier<UUID> ids, app.spotter.client.staff.StaffKeys keys) {
        this.json = json;
        this.clock = clock;
        this.ids = ids;
        this.keys = keys;
    }

    /** A new id for an operation or a row this desk creates (random in production). */
    public UUID newId() {
        return ids.get();
    }

    /**
     * Writes an operation with the next sequence. The device_state row is locked for the rest of
     * the transaction, so two local changes never take the same sequence.
     *
     * @throws IllegalStateException if the desk is not enrolled yet
     */
    public UUID append(Session session, UserId actor, OperationPayload payload, Map<String, VersionVector> readVersions,
                       LocalEffect effect) {
        DeviceState state = session.find(DeviceState.class, DeviceState.ID, LockMode.PESSIMISTIC_WRITE);
        if (!state.isEnrolled()) {
            throw new IllegalStateException("This desk is not enrolled yet");
        }
        HlcTimestamp time = stamp(state);
        OutboxEntry entry = new OutboxEntry();
        entry.opId = ids.get();
        entry.sequence = state.nextSequence;
        entry.type = payload.type().name();
        entry.payload = DeskJson.write(json, payload);
        entry.readVersions = DeskJson.write(json, readVersions == null ? Map.of() : readVersions);
        entry.localEffect = DeskJson.write(json, effect == null ? LocalEffect.NONE : effect);
        entry.hlcWall = time.wallMillis();
        entry.hlcCounter = time.counter();
        entry.hlcNode = time.node();
        entry.actor = actor == null ? null : actor.value();
        entry.status = OutboxEntry.PENDING;
        entry.createdAt = clock.instant();
        if (actor != null) {
            // signed now, while the person is logged in here: exactly the wire form that will be pushed
            keys.prove(app.spotter.model.common.DeviceId.of(state.deviceId), toOperation(entry)).ifPresent(proof -> {
                entry.proofCredentialId = proof.credentialId();
                entry.proofSignature = proof.signature();
            });
        }
        session.persist(entry);
        state.nextSequence++;
        state.lastHlcWall = time.wallMillis();
        state.lastHlcCounter = time.counter();
        return entry.opId;
    }

    // The clock is rebuilt from device_state after a restart, and whenever the row moved on
    // without it (another Outbox over the same store).
    private synchronized HlcTimestamp stamp(DeviceState state) {
        if (hlc == null || !state.deviceId.equals(hlcNode)) {
            hlcNode = state.deviceId;
            hlc = new HybridLogicalClock(state.deviceId, clock::millis,
                    state.lastHlcWall == 0 ? null : new HlcTimestamp(state.lastHlcWall, state.lastHlcCounter, state.deviceId));
        }
        HlcTimestamp time = hlc.now();
        HlcTimestamp stored = new HlcTimestamp(state.lastHlcWall, state.lastHlcCounter, state.deviceId);
        if (time.compareTo(stored) <= 0) {
            hlc = new HybridLogicalClock(state.deviceId, clock::millis, stored);
            time = hlc.now();
        }
        return time;
    }

    /** Operations from {@code fromSequence} on, in sequence order, whatever their status. */
    public List<OutboxEntry> from(Session session, long fromSequence, int limit) {
        return session.createSelectionQuery("from OutboxEntry where sequence >= :from order by sequence", OutboxEntry.class)
                .setParameter("from", fromSequence)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The lowest sequence still waiting for the server, or null when the outbox is drained. */
    public Long firstPendingSequence(Session session) {
        return session.createSelectionQuery("select min(sequence) from OutboxEntry where status = :pending", Long.class)
                .setParameter("pending", OutboxEntry.PENDING)
                .getSingleResult();
    }

    public long pendingCount(Session session) {
        return session.createSelectionQuery("select count(*) from OutboxEntry where status = :pending", Long.class)
                .setParameter("pending", OutboxEntry.PENDING)
                .getSingleResult();
    }

    /** Records the server's outcome; a repeated outcome of a decided operation changes nothing. */
    public void recordOutcome(Session session, SyncApi.OperationOutcome outcome) {
        OutboxEntry entry = session.find(OutboxEntry.class, outcome.opId());
        if (entry == null || OutboxEntry.DONE.equals(entry.status)) {
            return;
        }
        entry.status = OutboxEntry.DONE;
        entry.outcomeStatus = outcome.status().name();
        entry.reason = outcome.reason();
        entry.conflictId = outcome.conflictId();
        entry.decidedAt = clock.instant();
    }

    /**
     * The operations the overlay lays over the confirmed state, in sequence order: every pending
     * one; decided ones the desk has not pulled back yet (above the settled sequence); and, for a
     * day, refused ones, so the desk can show why.
     */
    public List<PendingOperation> unconfirmed(Session session) {
        long settled = session.find(DeviceState.class, DeviceState.ID).settledSequence;
        // Every decision at the door reads this list, and an offline desk's outbox grows all
        // morning: read plain columns (no managed entities to dirty-check at commit) and parse each
        // operation's JSON once, since an entry's payload and local effect never change.
        List<Object[]> rows = session.createSelectionQuery("""
                        select e.opId, e.sequence, e.outcomeStatus, e.reason, e.conflictId
                        from OutboxEntry e where e.status = :pending or e.sequence > :settled
                        or (e.outcomeStatus in ('REJECTED', 'CONFLICT') and e.decidedAt >= :since)
                        order by e.sequence""", Object[].class)
                .setParameter("pending", OutboxEntry.PENDING)
                .setParameter("settled", settled)
                .setParameter("since", clock.instant().minus(java.time.Duration.ofDays(1)))
                .getResultList();
        List<UUID> unparsed = rows.stream().map(r -> (UUID) r[0]).filter(id -> parsed.get(id) == null).toList();
        if (!unparsed.isEmpty()) {
            for (int from = 0; from < unparsed.size(); from += 500) {
                session.createSelectionQuery("select e.opId, e.payload, e.localEffect from OutboxEntry e where e.opId in :ids",
                                Object[].class)
                        .setParameter("ids", unparsed.subList(from, Math.min(unparsed.size(), from + 500)))
                        .getResultList()
                        .forEach(r -> parsed.put((UUID) r[0], new Parsed(DeskJson.read(json, (String) r[1],
                                OperationPayload.class), r[2] == null ? LocalEffect.NONE
                                : DeskJson.read(json, (String) r[2], LocalEffect.class))));
            }
        }
        List<PendingOperation> ops = new java.util.ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Parsed p = parsed.get((UUID) r[0]);
            ops.add(new PendingOperation((UUID) r[0], (Long) r[1], p.payload(), p.effect(),
                    r[2] == null ? null : SyncApi.OutcomeStatus.valueOf((String) r[2]), (String) r[3], (UUID) r[4]));
        }
        return List.copyOf(ops);
    }

    /** The highest sequence with a known outcome, or 0. */
    public long lastDecidedSequence(Session session) {
        Long max = session.createSelectionQuery("select max(sequence) from OutboxEntry where status = :done", Long.class)
                .setParameter("done", OutboxEntry.DONE)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    /** Forgets decided operations settled before the cutoff; the server keeps their outcomes. */
    public int forgetSettled(Session session, java.time.Instant decidedBefore) {
        long settled = session.find(DeviceState.class, DeviceState.ID).settledSequence;
        return session.createMutationQuery(
                        "delete from OutboxEntry where status = :done and sequence <= :settled and decidedAt < :before")
                .setParameter("done", OutboxEntry.DONE)
                .setParameter("settled", settled)
                .setParameter("before", decidedBefore)
                .executeUpdate();
    }

    public PendingOperation find(Session session, UUID opId) {
        OutboxEntry entry = session.find(OutboxEntry.class, opId);
        return entry == null ? null : read(entry);
    }

    /** The wire form of an entry, exactly as it was recorded. */
    public SyncApi.Operation toOperation(OutboxEntry entry) {
        return new SyncApi.Operation(entry.opId, entry.sequence, OperationType.valueOf(entry.type),
                new HlcTimestamp(entry.hlcWall, entry.hlcCounter, entry.hlcNode),
                entry.actor == null ? null : new UserId(entry.actor),
                DeskJson.read(json, entry.readVersions, READ_VERSIONS),
                DeskJson.read(json, entry.payload, OperationPayload.class),
                entry.proofCredentialId == null ? null
                        : new SyncApi.ActorProof(entry.proofCredentialId, entry.proofSignature));
    }

    private PendingOperation read(OutboxEntry entry) {
        return new PendingOperation(entry.opId, entry.sequence, DeskJson.read(json, entry.payload, OperationPayload.class),
                entry.localEffect == null ? LocalEffect.NONE : DeskJson.read(json, entry.localEffect, LocalEffect.class),
                entry.outcomeStatus == null ? null : SyncApi.OutcomeStatus.valueOf(entry.outcomeStatus),
                entry.reason, entry.conflictId);
    }
}
