package app.spotter.client.sync;

import app.spotter.client.outbox.Outbox;
import app.spotter.client.outbox.OutboxEntry;
import app.spotter.client.store.DeskStore;
import app.spotter.client.store.DeviceState;
import app.spotter.client.store.Feed;
import app.spotter.client.store.LeaseReturns;
import app.spotter.client.store.Mirror;
import app.spotter.model.common.DeviceId;
import app.spotter.model.sync.DeviceKind;
import app.spotter.model.sync.SyncApi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of sync: push the outbox, pull the change feed, top up seat leases. Every step writes
 * what it learned in local transactions, so a desk killed between any two of them repeats at most
 * a harmless call on the next round. Not re-entrant: the runner calls it from one thread.
 */
public final class SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    public static final int PUSH_BATCH = 200;
    public static final int PULL_PAGE = 500;
    public static final int SNAPSHOT_PAGE = 500;
    public static final int SEATS_PER_SLOT = 2;
    /** How long decided operations stay in the outbox after they settled, for support. */
    public static final java.time.Duration KEEP_DECIDED = java.time.Duration.ofDays(7);

    private final DeskStore store;
    private final Mirror mirror;
    private final Outbox outbox;
    private final ServerConnection server;
    private final Clock clock;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile SyncStatus status = SyncStatus.INITIAL;

    public SyncEngine(DeskStore store, Mirror mirror, Outbox outbox, ServerConnection server, Clock clock) {
        this.store = store;
        this.mirror = mirror;
        this.outbox = outbox;
        this.server = server;
        this.clock = clock;
        status = new SyncStatus(false, pendingCount(), lastSync(), false);
    }

    /**
     * Enrolls this desk with a one-time pairing code and keeps what the server gave in
     * device_state.
     */
    public SyncApi.Enrollment enroll(String pairingCode, String name, DeviceKind kind) {
        SyncApi.Enrollment enrollment = ServerConnection.execute(
                server.open().enroll(new SyncApi.EnrollRequest(pairingCode, name, kind)));
        store.run(session -> {
            DeviceState state = session.find(DeviceState.class, DeviceState.ID);
            state.deviceId = enrollment.deviceId().toString();
            state.deviceSecret = enrollment.deviceSecret();
            state.locationId = enrollment.locationId() == null ? null : enrollment.locationId().toString();
            state.zoneId = enrollment.zoneId();
            state.memberCardPublicKey = enrollment.memberCardPublicKey();
        });
        server.forgetToken();
        return enrollment;
    }

    /** The credentials from device_state, for the connection's token. */
    public static ServerConnection.Credentials credentials(DeskStore store) {
        return store.inTransaction(session -> {
            DeviceState state = session.find(DeviceState.class, DeviceState.ID);
            return state.isEnrolled()
                    ? new ServerConnection.Credentials(DeviceId.of(state.deviceId), state.deviceSecret) : null;
        });
    }

    private final java.util.List<Runnable> afterEachSync = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Work that rides on every successful exchange with the server (staff access, say); if the
     * server cannot answer it, the round still counts and the next round tries again.
     */
    public void afterEachSync(Runnable work) {
        afterEachSync.add(work);
    }

    /**
     * Push, pull, leases. Throws {@link ServerUnavailable} when the server cannot be reached; what
     * was done before that is kept.
     */
    public void syncOnce() {
        // Offline until now (the last round found no server, or the desk just started): the leases
        // taken before the outage go back once the outbox is in, and fresh ones are taken below.
        boolean reconnecting = !status.online();
        publish(new SyncStatus(status.online(), pendingCount(), status.lastSuccessfulSync(), true));
        try {
            push();
            if (reconnecting) {
                giveBackLeases();
            }
            boolean reset = pull();
            if (reset) {
                // The server may have lost nothing, but the desk re-sends what it has not heard back on.
                push();
            }
            topUpLeases();
            forgetReturnedLeases();
            for (Runnable work : afterEachSync) {
                try {
                    work.run();
                } catch (ServerUnavailable e) {
                    // Riding along, not part of the round: the bookings and check-ins synced; next round tries again.
                }
            }
            java.time.Instant now = clock.instant();
            store.run(session -> session.find(DeviceState.class, DeviceState.ID).lastSyncAt = now);
            publish(new SyncStatus(true, pendingCount(), now, false));
        } catch (RuntimeException e) {
            publish(new SyncStatus(!(e instanceof ServerUnavailable u) || u.status() != 0, pendingCount(),
                    status.lastSuccessfulSync(), false));
            throw e;
        }
    }

    /** Sends pending operations in sequence order, batches of at most {@link #PUSH_BATCH}. */
    void push() {
        Long first = store.inTransaction(outbox::firstPendingSequence);
        if (first == null) {
            return;
        }
        long next = first;
        int gapsInARow = 0;
        while (true) {
            long from = next;
            List<OutboxEntry> batch = store.inTransaction(session -> outbox.from(session, from, PUSH_BATCH));
            if (batch.isEmpty()) {
                return;
            }
            List<SyncApi.Operation> operations = batch.stream().map(outbox::toOperation).toList();
            SyncApi.PushResponse response = ServerConnection.execute(
                    server.authorized().push(new SyncApi.PushRequest(operations)));
            long lastSent = batch.get(batch.size() - 1).sequence;
            store.run(session -> {
                response.outcomes().forEach(outcome -> outbox.recordOutcome(session, outcome));
                DeviceState state = session.find(DeviceState.class, DeviceState.ID);
                state.lastPushedSequence = Math.max(state.lastPushedSequence, lastSent);
                state.lastAckedSequence = Math.max(state.lastAckedSequence, response.lastAppliedSequence());
            });
            if (response.expectedSequence() != null) {
                // A gap: the server needs an earlier operation first (it lost or never saw it).
                if (++gapsInARow > 3) {
                    throw new ServerUnavailable("The server keeps asking for sequence " + response.expectedSequence(),
                            409, null);
                }
                next = response.expectedSequence();
            } else {
                gapsInARow = 0;
                // Normally everything sent; if the server stopped early, the rest goes again.
                next = Math.min(lastSent, response.lastAppliedSequence()) + 1;
                if (next <= from) {
                    throw new ServerUnavailable("The server applied none of the batch from sequence " + from, 409, null);
                }
            }
        }
    }

    /** Pulls until the feed has no more; returns whether the desk had to reset from a snapshot. */
    boolean pull() {
        // Outcomes known before this pull began are in what it brings (the server stores an
        // outcome with its change, and the feed is in commit order).
        long decidedBefore = store.inTransaction(outbox::lastDecidedSequence);
        boolean reset = false;
        while (true) {
            DeviceState held = store.inTransaction(session -> session.find(DeviceState.class, DeviceState.ID));
            SyncApi.PullResponse page = ServerConnection.execute(server.authorized().pull(held.pullCursor,
                    held.heldUntil == null ? null : held.heldUntil.toString(), PULL_PAGE));
            if (page.resetRequired()) {
                if (reset) {
                    throw new ServerUnavailable("The server asks for a reset again right after one", 409, null);
                }
                resetFromSnapshot();
                reset = true;
                continue;
            }
            store.run(session -> {
                page.changes().forEach(change -> mirror.apply(session, change));
                DeviceState state = session.find(DeviceState.class, DeviceState.ID);
                // Cursors never go backwards, whatever a confused answer says.
                state.pullCursor = Math.max(state.pullCursor, page.cursor());
                if (page.window() != null) {
                    holdWindow(session, state, page.window().from(), page.window().until());
                }
            });
            if (!page.hasMore() || page.changes().isEmpty()) {
                store.run(session -> {
                    DeviceState state = session.find(DeviceState.class, DeviceState.ID);
                    state.settledSequence = Math.max(state.settledSequence, decidedBefore);
                    outbox.forgetSettled(session, clock.instant().minus(KEEP_DECIDED));
                });
                return reset;
            }
        }
    }

    /**
     * Reads every entity type's snapshot, then replaces the mirror in one local transaction and
     * continues from the smallest snapshot position (changes after it are pulled again, which is
     * harmless: upserts are idempotent). The outbox stays.
     */
    void resetFromSnapshot() {
        LOG.info("Change feed cursor is older than the server keeps: resetting from a snapshot");
        record Loaded(String entityType, Map<String, Object> row, long position) {
        }
        List<Loaded> rows = new ArrayList<>();
        long smallest = Long.MAX_VALUE;
        java.time.Instant windowFrom = null;
        java.time.Instant windowUntil = null;
        for (String entityType : Feed.ENTITY_TYPES) {
            String after = null;
            do {
                SyncApi.SnapshotPage page;
                try {
                    page = ServerConnection.execute(server.authorized().snapshot(entityType, after, SNAPSHOT_PAGE));
                } catch (ServerUnavailable e) {
                    if (e.status() == 400 && after == null) {
                        // An older server does not sync this type; its rows come through the feed, if ever.
                        LOG.info("The server has no snapshot of {}", entityType);
                        break;
                    }
                    throw e;
                }
                smallest = Math.min(smallest, page.position());
                if (page.window() != null) {
                    windowFrom = windowFrom == null || page.window().from().isAfter(windowFrom) ? page.window().from() : windowFrom;
                    windowUntil = windowUntil == null || page.window().until().isBefore(windowUntil)
                            ? page.window().until() : windowUntil;
                }
                for (Map<String, Object> row : page.rows()) {
                    rows.add(new Loaded(entityType, row, page.position()));
                }
                after = page.rows().isEmpty() ? null : page.nextAfter();
            } while (after != null);
        }
        long cursor = smallest == Long.MAX_VALUE ? 0 : smallest;
        java.time.Instant from = windowFrom;
        java.time.Instant until = windowUntil;
        store.run(session -> {
            mirror.clear(session);
            for (Loaded loaded : rows) {
                mirror.upsert(session, loaded.entityType(), idOf(loaded.entityType(), loaded.row()), loaded.row(),
                        loaded.position());
            }
            DeviceState state = session.find(DeviceState.class, DeviceState.ID);
            state.pullCursor = cursor;
            state.windowFrom = null;
            state.heldUntil = null;
            if (from != null) {
                // the narrowest window of the pages (midnight may pass between them); the next pull
                // catches up whatever lies beyond it
                holdWindow(session, state, from, until);
            }
        });
    }

    /** The mirror holds the slots of [from, until) from now on: what lies outside goes. */
    private void holdWindow(org.hibernate.Session session, DeviceState state, java.time.Instant from,
                            java.time.Instant until) {
        if (from.equals(state.windowFrom) && until.equals(state.heldUntil)) {
            return;
        }
        int dropped = mirror.keepWindow(session, from, until);
        if (dropped > 0) {
            LOG.debug("{} slots left the schedule window [{}, {})", dropped, from, until);
        }
        state.windowFrom = from;
        state.heldUntil = until;
    }

    /**
     * After an outage: lists every lease of this desk as being given back (from then on no booking
     * is confirmed on it here), pushes what was booked on them, then returns them; the server gives
     * their unused seats back to the pool (and the waitlist) at once. A failure on the way leaves the
     * list, and the next round after reconnecting sends it again.
     */
    void giveBackLeases() {
        List<java.util.UUID> leaseIds = store.inTransaction(session -> {
            // the same lock as a local booking: a booking decided before this listing is in the outbox
            DeviceState state = session.find(DeviceState.class, DeviceState.ID, org.hibernate.LockMode.PESSIMISTIC_WRITE);
            java.time.Instant now = clock.instant();
            for (Map<String, Object> lease : mirror.all(session, Feed.SEAT_LEASE)) {
                String id = app.spotter.client.store.Rows.text(lease, lease.containsKey("leaseId") ? "leaseId" : "id");
                if (state.deviceId != null && state.deviceId.equals(app.spotter.client.store.Rows.text(lease, "deviceId"))
                        && lease.get("returnedAt") == null && !LeaseReturns.listed(session, id)) {
                    LeaseReturns.list(session, id, now);
                }
            }
            return LeaseReturns.all(session).stream().map(java.util.UUID::fromString).toList();
        });
        if (leaseIds.isEmpty()) {
            return;
        }
        push();
        returnLeases(leaseIds);
        LOG.info("Gave back {} seat leases after reconnecting", leaseIds.size());
    }

    /** Drops listed returns the server has confirmed (the pulled lease shows it returned) or that lapsed. */
    void forgetReturnedLeases() {
        store.run(session -> {
            java.time.Instant now = clock.instant();
            for (String id : LeaseReturns.all(session)) {
                var lease = mirror.find(session, Feed.SEAT_LEASE, id);
                java.time.Instant expires = lease.map(l -> app.spotter.client.store.Rows.instant(l, "expiresAt")).orElse(null);
                if (lease.isEmpty() || lease.get().get("returnedAt") != null || expires == null || !expires.isAfter(now)) {
                    LeaseReturns.forget(session, id);
                }
            }
        });
    }

    /** Asks for seats on the location's upcoming slots and mirrors the grant at once. */
    void topUpLeases() {
        holdSeats(List.of(), SEATS_PER_SLOT);
    }

    /**
     * Tops this desk's leases up to {@code seatsPerSlot} on the given slots (none: the location's
     * upcoming slots), e.g. more seats of a class ahead of a planned outage; the server caps it.
     */
    public void holdSeats(List<app.spotter.model.common.SlotId> slotIds, int seatsPerSlot) {
        SyncApi.LeaseGrant grant = ServerConnection.execute(
                server.authorized().leases(new SyncApi.LeaseRequest(slotIds, seatsPerSlot)));
        if (grant == null || grant.leases() == null) {
            return;
        }
        store.run(session -> {
            long cursor = session.find(DeviceState.class, DeviceState.ID).pullCursor;
            for (SyncApi.SeatLease lease : grant.leases()) {
                Map<String, Object> data = new java.util.LinkedHashMap<>();
                data.put("id", lease.leaseId().toString());
                data.put("leaseId", lease.leaseId().toString());
                data.put("slotId", lease.slotId().toString());
                data.put("deviceId", lease.deviceId() == null ? null : lease.deviceId().toString());
                data.put("seats", lease.seats());
                data.put("used", lease.used());
                data.put("expiresAt", lease.expiresAt() == null ? null : lease.expiresAt().toString());
                mirror.upsert(session, Feed.SEAT_LEASE, lease.leaseId().toString(), data, cursor);
            }
        });
    }

    /** Gives back this desk's unused leases, e.g. when it closes for the night. */
    public void returnLeases(List<java.util.UUID> leaseIds) {
        if (!leaseIds.isEmpty()) {
            ServerConnection.execute(server.authorized().returnLeases(new SyncApi.LeaseReturn(leaseIds)));
        }
    }

    private static String idOf(String entityType, Map<String, Object> row) {
        Object id = row.get("id");
        if (id == null && Feed.SEAT_LEASE.equals(entityType)) {
            id = row.get("leaseId");
        }
        if (id == null) {
            throw new IllegalStateException("A snapshot row of " + entityType + " has no id: " + row.keySet());
        }
        return id.toString();
    }

    public SyncStatus status() {
        return status;
    }

    /** Registers a listener of status changes; the returned handle removes it. */
    public AutoCloseable onStatus(Consumer<SyncStatus> listener) {
        listeners.add(listener);
        listener.accept(status);
        return () -> listeners.remove(listener);
    }

    /** Called after a local change, so the pending count updates at once. */
    public void localChangeRecorded() {
        publish(new SyncStatus(status.online(), pendingCount(), status.lastSuccessfulSync(), status.syncing()));
    }

    void markOffline() {
        publish(new SyncStatus(false, pendingCount(), status.lastSuccessfulSync(), false));
    }

    private void publish(SyncStatus next) {
        status = next;
        for (Consumer<SyncStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("A sync status listener failed", e);
            }
        }
    }

    private long pendingCount() {
        return store.inTransaction(outbox::pendingCount);
    }

    private java.time.Instant lastSync() {
        return store.inTransaction(session -> session.find(DeviceState.class, DeviceState.ID).lastSyncAt);
    }
}
