package app.spotter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.server.config.ServerSecrets;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.ServerTest;
import app.spotter.server.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code spotter-server create-admin}: the server's real command entry, in-process, with the
 * settings of a fresh database; the admin it makes logs in over HTTP; audited; a second run is
 * refused unless forced; a password on the command line is refused.
 */
class CreateAdminCommandTest extends ServerTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SpotterServer.command(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> env(TestDatabase.Instance db, ServerSecrets secrets) {
        Map<String, String> env = new HashMap<>();
        env.put("SPOTTER_DB_URL", db.config().databaseUrl());
        env.put("SPOTTER_DB_USER", db.config().databaseUser());
        env.put("SPOTTER_DB_PASSWORD", db.config().databasePassword());
        env.put("SPOTTER_DATA_DIR", db.config().dataDir().toString());
        env.put("SPOTTER_JWT_SECRET", "j".repeat(48));
        env.put("SPOTTER_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(secrets.encryptionKey()));
        return env;
    }

    @Test
    void createsTheFirstAdminWhoLogsInAndRefusesASecondUnlessForced() {
        ServerSecrets secrets = new ServerSecrets("j".repeat(48).getBytes(StandardCharsets.UTF_8), ServerSecrets.random().encryptionKey());
        try (TestDatabase.Instance db = database.create()) {
            Map<String, String> env = env(db, secrets);
            Run first = run(env, "owner password 1\n", "create-admin", "--email", "Owner@Gym.example", "--name", "Olga Owner");
            assertEquals(0, first.exit(), first.toString());
            assertTrue(first.out().contains("owner@gym.example"), first.out());
            assertFalse(first.out().contains("owner password 1") || first.err().contains("owner password 1"));

            Run second = run(env, "another password\n", "create-admin", "--email", "second@gym.example");
            assertEquals(1, second.exit(), second.toString());
            assertTrue(second.err().contains("already has an admin"), second.err());

            Run forced = run(env, "another password\n", "create-admin", "--email", "second@gym.example", "--force");
            assertEquals(0, forced.exit(), forced.toString());

            try (SpotterApp app = SpotterApp.create(db.config(), secrets, Clock.systemUTC()).start()) {
                ApiClient api = new ApiClient(app.baseUrl());
                var login = api.post("/api/v1/auth/login", Map.of("email", "owner@gym.example", "password", "owner password 1"), null);
                assertEquals(200, login.status(), login.toString());
                var me = api.get("/api/v1/me", login.text("accessToken"));
                assertEquals("ADMIN", me.text("role"));
                assertEquals("Olga Owner", me.text("name"));
                var audit = api.get("/api/v1/audit?limit=50", login.text("accessToken"));
                assertEquals(200, audit.status(), audit.toString());
                assertTrue(audit.raw().contains("ADMIN_CREATED_AT_INSTALL"), audit.raw());
                assertTrue(audit.raw().contains("\\\"forced\\\":true") || audit.raw().contains("forced"), audit.raw());
            }
        }
    }

    @Test
    void refusesAPasswordOnTheCommandLineAndBadInput() {
        try (TestDatabase.Instance db = database.create()) {
            Map<String, String> env = env(db, ServerSecrets.random());
            Run onCommandLine = run(env, "", "create-admin", "--email", "a@gym.example", "--password", "visible in ps");
            assertEquals(2, onCommandLine.exit());
            assertTrue(onCommandLine.err().contains("never pass the password on the command line"), onCommandLine.err());
            Run noEmail = run(env, "owner password 1\n", "create-admin");
            assertEquals(2, noEmail.exit());
            Run noPassword = run(env, "", "create-admin", "--email", "a@gym.example");
            assertEquals(2, noPassword.exit());
            Run shortPassword = run(env, "short\n", "create-admin", "--email", "a@gym.example");
            assertEquals(1, shortPassword.exit());
            assertTrue(shortPassword.err().contains("at least 8"), shortPassword.err());
            Run unknown = run(env, "", "make-coffee");
            assertEquals(2, unknown.exit());
        }
    }
}
