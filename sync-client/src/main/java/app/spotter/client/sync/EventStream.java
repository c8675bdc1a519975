package app.spotter.client.sync;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The server's poke channel ({@code GET /api/v1/sync/events}, server-sent events): a
 * {@code changed} event means "pull now". Read on OkHttp's own dispatcher; when the stream ends
 * or fails, {@code onClosed} lets the runner reconnect with backoff.
 */
public final class EventStream implements AutoCloseable {

    private final ServerConnection server;
    private final Runnable onOpened;
    private final Runnable onChanged;
    private final Runnable onClosed;
    private volatile Call call;
    private volatile boolean closed;

    public EventStream(ServerConnection server, Runnable onOpened, Runnable onChanged, Runnable onClosed) {
        this.server = server;
        this.onOpened = onOpened;
        this.onChanged = onChanged;
        this.onClosed = onClosed;
    }

    public void open() {
        if (closed) {
            return;
        }
        Request request = new Request.Builder().url(server.url("api/v1/sync/events"))
                .header("Accept", "text/event-stream").build();
        // No read timeout: the stream is quiet between changes.
        Call next = server.authorizedHttp().newBuilder().readTimeout(java.time.Duration.ZERO).build().newCall(request);
        call = next;
        next.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                if (!closed) {
                    onClosed.run();
                }
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    if (!response.isSuccessful() || response.body() == null) {
                        return;
                    }
                    onOpened.run();
                    // Changes may have happened while the stream was down.
                    onChanged.run();
                    BufferedSource source = response.body().source();
                    String event = null;
                    String line;
                    while (!closed && (line = source.readUtf8Line()) != null) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6).strip();
                        } else if (line.isEmpty()) {
                            if ("changed".equals(event)) {
                                onChanged.run();
                            }
                            event = null;
                        }
                    }
                } catch (IOException e) {
                    // the stream broke; reconnect below
                } finally {
                    if (!closed) {
                        onClosed.run();
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        Call current = call;
        if (current != null) {
            current.cancel();
        }
    }
}
