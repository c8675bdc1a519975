package app.spotter.desk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs everything on the calling thread: view model tests see the result as soon as the call returns. */
public final class DirectTaskExecutor implements TaskExecutor {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
