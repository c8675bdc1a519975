package app.spotter.server.sync.feed;

import app.spotter.model.sync.SyncApi.ChangeKind;
import app.spotter.server.db.Transactions;
import app.spotter.server.sync.feed.SyncedEntities.SyncedType;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;

/**
 * Records every insert, update and delete of a synced entity into a buffer bound to the writing
 * transaction, and appends the buffer to the change feed as the last step before that transaction
 * commits: under the lock of the feed's counter, so positions follow commit order (decision 0004).
 * A transaction that changed no synced row never touches the counter.
 */
public final class ChangeCapture implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private static final Transactions.Key<Pending> PENDING = new Transactions.Key<>("change feed buffer");

    private final Transactions tx;
    private final SyncedEntities synced;
    private final Clock clock;

    private ChangeCapture(Transactions tx, SyncedEntities synced, Clock clock) {
        this.tx = tx;
        this.synced = synced;
        this.clock = clock;
    }

    /** Listens to the session factory's entity events and appends before every commit of {@code tx}. */
    public static ChangeCapture install(SessionFactory sessionFactory, Transactions tx, SyncedEntities synced, Clock clock) {
        ChangeCapture capture = new ChangeCapture(tx, synced, clock);
        EventListenerRegistry listeners = sessionFactory.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
        listeners.appendListeners(EventType.POST_INSERT, capture);
        listeners.appendListeners(EventType.POST_UPDATE, capture);
        listeners.appendListeners(EventType.POST_DELETE, capture);
        tx.beforeCommit(capture::append);
        tx.onSavepoint(capture::mark);
        return capture;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        record(event.getSession(), event.getEntity(), event.getId(), ChangeKind.UPSERT);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        record(event.getSession(), event.getEntity(), event.getId(), ChangeKind.UPSERT);
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        record(event.getSession(), event.getEntity(), event.getId(), ChangeKind.DELETE);
    }

    private void record(Object session, Object entity, Object id, ChangeKind kind) {
        SyncedType<?> type = synced.of(entity);
        if (type == null) {
            return;
        }
        tx.bound(session, PENDING, Pending::new).put(type, String.valueOf(id), entity, kind);
    }

    /** The last step of a writing transaction: positions counter+1..counter+n, in this transaction's commit. */
    private void append(Session session) {
        Pending pending = tx.bound(PENDING);
        if (pending == null || pending.changes.isEmpty()) {
            return;
        }
        // Shape rows and resolve locations before taking the lock: the lock is held until commit.
        List<ChangeLogRecord> rows = new ArrayList<>(pending.changes.size());
        for (Change c : pending.changes.values()) {
            rows.add(c.shaped(session));
        }
        pending.changes.clear();
        // Never loaded unlocked elsewhere in a writing transaction, so find() reads the current row.
        FeedCounterRecord counter = session.find(FeedCounterRecord.class, FeedCounterRecord.ID, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        long position = counter.position;
        for (ChangeLogRecord r : rows) {
            r.position = ++position;
            r.committedAt = now;
            session.persist(r);
        }
        counter.position = position;
    }

    /**
     * At a savepoint: shapes the changes so far (their entities may change or be detached after it)
     * and returns what restores the buffer to this point when the transaction rolls back to it.
     */
    private Runnable mark(Session session) {
        Pending pending = tx.bound(PENDING);
        if (pending == null) {
            return () -> {
                Pending later = tx.bound(PENDING);
                if (later != null) {
                    later.changes.clear();
                }
            };
        }
        for (Change c : pending.changes.values()) {
            c.shaped(session);
        }
        Map<String, Change> atMark = new LinkedHashMap<>(pending.changes);
        return () -> {
            pending.changes.clear();
            pending.changes.putAll(atMark);
        };
    }

    /** One row's change; its feed row is shaped once, at a savepoint or at the append. */
    private final class Change {
        final SyncedType<?> type;
        final String id;
        final Object entity;
        final ChangeKind kind;
        private ChangeLogRecord shaped;

        Change(SyncedType<?> type, String id, Object entity, ChangeKind kind) {
            this.type = type;
            this.id = id;
            this.entity = entity;
            this.kind = kind;
        }

        ChangeLogRecord shaped(Session session) {
            if (shaped == null) {
                ChangeLogRecord r = new ChangeLogRecord();
                r.entityType = type.name();
                r.entityId = id;
                r.kind = kind.name();
                r.data = kind == ChangeKind.DELETE ? null : synced.write(synced.row(type, entity));
                r.locationId = type.locationOf(session, entity);
                r.slotStartsAt = type.slotStartsAt(session, entity);
                shaped = r;
            }
            return shaped;
        }
    }

    /** The synced changes of one transaction: one entry per row, its last state, in first-change order. */
    private final class Pending {
        final Map<String, Change> changes = new LinkedHashMap<>();

        void put(SyncedType<?> type, String id, Object entity, ChangeKind kind) {
            changes.put(type.name() + ":" + id, new Change(type, id, entity, kind));
        }
    }
}
