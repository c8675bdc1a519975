package app.spotter.client.outbox;

import app.spotter.client.store.DeskStore;
import app.spotter.client.store.DeviceState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.hibernate.LockMode;
import org.hibernate.Session;

/**
 * Where every local change happens: one local transaction that first locks the device's row, so
 * two changes at the desk decide one after the other (the last leased seat goes to one of them),
 * then decides on the overlaid view and appends its outbox entry. After the commit the listeners
 * hear of it (the sync runner syncs at once).
 */
public final class LocalChanges {

    private final DeskStore store;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public LocalChanges(DeskStore store) {
        this.store = store;
    }

    public <T> T decide(Function<Session, T> work) {
        T result = store.inTransaction(session -> {
            session.find(DeviceState.class, DeviceState.ID, LockMode.PESSIMISTIC_WRITE);
            return work.apply(session);
        });
        listeners.forEach(Runnable::run);
        return result;
    }

    /** Reads without writing (no lock, no listeners). */
    public <T> T read(Function<Session, T> work) {
        return store.inTransaction(work);
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** The device's own state, as of this transaction. */
    public static DeviceState device(Session session) {
        return session.find(DeviceState.class, DeviceState.ID);
    }
}
