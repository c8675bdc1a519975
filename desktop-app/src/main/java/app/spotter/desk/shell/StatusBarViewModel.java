package app.spotter.desk.shell;

import app.spotter.client.sync.SyncStatus;
import app.spotter.desk.ui.TaskExecutor;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The always-visible sync state: online or offline, changes waiting for the server, the last
 * completed sync, and whether a sync runs now. The sync runner reports from its own thread; the
 * values move to the FX thread here, in one place.
 */
public final class StatusBarViewModel implements AutoCloseable {

    private final BooleanProperty online = new SimpleBooleanProperty();
    private final LongProperty pendingOperations = new SimpleLongProperty();
    private final ObjectProperty<Instant> lastSync = new SimpleObjectProperty<>();
    private final BooleanProperty syncing = new SimpleBooleanProperty();
    private final TaskExecutor tasks;
    private AutoCloseable subscription;

    /**
     * @param subscribe registers a listener with the desk's sync engine and returns the handle that removes it
     */
    public StatusBarViewModel(SyncStatus initial, Function<Consumer<SyncStatus>, AutoCloseable> subscribe,
                              TaskExecutor tasks) {
        this.tasks = tasks;
        apply(initial);
        this.subscription = subscribe.apply(status -> tasks.onUiThread(() -> apply(status)));
    }

    void apply(SyncStatus status) {
        online.set(status.online());
        pendingOperations.set(status.pendingOperations());
        lastSync.set(status.lastSuccessfulSync());
        syncing.set(status.syncing());
    }

    /** The outbox count changes with every local change, before the next sync reports it. */
    public void pendingCounted(long count) {
        tasks.onUiThread(() -> pendingOperations.set(count));
    }

    public BooleanProperty onlineProperty() {
        return online;
    }

    public LongProperty pendingOperationsProperty() {
        return pendingOperations;
    }

    public ObjectProperty<Instant> lastSyncProperty() {
        return lastSync;
    }

    public BooleanProperty syncingProperty() {
        return syncing;
    }

    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // the engine is going away anyway
            }
            subscription = null;
        }
    }
}
