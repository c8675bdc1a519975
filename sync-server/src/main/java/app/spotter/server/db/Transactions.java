package app.spotter.server.db;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
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
 */
public final class Transactions {

    private static final int MAX_ATTEMPTS = 5;
    private final SessionFactory sessionFactory;
    private final ThreadLocal<Session> current = new ThreadLocal<>();

    public Transactions(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public <T> T inTransaction(Function<Session, T> work) {
        Session outer = current.get();
        if (outer != null) {
            return work.apply(outer);
        }
        for (int attempt = 1; ; attempt++) {
            Session session = sessionFactory.openSession();
            Transaction tx = session.beginTransaction();
            current.set(session);
            try {
                T result = work.apply(session);
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
