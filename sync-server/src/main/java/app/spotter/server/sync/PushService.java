package app.spotter.server.sync;

import app.spotter.model.checkin.CheckInMethod;
import app.spotter.model.sync.DeviceKind;
import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.SyncApi;
import app.spotter.model.sync.SyncApi.Operation;
import app.spotter.model.sync.SyncApi.OperationOutcome;
import app.spotter.model.sync.SyncApi.OutcomeStatus;
import app.spotter.server.access.RolePermissions;
import app.spotter.server.auth.Caller;
import app.spotter.server.auth.DeviceCaller;
import app.spotter.server.db.Transactions;
import app.spotter.server.devices.DeviceRecord;
import app.spotter.server.devices.StaffCredentials;
import app.spotter.server.http.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Push: a device's operations in sequence order. Each operation is applied with the ordinary
 * services and its outcome is stored with its change, atomically; a sequence already seen returns
 * its stored outcome; a gap stops the batch. See docs/sync.md.
 *
 * <p>Up to {@link #OPERATIONS_PER_TRANSACTION} operations share one database transaction (one
 * commit, one disk flush, one append to the change feed), each inside its own savepoint: a refused
 * operation rolls back to its savepoint, exactly its own part, and stores its outcome in its place;
 * the answer goes out only after the commit. Any other failure gives the whole transaction up and
 * applies the same operations one transaction each. Why: decision 0008.
 */
public final class PushService {

    /** Operations in one push; a longer outbox is pushed in several. */
    public static final int MAX_BATCH = 500;

    /**
     * Operations per database transaction: one commit (about 5 ms of disk flush on PostgreSQL) is
     * shared by this many; below PostgreSQL's 64 cached subtransactions per transaction, and short
     * enough that the slot and member locks of a transaction are held for tens of milliseconds.
     */
    static final int OPERATIONS_PER_TRANSACTION = 50;

    private final Transactions tx;
    private final Appliers appliers;
    private final RolePermissions rolePermissions;
    private final ObjectMapper json;
    private final Clock clock;
    private final StaffCredentials credentials;

    public PushService(Transactions tx, Appliers appliers, RolePermissions rolePermissions, ObjectMapper json,
                       Clock clock, StaffCredentials credentials) {
        this.tx = tx;
        this.appliers = appliers;
        this.rolePermissions = rolePermissions;
        this.json = json;
        this.clock = clock;
        this.credentials = credentials;
    }

    /**
     * Who an operation is applied as (decision 0013): the staff member its proof names, with the
     * credential's role; the device itself (no staff) for a QR check-in without an actor; or a
     * refusal stored as the outcome.
     */
    private record Acting(Caller actor, String refusal) {
        static Acting refused(String reason) {
            return new Acting(null, reason);
        }
    }

    private Acting acting(Session session, DeviceRecord d, DeviceCaller device, Operation op, OperationApplier applier,
                          Map<UUID, StaffCredentials.Held> held) {
        // A member's own QR card at the door is the one thing a device does as itself, in no staff
        // member's name: a kiosk, a scanner station, or a front desk locked into its kiosk mode.
        if (op.actor() == null && op.payload() instanceof OperationPayload.RecordCheckIn c
                && c.method() == CheckInMethod.QR) {
            return new Acting(null, null);
        }
        if (!DeviceKind.FRONT_DESK.name().equals(d.kind)) {
            // a kiosk or a scanner station acts for no one, whatever it names
            return Acting.refused("DEVICE_KIND_FORBIDS");
        }
        Optional<Caller> actor = credentials.proven(session, device.deviceId(), op, held);
        if (actor.isEmpty()) {
            return Acting.refused("ACTOR_NOT_PROVEN");
        }
        if (!actor.get().can(applier.permission())) {
            return Acting.refused("FORBIDDEN");
        }
        return new Acting(actor.get(), null);
    }

    /** One operation's answer: its outcome, or the sequence the server needs first. */
    private record Step(OperationOutcome outcome, Long expected, long lastSequence) {
    }

    /** The answers of a run of operations: outcomes in order, and where it stopped. */
    private record Run(List<OperationOutcome> outcomes, Long expected, long lastSequence) {
    }

