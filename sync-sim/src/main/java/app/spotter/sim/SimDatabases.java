package app.spotter.sim;

import app.spotter.server.SpotterApp;
import app.spotter.server.config.ServerConfig;
import app.spotter.server.config.ServerSecrets;
import app.spotter.server.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fresh database for every run, so that no run sees what an earlier one left (a shared server
 * made a run's feed, cursors and page boundaries depend on the seeds before it). Migrating a new
 * database per run is the slow part, so one database is migrated (and its role permissions and
 * card-signing key made) once, and each run gets a copy: on PostgreSQL
 * {@code CREATE DATABASE ... TEMPLATE}, on H2 in memory a {@code SCRIPT} of it replayed into a new
 * in-memory database. Every copy shares one set of secrets, as the template's signing key needs.
 */
final class SimDatabases implements AutoCloseable {

    private static final AtomicLong COPIES = new AtomicLong();
    private static final String PG_ADMIN_URL = env("SPOTTER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = env("SPOTTER_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = env("SPOTTER_TEST_PG_PASSWORD", "");

    private final TestDatabase kind;
    private final ServerSecrets secrets = ServerSecrets.random();
    private final String prefix = "spotter_sim_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Path h2Script;
    private final String pgTemplate;

    /** A database of that kind, migrated, to copy from. */
    SimDatabases(TestDatabase kind) {
        this.kind = kind;
        String template = prefix + "_tpl";
        if (kind == TestDatabase.H2) {
            ServerConfig config = h2(template);
            SpotterApp.create(config, secrets, new SimClock(Simulation.START), SimServer.HASHER).close();
            try {
                h2Script = Files.createTempFile(prefix, ".sql");
                h2Script.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            h2(config.databaseUrl(), "script to '" + h2Script + "'", "shutdown");
            pgTemplate = null;
        } else {
            admin("create database " + template);
            SpotterApp.create(pg(template), secrets, new SimClock(Simulation.START), SimServer.HASHER).close();
            pgTemplate = template;
            h2Script = null;
        }
    }

    TestDatabase kind() {
        return kind;
    }

    ServerSecrets secrets() {
        return secrets;
    }

    /** A new copy of the migrated database, and the server configuration that points at it. */
    ServerConfig copy() {
        String name = prefix + "_" + COPIES.incrementAndGet();
        if (kind == TestDatabase.H2) {
            ServerConfig config = h2(name);
            h2(config.databaseUrl(), "runscript from '" + h2Script + "'");
            return config;
        }
        admin("create database " + name + " template " + pgTemplate);
        return pg(name);
    }

    /** Drops a copy for good. */
    void drop(ServerConfig copy) {
        if (kind == TestDatabase.H2) {
            h2(copy.databaseUrl(), "shutdown");
        } else {
            admin("drop database if exists " + copy.databaseUrl().substring(copy.databaseUrl().lastIndexOf('/') + 1)
                    + " with (force)");
        }
    }

    @Override
    public void close() {
        if (pgTemplate != null) {
            admin("drop database if exists " + pgTemplate + " with (force)");
        }
        if (h2Script != null) {
            try {
                Files.deleteIfExists(h2Script);
            } catch (IOException ignored) {
                // a temp file; deleteOnExit tries again
            }
        }
    }

    private static ServerConfig h2(String name) {
        Map<String, String> env = base(name);
        env.put("SPOTTER_DB_URL", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
        env.put("SPOTTER_DB_USER", "sa");
        return ServerConfig.from(env);
    }

    private static ServerConfig pg(String name) {
        Map<String, String> env = base(name);
        env.put("SPOTTER_DB_URL", PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name);
        env.put("SPOTTER_DB_USER", PG_USER);
        env.put("SPOTTER_DB_PASSWORD", PG_PASSWORD);
        return ServerConfig.from(env);
    }

    private static Map<String, String> base(String name) {
        Map<String, String> env = new HashMap<>();
        env.put("SPOTTER_DATA_DIR", Path.of("target", "sim-data", name).toString());
        env.put("SPOTTER_PORT", "0");
        // one driver thread, a poke poller and a restart's overlap: a small pool starts faster
        env.put("SPOTTER_DB_POOL_SIZE", "4");
        return env;
    }

    private static void h2(String url, String... sql) {
        boolean done = false;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String statement : sql) {
                try {
                    s.execute(statement);
                } catch (SQLException e) {
                    if (!statement.equals("shutdown")) {
                        throw e;
                    }
                }
            }
            done = true;
        } catch (SQLException e) {
            if (!done) {
                throw new IllegalStateException("H2: " + e.getMessage(), e);
            }
        }
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_ADMIN_URL + " is required by the simulation: "
                    + e.getMessage(), e);
        }
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
