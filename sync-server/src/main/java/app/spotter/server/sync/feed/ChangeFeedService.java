package app.spotter.server.sync.feed;

import app.spotter.model.common.LocationId;
import app.spotter.model.sync.SyncApi.Change;
import app.spotter.model.sync.SyncApi.ChangeKind;
import app.spotter.model.sync.SyncApi.PullResponse;
import app.spotter.model.sync.SyncApi.SnapshotPage;
import app.spotter.model.sync.SyncApi.SyncWindow;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.schedule.TimeSlotRecord;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.sync.feed.ChangeFeedRepository.Counter;
import app.spotter.server.sync.feed.SyncedEntities.SyncedType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.Session;

/**
 * Reads the change feed for devices (pull and snapshot) and keeps it to its retention window.
 *
 * <p>The feed keeps positions {@code >= oldestRetained}. A cursor {@code after} is served when
 * {@code oldestRetained - 1 <= after <= position}; older (pruned away) or newer (another database)
 * cursors get {@code resetRequired}: the device snapshots every type and continues from there.
 */
public final class ChangeFeedService {

    public static final int MAX_LIMIT = 1000;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(ChangeFeedService.class.getName());

    private final Transactions tx;
    private final ChangeFeedRepository feed;
    private final SyncedEntities synced;
    private final Clock clock;
    private final Duration retention;
    private final SyncWindows windows;
    private final AtomicReference<Instant> nextPrune = new AtomicReference<>(Instant.EPOCH);

    public ChangeFeedService(Transactions tx, ChangeFeedRepository feed, SyncedEntities synced, Clock clock,
                             Duration retention, SyncWindows windows) {
        this.tx = tx;
        this.feed = feed;
        this.synced = synced;
        this.clock = clock;
        this.retention = retention;
        this.windows = windows;
    }

    /**
     * Up to {@code limit} changes after the cursor that a device of the location sees, in commit
     * order, inside the device's schedule window (see {@link SyncWindows}).
     *
     * <p>The window moves with the clock, so slots the device never got through the feed (they were
     * beyond its window when they changed) enter it. {@code heldUntil} is the end of the window the
     * device already holds (from its last page); while it is short of the current end, the answer is
     * a catch-up page instead: the current rows of the slots that entered (with their bookings and
     * leases) as upserts at the position read before them, the cursor unchanged, {@code hasMore},
     * and the window held once they are applied. Feed changes to those slots after the cursor are
     * sent again after the catch-up, which is harmless: upserts are idempotent and come in order.
     * Null {@code heldUntil} (an older desk) means no catch-up.
     */
    public PullResponse pull(LocationId location, ZoneId zone, long after, Instant heldUntil, int limit) {
        if (after < 0) {
            throw ApiException.validation("after", "after must be 0 or the cursor of an earlier pull");
        }
        checkLimit(limit);
        pruneIfDue();
        return tx.inTransaction(session -> {
            Counter counter = feed.counter(session);
            if (mustReset(after, counter)) {
                return new PullResponse(List.of(), after, false, true, null);
            }
            SyncWindow window = windows.at(zone, clock.instant());
            if (heldUntil != null && heldUntil.isBefore(window.until())) {
                PullResponse catchUp = catchUp(session, location, window, heldUntil, after, counter.position(), limit);
                if (catchUp != null) {
                    return catchUp;
                }
            }
            // Every position up to counter.position is committed (positions are taken in commit
            // order), so the range (after, counter.position] is complete and final.
            List<ChangeLogRecord> rows = feed.changes(session, after, counter.position(), location.value(), window,
                    limit + 1);
            if (mustReset(after, feed.counter(session))) {
                // a prune committed meanwhile and may have removed part of the range
                return new PullResponse(List.of(), after, false, true, null);
            }
            boolean hasMore = rows.size() > limit;
            List<ChangeLogRecord> page = hasMore ? rows.subList(0, limit) : rows;
            // Without more matches, everything up to counter.position was scanned: the cursor moves
            // past the changes of other locations too, and never back.
            long cursor = hasMore ? page.getLast().position : counter.position();
            List<Change> changes = new ArrayList<>(page.size());
            for (ChangeLogRecord r : page) {
                changes.add(new Change(r.position, r.entityType, r.entityId, ChangeKind.valueOf(r.kind),
                        r.data == null ? null : synced.read(r.data)));
            }
            return new PullResponse(changes, cursor, hasMore, false, window);
        });
    }