    public SyncApi.PushResponse push(DeviceCaller device, SyncApi.PushRequest request) {
        List<Operation> ops = validate(request);
        List<OperationOutcome> outcomes = new ArrayList<>();
        // The staff credentials that sign the operations, read once per push.
        Map<UUID, StaffCredentials.Held> actors = new HashMap<>();
        long last = tx.inTransaction(session -> session.find(DeviceRecord.class, device.deviceId().value()).lastSequence);
        Long expected = null;
        for (int from = 0; from < ops.size() && expected == null; from += OPERATIONS_PER_TRANSACTION) {
            List<Operation> part = ops.subList(from, Math.min(ops.size(), from + OPERATIONS_PER_TRANSACTION));
            Run run;
            try {
                run = tx.inTransaction(session -> applyTogether(session, device, part, actors));
            } catch (DeviceRevoked revoked) {
                throw revoked.refusal;
            } catch (RuntimeException unexpected) {
                // nothing of this part was committed: the same operations again, one transaction each
                run = applyOneByOne(device, part, actors);
            }
            outcomes.addAll(run.outcomes());
            last = run.lastSequence();
            expected = run.expected();
        }
        return new SyncApi.PushResponse(outcomes, last, expected);
    }

    /** Thrown out of a shared transaction so that a revoked device is answered 401, never retried alone. */
    private static final class DeviceRevoked extends RuntimeException {
        final ApiException refusal;

