package app.spotter.server.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Server;

/**
 * Drops connections whose request headers do not arrive in time (slowloris). Jetty 11 has only an
 * idle timeout, which a client beats by sending one byte now and then; this watches every open
 * connection twice a second and closes one that has been inside a request's headers for longer
 * than the deadline. Idle keep-alive connections are left to Jetty's idle timeout.
 */
public final class HeaderDeadline implements AutoCloseable {

    public static final Duration DEFAULT = Duration.ofSeconds(10);

    private final Server server;
    private final long deadlineNanos;
    private final Map<EndPoint, Long> inHeadersSince = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spotter-header-deadline");
        t.setDaemon(true);
        return t;
    });

    public HeaderDeadline(Server server, Duration deadline) {
        this.server = server;
        this.deadlineNanos = deadline.toNanos();
        watch.scheduleWithFixedDelay(this::check, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            long now = System.nanoTime();
            Map<EndPoint, Boolean> seen = new java.util.IdentityHashMap<>();
            for (Connector connector : server.getConnectors()) {
                if (!(connector instanceof AbstractConnector c)) {
                    continue;
                }
                for (EndPoint endPoint : c.getConnectedEndPoints()) {
                    if (!(endPoint.getConnection() instanceof HttpConnection http) || !inHeaders(http.getParser())) {
                        continue;
                    }
                    seen.put(endPoint, true);
                    long since = inHeadersSince.computeIfAbsent(endPoint, e -> now);
                    if (now - since > deadlineNanos) {
                        endPoint.close();
                    }
                }
            }
            inHeadersSince.keySet().removeIf(e -> !seen.containsKey(e));
        } catch (RuntimeException e) {
            // a connection closing under us; the next round looks again
        }
    }

    /** Between the first byte of a request and the end of its headers. */
    private static boolean inHeaders(HttpParser parser) {
        HttpParser.State state = parser.getState();
        return state.ordinal() > HttpParser.State.START.ordinal() && state.ordinal() <= HttpParser.State.HEADER.ordinal();
    }

    @Override
    public void close() {
        watch.shutdownNow();
    }
}
