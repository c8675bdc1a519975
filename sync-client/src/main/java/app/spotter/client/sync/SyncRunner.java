package app.spotter.client.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SyncEngine#syncOnce()} in the background on one scheduled executor: at once after a
 * local change or a server poke, every {@code interval} otherwise, and with exponential backoff and
 * jitter while the server cannot be reached. Also keeps the server's event stream open.
 */
public final class SyncRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);

    private final SyncEngine engine;
    private final EventStream events;
    private final Backoff backoff;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> next;
    private int failures;
    private int streamFailures;

    public SyncRunner(SyncEngine engine, ServerConnection server, Duration interval, RandomGenerator random) {
        this.engine = engine;
        this.backoff = Backoff.standard(random);
        this.interval = interval;
        this.events = new EventStream(server, this::streamOpened, this::poke, this::streamClosed);
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "desk-sync");
            t.setDaemon(true);
            return t;
        });
        schedule(Duration.ZERO);
        executor.execute(events::open);
    }

    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        events.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Sync as soon as possible (a local change was made, or the server said something changed). */
    public synchronized void poke() {
        if (executor != null && failures == 0) {
            schedule(Duration.ZERO);
        }
    }

    private synchronized void schedule(Duration delay) {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        Duration wait;
        try {
            engine.syncOnce();
            synchronized (this) {
                failures = 0;
            }
            wait = interval;
        } catch (RuntimeException e) {
            int n;
            synchronized (this) {
                n = ++failures;
            }
            wait = backoff.delay(n);
            LOG.debug("Sync failed ({} in a row), next try in {}: {}", n, wait, e.getMessage());
        }
        schedule(wait);
    }

    private synchronized void streamClosed() {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        Duration wait = backoff.delay(++streamFailures);
        executor.schedule(() -> {
            events.open();
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void streamOpened() {
        streamFailures = 0;
    }
}
