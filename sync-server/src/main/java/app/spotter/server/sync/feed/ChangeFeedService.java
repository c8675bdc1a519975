package app.spotter.server.sync.feed;

import app.spotter.model.common.LocationId;
import app.spotter.model.sync.SyncApi.Change;
import app.spotter.model.sync.SyncApi.ChangeKind;
import app.spotter.model.sync.SyncApi.PullResponse;
import app.spotter.model.sync.SyncApi.SnapshotPage;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.sync.feed.ChangeFeedRepository.Counter;
import app.spotter.server.sync.feed.SyncedEntities.SyncedType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

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
    private final AtomicReference<Instant> nextPrune = new AtomicReference<>(Instant.EPOCH);

    public ChangeFeedService(Transactions tx, ChangeFeedRepository feed, SyncedEntities synced, Clock clock,
                             Duration retention) {
        this.tx = tx;
        this.feed = feed;
        this.synced = synced;
        this.clock = clock;
        this.retention = retention;
    }

    /** Up to {@code limit} changes after the cursor that a device of the location sees, in commit order. */
    public PullResponse pull(LocationId location, long after, int limit) {
        if (after < 0) {
            throw ApiException.validation("after", "after must be 0 or the cursor of an earlier pull");
        }
        checkLimit(limit);
        pruneIfDue();
        return tx.inTransaction(session -> {
            Counter counter = feed.counter(session);
            if (mustReset(after, counter)) {
                return new PullResponse(List.of(), after, false, true);
            }
            // Every position up to counter.position is committed (positions are taken in commit
            // order), so the range (after, counter.position] is complete and final.
            List<ChangeLogRecord> rows = feed.changes(session, after, counter.position(), location.value(), limit + 1);
            if (mustReset(after, feed.counter(session))) {
                // a prune committed meanwhile and may have removed part of the range
                return new PullResponse(List.of(), after, false, true);
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
            return new PullResponse(changes, cursor, hasMore, false);
        });
    }

    private static boolean mustReset(long after, Counter counter) {
        return after < counter.oldestRetained() - 1 || after > counter.position();
    }

    /**
     * A page of the current rows of one entity type that a device of the location sees, ordered by
     * id. {@code position} is the feed position read before the rows: pulling from it re-sends the
     * changes that overlap the snapshot, which is harmless because upserts are idempotent.
     */
    public SnapshotPage snapshot(LocationId location, String entityType, String after, int limit) {
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
            List<?> rows = feed.rowsAfter(session, type.entity(), from, limit);
            List<Map<String, Object>> out = new ArrayList<>(rows.size());
            for (Object row : rows) {
                UUID rowLocation = type.locationOf(session, row);
                if (rowLocation == null || rowLocation.equals(location.value())) {
                    out.add(synced.row(type, row));
                }
            }
            String nextAfter = rows.size() == limit ? String.valueOf(session.getIdentifier(rows.getLast())) : null;
            return new SnapshotPage(type.name(), out, nextAfter, position);
        });
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
