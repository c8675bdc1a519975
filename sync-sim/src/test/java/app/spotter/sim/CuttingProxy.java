package app.spotter.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between the desk and the server that, while armed, lets a response through only up
 * to {@code cutAfterBytes} bytes and then closes both sides: the request reached the server, the
 * server answered, the desk gets half an answer.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private final AtomicInteger cuts = new AtomicInteger();
    private volatile int cutAfterBytes = Integer.MAX_VALUE;
    private volatile boolean open = true;

    CuttingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("cutting-proxy").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next {@code times} responses longer than {@code bytes} are cut after that many bytes. */
    void cutResponses(int times, int bytes) {
        cutAfterBytes = bytes;
        cutsLeft.set(times);
    }

    int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Thread.ofPlatform().daemon().start(() -> pump(client, server, false));
                Thread.ofPlatform().daemon().start(() -> pump(server, client, true));
            } catch (IOException e) {
                if (open) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean response) {
        byte[] buffer = new byte[8192];
        long budget = Long.MAX_VALUE;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (response && budget == Long.MAX_VALUE && cutsLeft.getAndUpdate(c -> Math.max(0, c - 1)) > 0) {
                    // this answer (or the next ones on this connection) is cut after cutAfterBytes
                    budget = cutAfterBytes;
                }
                if (n >= budget) {
                    out.write(buffer, 0, (int) budget);
                    out.flush();
                    cuts.incrementAndGet();
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
                if (budget != Long.MAX_VALUE) {
                    budget -= n;
                }
            }
        } catch (IOException ignored) {
            // one side went away: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        listener.close();
    }
}
