package app.spotter.server.support;

import app.spotter.server.config.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The two real databases the server runs on. PostgreSQL is the one the machine already runs
 * (SPOTTER_TEST_PG_URL, default 127.0.0.1:5432); each test class gets a fresh database there and
 * drops it afterwards. If PostgreSQL is unreachable the tests fail: they never skip.
 */
public enum TestDatabase {
    H2, POSTGRESQL;

    static final String PG_ADMIN_URL = env("SPOTTER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String PG_USER = env("SPOTTER_TEST_PG_USER", "postgres");
    static final String PG_PASSWORD = env("SPOTTER_TEST_PG_PASSWORD", "");

    /** A fresh, empty database of this kind. */
    public Instance create() {
        String name = "spotter_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> env = new HashMap<>();
        env.put("SPOTTER_DATA_DIR", Path.of("target", "it-data", name).toString());
        env.put("SPOTTER_PORT", "0");
        env.put("SPOTTER_DB_POOL_SIZE", "24");
        if (this == H2) {
            env.put("SPOTTER_DB_URL", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
            env.put("SPOTTER_DB_USER", "sa");
            return new Instance(this, name, ServerConfig.from(env));
        }
        execAdmin("create database " + name);
        env.put("SPOTTER_DB_URL", PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name);
        env.put("SPOTTER_DB_USER", PG_USER);
        env.put("SPOTTER_DB_PASSWORD", PG_PASSWORD);
        return new Instance(this, name, ServerConfig.from(env));
    }

    /** A created database and the server configuration that points at it. */
    public record Instance(TestDatabase kind, String name, ServerConfig config) implements AutoCloseable {
        @Override
        public void close() {
            if (kind == POSTGRESQL) {
                execAdmin("drop database if exists " + name + " with (force)");
            } else {
                try (Connection c = DriverManager.getConnection(config.databaseUrl(), "sa", "");
                     Statement s = c.createStatement()) {
                    s.execute("shutdown");
                } catch (SQLException ignored) {
                    // already gone
                }
            }
        }
    }

    private static void execAdmin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_ADMIN_URL + " is required for the integration tests: "
                    + e.getMessage(), e);
        }
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
