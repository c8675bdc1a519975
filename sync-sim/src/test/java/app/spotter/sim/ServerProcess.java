package app.spotter.sim;

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

/**
 * The sync server as a separate JVM: the same java and classpath as the test, main class
 * {@code app.spotter.server.SpotterServer}, configured by environment variables only.
 */
final class ServerProcess {

    private final Map<String, String> env;
    private final int port;
    private final Path logFile;
    private Process process;

    ServerProcess(Map<String, String> env, int port, Path logFile) {
        this.env = env;
        this.port = port;
        this.logFile = logFile;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** Starts the process and waits until /health answers. */
    void start() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "app.spotter.server.SpotterServer"));
        builder.environment().putAll(env);
        builder.environment().put("SPOTTER_PORT", String.valueOf(port));
        Files.createDirectories(logFile.getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server process exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The server process did not answer /health in time; see " + logFile);
    }

    /** SIGKILL on Linux: no shutdown hook, no graceful close, transactions in flight die with it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the process gracefully, or kills it after ten seconds. */
    void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
