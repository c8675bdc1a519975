package app.spotter.desk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way screens run work off the FX thread. Work runs in the background; its result (or
 * failure) is handed back on the FX thread. Tests use {@link DirectTaskExecutor}, which does
 * everything on the calling thread so a view model can be tested without a stage.
 */
public interface TaskExecutor extends AutoCloseable {

    /** Runs the work in the background, then calls one of the callbacks on the FX thread. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs the action on the FX thread (at once when already there): for listeners called from other threads. */
    void onUiThread(Runnable action);

    @Override
    void close();
}
