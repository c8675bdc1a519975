package app.spotter.server.db;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * Runs a unit of work in one database transaction. Deadlocks and serialization failures are
 * retried a few times: under a booking stampede two transactions can lock a member and a slot
 * in opposite orders, and the database picks one to abort; the rule re-runs on fresh state.
 *
 * <p>A unit of work started inside another on the same thread joins it, so services compose into
 * one atomic change (the fitness-studio API creates a session and all its slots, or nothing).
 *
 * <p>Steps registered with {@link #beforeCommit} run as the last work of every outermost
 * transaction, after the final flush and before the commit (the change feed appends there, so its
 * positions follow commit order). State a step needs is bound to the transaction with {@link #bound}.
 */
public final class Transactions {

    private static final int MAX_ATTEMPTS = 5;
    private final SessionFactory sessionFactory;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();
    private final List<Consumer<Session>> beforeCommit = new CopyOnWriteArrayList<>();
    private final List<Function<Session, Runnable>> partials = new CopyOnWriteArrayList<>();

    /**
     * A point inside the running transaction that a part of it can be rolled back to (a JDBC
     * savepoint) together with what each participant must restore (see {@link #onSavepoint}).
     */
    public record Savepoint(java.sql.Savepoint jdbc, List<Runnable> undo) {
    }

    /** The running transaction of a thread: its session and the values bound to it. */
    private record Unit(Session session, Map<Key<?>, Object> bound) {
    }

    /** Names a value bound to a transaction; compare by identity. */
    public static final class Key<T> {
        private final String name;

        public Key(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public Transactions(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public <T> T inTransaction(Function<Session, T> work) {
        Unit outer = current.get();
        if (outer != null) {
            return work.apply(outer.session());
        }
        for (int attempt = 1; ; attempt++) {
            Session session = sessionFactory.openSession();
            Transaction tx = session.beginTransaction();
            current.set(new Unit(session, new HashMap<>()));
            try {
                T result = work.apply(session);
                session.flush();
                for (Consumer<Session> step : beforeCommit) {
                    step.accept(session);
                }
                session.flush();
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(tx);
                if (attempt < MAX_ATTEMPTS && isTransient(e)) {
                    backoff(attempt);
                    continue;
                }
                throw e;
            } finally {
                current.remove();
                session.close();
            }
        }
    }

    /** Adds a step that runs last in every outermost transaction, before the commit. */
    public void beforeCommit(Consumer<Session> step) {
        beforeCommit.add(step);
    }

    /**
     * Adds a participant in savepoints: called at every {@link #savepoint}, it returns what restores
     * its transaction-bound state to that point when the transaction rolls back to it.
     */
    public void onSavepoint(Function<Session, Runnable> mark) {
        partials.add(mark);
    }

    /**
     * Starts a part of the running transaction that can be undone alone: flushes what came before,
     * lets the participants mark their state, clears the session (so the part reads the database as
     * fresh as a transaction of its own would, and no entity of it outlives a rollback) and sets a
     * savepoint. Savepoints end with the transaction (no release: one round trip less per part).
     */
    public Savepoint savepoint(Session session) {
        session.flush();
        List<Runnable> undo = new java.util.ArrayList<>(partials.size());
        for (Function<Session, Runnable> p : partials) {
            undo.add(p.apply(session));
        }
        session.clear();
        return new Savepoint(session.doReturningWork(java.sql.Connection::setSavepoint), undo);
    }

    /**
     * Undoes everything since the savepoint, in the database, the session and the participants;
     * what came before stays. Fails when Hibernate has marked the transaction rollback-only (a
     * database error inside the part): its commit would silently roll back, so the caller must give
     * the whole transaction up.
     */
    public void rollbackTo(Session session, Savepoint savepoint) {
        session.doWork(c -> c.rollback(savepoint.jdbc()));
        session.clear();
        for (Runnable undo : savepoint.undo()) {
            undo.run();
        }
        if (session.getTransaction().getRollbackOnly()) {
            throw new IllegalStateException("The transaction is marked rollback-only; a savepoint cannot save it");
        }
    }

    /**
     * The value bound to the transaction that {@code session} runs, created on first use. Fails when
     * the session is not the transaction running on this thread: a change made outside
     * {@link #inTransaction} could not be recorded.
     */
    public <T> T bound(Object session, Key<T> key, Supplier<T> create) {
        Unit unit = current.get();
        if (unit == null || unit.session() != session) {
            throw new IllegalStateException("A change outside Transactions.inTransaction cannot be recorded (" + key + ")");
        }
        @SuppressWarnings("unchecked")
        T value = (T) unit.bound().computeIfAbsent(key, k -> create.get());
        return value;
    }

    /** The value bound to the current transaction, or null when none was bound (or none runs). */
    public <T> T bound(Key<T> key) {
        Unit unit = current.get();
        @SuppressWarnings("unchecked")
        T value = unit == null ? null : (T) unit.bound().get(key);
        return value;
    }

    public void run(java.util.function.Consumer<Session> work) {
        inTransaction(s -> {
            work.accept(s);
            return null;
        });
    }

    private static void rollbackQuietly(Transaction tx) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException ignored) {
            // the connection is gone; nothing was committed
        }
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deadlock, serialization failure or lock timeout, on PostgreSQL or H2. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                int code = sql.getErrorCode();
                if ("40001".equals(state) || "40P01".equals(state)
                        || code == 40001 /* H2 deadlock */ || code == 50200 /* H2 lock timeout */
                        || code == 90131 /* H2 concurrent update */) {
                    return true;
                }
            }
            if (t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof org.hibernate.PessimisticLockException
                    || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