        DeviceRevoked(ApiException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** Several operations in the running transaction, each in a savepoint of its own. */
    private Run applyTogether(Session session, DeviceCaller device, List<Operation> part,
                              Map<UUID, StaffCredentials.Held> actors) {
        List<OperationOutcome> outcomes = new ArrayList<>(part.size());
        DeviceRecord d;
        try {
            // locked until the commit: this device's pushes apply one after the other
            d = lockDevice(session, device);
        } catch (ApiException refusal) {
            throw new DeviceRevoked(refusal);
        }
        Map<java.util.UUID, OperationRecord> known = known(session, part);
        Run run = null;
        for (Operation op : part) {
            OperationApplier applier = appliers.of(op.type());
            // d is detached from here on (the savepoint clears the session); written back below
            Transactions.Savepoint savepoint = tx.savepoint(session);
            Optional<Step> seen = seenOrGap(session, d, op, known.get(op.opId()));
            if (seen.isPresent() && seen.get().expected() != null) {
                run = new Run(outcomes, seen.get().expected(), d.lastSequence);
                break;
            }
            if (seen.isPresent()) {
                outcomes.add(seen.get().outcome());
                continue;
            }
            Optional<String> invalid = OperationBounds.invalidField(op);
            Acting acting = invalid.isPresent() ? null : acting(session, d, device, op, applier, actors);
            Applied applied;
            if (invalid.isPresent()) {
                applied = Applied.rejected(OperationBounds.reason(invalid.get()));
            } else if (acting.refusal() != null) {
                applied = Applied.rejected(acting.refusal());
            } else {
                try {
                    applied = applier.apply(session, new Applying(acting.actor(), device, op));
                } catch (ApiException refusal) {
                    // Only this operation's part is undone; its outcome is stored in its place, so the
                    // sequence moves on and the desk never resends a refused operation forever.
                    tx.rollbackTo(session, savepoint);
                    try {
                        applied = applier.refused(session, new Applying(acting.actor(), device, op), refusal);
                    } catch (ApiException e) {
                        applied = Applied.rejected(refusal.code());
                    }
                }
            }
            outcomes.add(store(session, d, op, applied).outcome());
        }
        DeviceRecord current = session.find(DeviceRecord.class, d.id);
        current.lastSequence = d.lastSequence;
        current.lastSeenAt = d.lastSeenAt;
        return run != null ? run : new Run(outcomes, null, d.lastSequence);
    }

    /** The stored operations of this part that were seen before, by id: one query instead of one each. */
    private static Map<java.util.UUID, OperationRecord> known(Session session, List<Operation> part) {
        List<java.util.UUID> ids = part.stream().map(Operation::opId).toList();
        Map<java.util.UUID, OperationRecord> known = new HashMap<>();
        session.createSelectionQuery("from OperationRecord o where o.opId in :ids", OperationRecord.class)
                .setParameterList("ids", ids).getResultList().forEach(r -> known.put(r.opId, r));
        return known;
    }

    private Run applyOneByOne(DeviceCaller device, List<Operation> part, Map<UUID, StaffCredentials.Held> actors) {
        List<OperationOutcome> outcomes = new ArrayList<>(part.size());
        long last = 0;
        for (Operation op : part) {
            Step step = process(device, op, actors);
            last = step.lastSequence();
            if (step.expected() != null) {
                return new Run(outcomes, step.expected(), last);
            }
            outcomes.add(step.outcome());
        }
        return new Run(outcomes, null, last);
    }

    /** One operation in a transaction of its own (and its refusal's outcome in a second one). */
    private Step process(DeviceCaller device, Operation op, Map<UUID, StaffCredentials.Held> actors) {
        OperationApplier applier = appliers.of(op.type());
        try {
            return tx.inTransaction(session -> {
                DeviceRecord d = lockDevice(session, device);
                Optional<Step> seen = seenOrGap(session, d, op, session.find(OperationRecord.class, op.opId()));
                if (seen.isPresent()) {
                    return seen.get();
                }
                Optional<String> invalid = OperationBounds.invalidField(op);
                if (invalid.isPresent()) {
                    return store(session, d, op, Applied.rejected(OperationBounds.reason(invalid.get())));
                }
                Acting acting = acting(session, d, device, op, applier, actors);
                if (acting.refusal() != null) {
                    return store(session, d, op, Applied.rejected(acting.refusal()));
                }
                Applied applied = applier.apply(session, new Applying(acting.actor(), device, op));
                return store(session, d, op, applied);
            });
        } catch (ApiException refusal) {
            // The refusal rolled the applied part back; its outcome is stored on its own, and the
            // sequence moves on, so the desk never resends a refused operation forever.
            return tx.inTransaction(session -> {
                DeviceRecord d = lockDevice(session, device);
                Optional<Step> seen = seenOrGap(session, d, op, session.find(OperationRecord.class, op.opId()));
                if (seen.isPresent()) {
                    return seen.get();
                }
                Acting acting = acting(session, d, device, op, applier, actors);
                if (acting.refusal() != null) {
                    return store(session, d, op, Applied.rejected(acting.refusal()));
                }
                Applied outcome;
                try {
                    outcome = applier.refused(session, new Applying(acting.actor(), device, op), refusal);
                } catch (ApiException e) {
                    outcome = Applied.rejected(refusal.code());
                }
                return store(session, d, op, outcome);
            });
        } catch (RuntimeException failure) {
            if (!OperationBounds.isDataError(failure)) {
                throw failure;
            }
            // A value the database cannot hold (too long, out of range) fails the same way on every
            // resend: REJECTED once and stored, so the desk's outbox moves on.
            return tx.inTransaction(session -> {
                DeviceRecord d = lockDevice(session, device);
                Optional<Step> seen = seenOrGap(session, d, op, session.find(OperationRecord.class, op.opId()));
                return seen.orElseGet(() -> store(session, d, op, Applied.rejected(OperationBounds.INVALID)));
            });
        }
    }

    private static DeviceRecord lockDevice(Session session, DeviceCaller device) {
        DeviceRecord d = session.find(DeviceRecord.class, device.deviceId().value(), LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.revokedAt != null) {
            throw new ApiException(401, "DEVICE_REVOKED", "This device is not enrolled or was revoked");
        }
        return d;
    }

    /**
     * The stored outcome when this operation (by id) or this sequence was seen before; the expected
     * sequence when the operation comes after a gap; empty when it is the next one to apply.
     */
    private Optional<Step> seenOrGap(Session session, DeviceRecord d, Operation op, OperationRecord byId) {
        if (byId != null) {
            // The same operation resent under another sequence: never applied twice. Its new
            // sequence number is used up, so the desk's next operation is not a gap.
            if (op.sequence() == d.lastSequence + 1) {
                d.lastSequence = op.sequence();
            }
            return Optional.of(new Step(outcome(byId, op.sequence()), null, d.lastSequence));
        }
        if (op.sequence() <= d.lastSequence) {
            OperationRecord bySequence = session.createSelectionQuery(
                            "from OperationRecord o where o.deviceId = :d and o.sequence = :s", OperationRecord.class)
                    .setParameter("d", d.id).setParameter("s", op.sequence()).uniqueResult();
            if (bySequence == null) {
                // a sequence used up by a resent operation (above): the outcome is under the original's
                return Optional.of(new Step(new OperationOutcome(op.opId(), op.sequence(), OutcomeStatus.REJECTED,
                        "SEQUENCE_REUSED", null), null, d.lastSequence));
            }
            return Optional.of(new Step(outcome(bySequence, op.sequence()), null, d.lastSequence));
        }
        if (op.sequence() > d.lastSequence + 1) {
            return Optional.of(new Step(null, d.lastSequence + 1, d.lastSequence));
        }
        return Optional.empty();
    }

    private Step store(Session session, DeviceRecord d, Operation op, Applied applied) {
        Instant now = clock.instant();
        OperationRecord r = new OperationRecord();
        r.opId = op.opId();
        r.deviceId = d.id;
        r.sequence = op.sequence();
        r.type = op.type().name();
        r.payload = write(op.payload(), OperationPayload.class);
        if (r.payload.length() > OperationBounds.MAX_PAYLOAD) {
            // a REJECTED operation (a huge value the applier refused): its type is enough to keep
            r.payload = "{\"kind\":\"" + op.type().name() + "\"}";
        }
        r.actor = op.actor() == null ? null : op.actor().value();
        r.hlc = op.hlc() == null ? null : op.hlc().wallMillis() + ":" + op.hlc().counter() + ":" + op.hlc().node();
        if (r.hlc != null && (r.hlc.length() > OperationBounds.MAX_HLC || !app.spotter.server.http.InputBounds.storable(r.hlc))) {
            r.hlc = null; // INVALID_OPERATION:hlc.node, rejected: its time orders nothing
        }
        if (op.readVersions() != null) {
            TreeMap<String, String> versions = new TreeMap<>();
            op.readVersions().forEach((k, v) -> versions.put(k, v == null ? "" : v.encode()));
            r.readVersions = write(versions, TreeMap.class);
            if (r.readVersions.length() > OperationBounds.MAX_READ_VERSIONS) {
                r.readVersions = null; // only a REJECTED operation gets here (INVALID_OPERATION:readVersions)
            }
        }
        r.status = applied.status().name();
        r.reason = applied.reason();
        r.conflictId = applied.conflictId();
        r.receivedAt = now;
        r.appliedAt = applied.status() == OutcomeStatus.REJECTED ? null : now;
        session.persist(r);
        d.lastSequence = op.sequence();
        d.lastSeenAt = now;
        return new Step(outcome(r, op.sequence()), null, d.lastSequence);
    }

    private static OperationOutcome outcome(OperationRecord r, long sequence) {
        return new OperationOutcome(r.opId, sequence, OutcomeStatus.valueOf(r.status), r.reason, r.conflictId);
    }

    private String write(Object value, Class<?> type) {
        try {
            return json.writerFor(type).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The operations sorted by sequence; 400 for a malformed batch. */
    private static List<Operation> validate(SyncApi.PushRequest request) {
        if (request.operations() == null) {
            throw ApiException.validation("operations", "operations is required");
        }
        if (request.operations().size() > MAX_BATCH) {
            throw ApiException.validation("operations", "At most " + MAX_BATCH + " operations per push");
        }
        Set<Long> sequences = new HashSet<>();
        Set<java.util.UUID> ids = new HashSet<>();
        for (int i = 0; i < request.operations().size(); i++) {
            Operation op = request.operations().get(i);
            String at = "operations[" + i + "]";
            if (op == null) {
                throw ApiException.validation(at, "An operation is required");
            }
            if (op.opId() == null) {
                throw ApiException.validation(at + ".opId", "opId is required");
            }
            if (op.sequence() < 1) {
                throw ApiException.validation(at + ".sequence", "sequence starts at 1");
            }
            if (op.type() == null) {
                throw ApiException.validation(at + ".type", "type is required");
            }
            // a missing or mismatched payload is refused per operation (OperationBounds), not per batch
            if (!sequences.add(op.sequence())) {
                throw ApiException.validation(at + ".sequence", "Sequence " + op.sequence() + " twice in one batch");
            }
            if (!ids.add(op.opId())) {
                throw ApiException.validation(at + ".opId", "Operation " + op.opId() + " twice in one batch");
            }
        }
        return request.operations().stream().sorted(Comparator.comparingLong(Operation::sequence)).toList();
    }
}
