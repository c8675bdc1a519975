package app.spotter.server.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server reads from its environment. With nothing set it runs on an embedded H2
 * file database under {@code ./data}, so one command starts a working server.
 *
 * @param databaseUrl      JDBC URL (SPOTTER_DB_URL)
 * @param databaseUser     SPOTTER_DB_USER
 * @param databasePassword SPOTTER_DB_PASSWORD
 * @param port             SPOTTER_PORT, 0 picks a free port
 * @param jwtSecret        SPOTTER_JWT_SECRET; when absent see {@link ServerSecrets} (never in the data folder)
 * @param encryptionKey    SPOTTER_ENCRYPTION_KEY (base64, 32 bytes) for health notes and signing keys at rest
 * @param defaultZone      SPOTTER_DEFAULT_ZONE, the studio zone for times given without an offset
 * @param dataDir          SPOTTER_DATA_DIR
 * @param demoData         SPOTTER_DEMO_DATA: load the demo gym when the database is empty
 * @param maxPoolSize      SPOTTER_DB_POOL_SIZE
 * @param feedRetentionDays SPOTTER_FEED_RETENTION_DAYS (default 14): how long the sync change feed keeps a change;
 *                         a desk offline for longer takes a snapshot
 * @param syncHorizonWeeks SPOTTER_SYNC_HORIZON_WEEKS (default 4): how many weeks of the schedule ahead a desk
 *                         holds (slots with their bookings and leases); the window moves with the clock
 */
public record ServerConfig(
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        int port,
        Optional<String> jwtSecret,
        Optional<String> encryptionKey,
        ZoneId defaultZone,
        Path dataDir,
        boolean demoData,
        int maxPoolSize,
        int feedRetentionDays,
        int syncHorizonWeeks) {

    public static final String DEFAULT_ZONE = "Asia/Kolkata";

    public static ServerConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static ServerConfig from(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("SPOTTER_DATA_DIR", "data")).toAbsolutePath().normalize();
        String url = env.getOrDefault("SPOTTER_DB_URL",
                "jdbc:h2:file:" + dataDir.resolve("spotter") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        return new ServerConfig(
                url,
                env.getOrDefault("SPOTTER_DB_USER", url.startsWith("jdbc:h2:") ? "sa" : "postgres"),
                env.getOrDefault("SPOTTER_DB_PASSWORD", ""),
                Integer.parseInt(env.getOrDefault("SPOTTER_PORT", "8080")),
                Optional.ofNullable(env.get("SPOTTER_JWT_SECRET")).filter(s -> !s.isBlank()),
                Optional.ofNullable(env.get("SPOTTER_ENCRYPTION_KEY")).filter(s -> !s.isBlank()),
                ZoneId.of(env.getOrDefault("SPOTTER_DEFAULT_ZONE", DEFAULT_ZONE)),
                dataDir,
                Boolean.parseBoolean(env.getOrDefault("SPOTTER_DEMO_DATA", "false")),
                Integer.parseInt(env.getOrDefault("SPOTTER_DB_POOL_SIZE", "16")),
                Integer.parseInt(env.getOrDefault("SPOTTER_FEED_RETENTION_DAYS", "14")),
                positive("SPOTTER_SYNC_HORIZON_WEEKS", env.getOrDefault("SPOTTER_SYNC_HORIZON_WEEKS", "4")));
    }

    private static int positive(String name, String raw) {
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of weeks, not '" + raw + "'");
        }
        if (value < 1 || value > 52) {
            throw new IllegalArgumentException(name + " must be between 1 and 52 weeks, not " + value);
        }
        return value;
    }

    public boolean isH2() {
        return databaseUrl.startsWith("jdbc:h2:");
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(databaseUrl, databaseUser, databasePassword, newPort, jwtSecret, encryptionKey,
                defaultZone, dataDir, demoData, maxPoolSize, feedRetentionDays, syncHorizonWeeks);
    }

    public ServerConfig withDemoData(boolean demo) {
        return new ServerConfig(databaseUrl, databaseUser, databasePassword, port, jwtSecret, encryptionKey,
                defaultZone, dataDir, demo, maxPoolSize, feedRetentionDays, syncHorizonWeeks);
    }
}
