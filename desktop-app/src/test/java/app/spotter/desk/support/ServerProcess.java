package app.spotter.desk.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sync server as a separate JVM (as in sync-sim): the same java and class path as the test,
 * main class {@code app.spotter.server.SpotterServer}, configured by environment variables only,
 * so that killing it is a real outage and restarting it starts from the database alone.
 */
public final class ServerProcess implements AutoCloseable {

    private final Map<String, String> env;
    private final int port;
    private final Path logFile;
    private Process process;

    public ServerProcess(Map<String, String> env, int port, Path logFile) {
        this.env = env;
        this.port = port;
        this.logFile = logFile;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process and waits until /health answers. */
    public void start() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // Tiered compilation capped at C1 and a small heap: the server starts faster on two shared cores.
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "app.spotter.server.SpotterServer"));
        builder.environment().putAll(env);
        builder.environment().put("SPOTTER_PORT", String.valueOf(port));
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server process exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The server process did not answer /health in time; see " + logFile);
    }

    /** SIGKILL: no shutdown hook, nothing flushed; the desks just stop getting answers. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the process gracefully, or kills it after ten seconds. */
    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
