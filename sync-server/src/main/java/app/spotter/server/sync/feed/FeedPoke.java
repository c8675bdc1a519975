package app.spotter.server.sync.feed;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Pokes connected desks when the feed moved: one shared poller reads the feed position from the
 * database (so a change committed through any server process is noticed) and sends
 * {@code event: changed, data: <position>} to every client when it advanced, plus a heartbeat comment
 * so proxies keep idle streams open. The desk then pulls.
 */
public final class FeedPoke implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FeedPoke.class.getName());

    /** Each connected stream and the last position it was told. */
    private final Map<SseClient, Long> clients = new ConcurrentHashMap<>();
    private final LongSupplier position;
    private final long heartbeatTicks;
    private final ScheduledExecutorService poller;
    private long ticks;

    public FeedPoke(LongSupplier position, Duration interval, Duration heartbeat) {
        this.position = position;
        this.heartbeatTicks = Math.max(1, heartbeat.toMillis() / interval.toMillis());
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spotter-feed-poke");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new stream: it hears the current position at once (the desk may have missed pokes), then every advance. */
    public void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        long now = position.getAsLong();
        client.sendEvent("changed", String.valueOf(now));
        clients.put(client, now);
    }

    public int connected() {
        return clients.size();
    }

    private void tick() {
        try {
            ticks++;
            if (clients.isEmpty()) {
                return;  // nobody listens: no database reads
            }
            long now = position.getAsLong();
            boolean heartbeat = ticks % heartbeatTicks == 0;
            for (Map.Entry<SseClient, Long> e : clients.entrySet()) {
                SseClient c = e.getKey();
                try {
                    if (now > e.getValue()) {
                        c.sendEvent("changed", String.valueOf(now));
                        e.setValue(now);
                    }
                    if (heartbeat) {
                        c.sendComment("heartbeat");
                    }
                } catch (RuntimeException failed) {
                    c.close();
                }
                if (c.terminated()) {
                    clients.remove(c);
                }
            }
        } catch (RuntimeException e) {
            // a failed read (database restarting) must not end the poller; the next tick tries again
            LOG.log(System.Logger.Level.WARNING, "Feed poke failed", e);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        for (SseClient c : clients.keySet()) {
            c.close();
        }
        clients.clear();
    }
}