    /**
     * The rows of the slots that start in [max(heldUntil, window.from), window.until), whole start
     * times at a time and about {@code limit} rows per page; null when there are none.
     */
    private PullResponse catchUp(Session session, LocationId location, SyncWindow window, Instant heldUntil,
                                 long after, long position, int limit) {
        Instant start = heldUntil.isBefore(window.from()) ? window.from() : heldUntil;
        List<TimeSlotRecord> slots = feed.slotsStarting(session, location.value(), start, window.until(), limit + 1);
        if (slots.isEmpty()) {
            return null;
        }
        // Where the slots of this page end when more follow: a start time left for the next page.
        Instant rest = window.until();
        if (slots.size() > limit) {
            Instant last = slots.getLast().startsAt;
            if (slots.getFirst().startsAt.equals(last)) {
                // more slots than a page at one instant: take that instant whole (µs: PostgreSQL's precision)
                slots = feed.slotsStarting(session, location.value(), last, last.plus(1, ChronoUnit.MICROS),
                        Integer.MAX_VALUE);
                rest = last.plus(1, ChronoUnit.MICROS);
            } else {
                // the last start time may continue beyond this page: leave it whole for the next one
                slots = slots.stream().filter(t -> t.startsAt.isBefore(last)).toList();
                rest = last;
            }
        }
        Map<UUID, List<Change>> bySlot = new LinkedHashMap<>();
        SyncedType<?> slotType = null;
        for (SyncedType<?> type : synced.windowedTypes()) {
            if (type.entity() == TimeSlotRecord.class) {
                slotType = type;
            }
        }
        for (TimeSlotRecord t : slots) {
            List<Change> rows = new ArrayList<>();
            if (slotType != null) {
                rows.add(new Change(position, slotType.name(), t.id.toString(), ChangeKind.UPSERT, synced.row(slotType, t)));
            }
            bySlot.put(t.id, rows);
        }
        for (SyncedType<?> type : synced.windowedTypes()) {
            if (type.entity() == TimeSlotRecord.class) {
                continue;
            }
            for (Object row : feed.rowsOfSlots(session, type, bySlot.keySet())) {
                UUID slotId = type.slotIdOf(row);
                bySlot.get(slotId).add(new Change(position, type.name(), String.valueOf(session.getIdentifier(row)),
                        ChangeKind.UPSERT, synced.row(type, row)));
            }
        }
        // whole start times, until the page is full (the first one always goes, however big)
        List<Change> changes = new ArrayList<>();
        Instant held = rest;
        int i = 0;
        while (i < slots.size()) {
            Instant at = slots.get(i).startsAt;
            List<Change> group = new ArrayList<>();
            for (; i < slots.size() && slots.get(i).startsAt.equals(at); i++) {
                group.addAll(bySlot.get(slots.get(i).id));
            }
            if (!changes.isEmpty() && changes.size() + group.size() > limit) {
                held = at;
                break;
            }
            changes.addAll(group);
        }
        return new PullResponse(changes, after, true, false, new SyncWindow(window.from(), held));
    }
    private static boolean mustReset(long after, Counter counter) {
        return after < counter.oldestRetained() - 1 || after > counter.position();
    }

    /**
     * A page of the current rows of one entity type that a device of the location sees, ordered by
     * id; of a windowed type only the rows of slots inside the current window, which the page names.
     * {@code position} is the feed position read before the rows: pulling from it re-sends the
     * changes that overlap the snapshot, which is harmless because upserts are idempotent.
     */
    public SnapshotPage snapshot(LocationId location, ZoneId zone, String entityType, String after, int limit) {
        SyncedType<?> type = synced.byName(Objects.requireNonNullElse(entityType, "")).orElseThrow(() ->
                ApiException.validation("entityType", "entityType must be one of " + new TreeSet<>(synced.names())));
        UUID afterId = null;
        if (after != null && !after.isBlank()) {
            try {
                afterId = UUID.fromString(after);
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("after", "after must be the nextAfter of an earlier page");
            }
        }
        checkLimit(limit);
        UUID from = afterId;
        return tx.inTransaction(session -> {
            session.setDefaultReadOnly(true);
            long position = feed.counter(session).position();
            SyncWindow window = windows.at(zone != null ? zone : zoneOf(session, location), clock.instant());
            List<?> rows = feed.rowsAfter(session, type, from, window, limit);
            List<Map<String, Object>> out = new ArrayList<>(rows.size());
            for (Object row : rows) {
                UUID rowLocation = type.locationOf(session, row);
                if (rowLocation == null || rowLocation.equals(location.value())) {
                    out.add(synced.row(type, row));
                }
            }
            String nextAfter = rows.size() == limit ? String.valueOf(session.getIdentifier(rows.getLast())) : null;
            return new SnapshotPage(type.name(), out, nextAfter, position, window);
        });
    }

    /** A snapshot page as a desk of the location gets it now (the location's own zone). */
    public SnapshotPage snapshot(LocationId location, String entityType, String after, int limit) {
        return snapshot(location, null, entityType, after, limit);
    }

    /** The window a desk of the location holds after a pull now. */
    public SyncWindow window(LocationId location) {
        return tx.inTransaction(session -> windows.at(zoneOf(session, location), clock.instant()));
    }

    private static ZoneId zoneOf(Session session, LocationId location) {
        LocationRecord l = session.find(LocationRecord.class, location.value());
        if (l == null) {
            throw ApiException.notFound("Location");
        }
        return ZoneId.of(l.zoneId);
    }

    /** The last position handed out, as committed now. */
    public long position() {
        return tx.inTransaction(session -> feed.counter(session).position());
    }

    /** Drops the changes committed before the instant; returns how many. */
    public int pruneOlderThan(Instant cutoff) {
        Long last = tx.inTransaction(session -> feed.lastPositionBefore(session, cutoff));
        return last == null ? 0 : pruneTo(last);
    }

    /**
     * Drops every change at or below the position (at most up to the last one handed out); cursors
     * below it must reset. The window is raised first, in a short transaction on the counter, so the
     * delete itself never holds up committing writers.
     */
    public int pruneTo(long position) {
        long oldest = tx.inTransaction(session -> {
            FeedCounterRecord counter = feed.lockCounter(session);
            long upTo = Math.min(position, counter.position);
            if (upTo >= counter.oldestRetained) {
                counter.oldestRetained = upTo + 1;
            }
            return counter.oldestRetained;
        });
        return tx.inTransaction(session -> feed.deleteUpTo(session, oldest - 1));
    }

    private void pruneIfDue() {
        Instant now = clock.instant();
        Instant due = nextPrune.get();
        if (now.isBefore(due) || !nextPrune.compareAndSet(due, now.plus(PRUNE_EVERY))) {
            return;
        }
        try {
            pruneOlderThan(now.minus(retention));
        } catch (RuntimeException e) {
            // pruning is housekeeping: the pull goes on, and the next pull after the hour tries again
            LOG.log(System.Logger.Level.WARNING, "Pruning the change feed failed", e);
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.validation("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
