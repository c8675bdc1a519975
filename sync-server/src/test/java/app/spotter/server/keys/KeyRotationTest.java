package app.spotter.server.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.SpotterApp;
import app.spotter.server.config.AtRestCipher;
import app.spotter.server.config.ServerSecrets;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.ServerTest;
import app.spotter.server.support.TestDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rotating the at-rest key without downtime: a server restarted with key B as the current key and
 * key A retired reads every note at once, writes with B, re-encrypts the rest in the background
 * while serving, and afterwards runs with B alone.
 */
class KeyRotationTest extends ServerTest {

    private static final String PASSWORD = "test-password-1";

    @Test
    void rotatingTheKeyReadsAtOnceReencryptsInTheBackgroundAndThenNeedsOnlyTheNewKey() throws Exception {
        ServerSecrets withA = ServerSecrets.random();
        byte[] keyB = new byte[32];
        new SecureRandom().nextBytes(keyB);
        String idA = AtRestCipher.keyId(withA.encryptionKey());
        String idB = AtRestCipher.keyId(keyB);
        try (TestDatabase.Instance db = database.create()) {
            Map<String, String> notes = new LinkedHashMap<>();
            String managerEmail = "manager-rotation@test.spotter.app";
            // 1. key A writes notes (more than one batch of the job)
            try (SpotterApp a = SpotterApp.create(db.config(), withA, Clock.systemUTC()).start()) {
                ApiClient api = new ApiClient(a.baseUrl());
                String manager = a.services().accounts().bootstrapAccount(managerEmail, PASSWORD, "Manager", Role.MANAGER, null)
                        .accessToken();
                for (int i = 0; i < AtRestReencryption.BATCH + 30; i++) {
                    String note = "Knee surgery " + i;
                    var r = api.post("/api/v1/members", Map.of("firstName", "Rota", "lastName", "Tion " + i, "healthNotes", note),
                            manager);
                    assertEquals(201, r.status(), r.toString());
                    notes.put(r.text("id"), note);
                }
            }
            assertEquals(notes.size(), countUnder(db, idA));

            // 2. restart with B current and A retired: every note reads at once, new writes are under B
            ServerSecrets rotated = withA.rotatedTo(keyB);
            try (SpotterApp b = SpotterApp.create(db.config(), rotated, Clock.systemUTC()).start()) {
                ApiClient api = new ApiClient(b.baseUrl());
                String manager = login(api, managerEmail);
                String first = notes.keySet().iterator().next();
                var read = api.get("/api/v1/members/" + first, manager);
                assertEquals(200, read.status(), read.toString());
                assertEquals(notes.get(first), read.text("healthNotes"));
                var written = api.post("/api/v1/members", Map.of("firstName", "New", "lastName", "Note", "healthNotes", "Fresh"),
                        manager);
                assertEquals(201, written.status(), written.toString());
                notes.put(written.text("id"), "Fresh");

                AtRestReencryption.Outcome outcome = b.reencryption().await(Duration.ofMinutes(1));
                assertTrue(outcome.unreadable().isEmpty(), outcome.toString());
                assertEquals(0, countUnder(db, idA), "rows still under the old key");
                assertEquals(notes.size(), countUnder(db, idB));
                // the member-card key row is under B too
                assertTrue(serverKeys(db).stream().allMatch(v -> v.startsWith("v1:" + idB + ":")), serverKeys(db).toString());
                List<String> audit = auditActions(db);
                assertTrue(audit.contains("AT_REST_REENCRYPTED"), audit.toString());
            }

            // 3. restart with B alone: everything reads, the card key opens
            ServerSecrets onlyB = new ServerSecrets(withA.jwtSecret(), keyB);
            try (SpotterApp c = SpotterApp.create(db.config(), onlyB, Clock.systemUTC()).start()) {
                ApiClient api = new ApiClient(c.baseUrl());
                String manager = login(api, managerEmail);
                List<String> wrong = new ArrayList<>();
                for (var e : notes.entrySet()) {
                    var r = api.get("/api/v1/members/" + e.getKey(), manager);
                    if (r.status() != 200 || !e.getValue().equals(r.text("healthNotes"))) {
                        wrong.add(e.getKey() + ": " + r);
                    }
                }
                assertTrue(wrong.isEmpty(), wrong.toString());
                assertEquals(200, api.get("/api/v1/checkin/public-key", manager).status());
            }
        }
    }

    @Test
    void notesWrittenBeforeKeyIdsStillReadAndAreTaggedByTheJob() throws Exception {
        ServerSecrets secrets = ServerSecrets.random();
        try (TestDatabase.Instance db = database.create()) {
            String id;
            String email = "manager-legacy@test.spotter.app";
            try (SpotterApp a = SpotterApp.create(db.config(), secrets, Clock.systemUTC()).start()) {
                ApiClient api = new ApiClient(a.baseUrl());
                String manager = a.services().accounts().bootstrapAccount(email, PASSWORD, "Manager", Role.MANAGER, null)
                        .accessToken();
                id = api.post("/api/v1/members", Map.of("firstName", "Old", "lastName", "Format", "healthNotes", "Old note"),
                        manager).text("id");
            }
            // as the previous version stored it: base64(IV + ciphertext + tag), no key id
            String legacy = legacySeal(secrets.encryptionKey(), "Old note");
            exec(db, "update member set health_notes_enc = '" + legacy + "' where id = '" + id + "'");
            try (SpotterApp b = SpotterApp.create(db.config(), secrets, Clock.systemUTC()).start()) {
                ApiClient api = new ApiClient(b.baseUrl());
                assertEquals("Old note", api.get("/api/v1/members/" + id, login(api, email)).text("healthNotes"));
                b.reencryption().await(Duration.ofMinutes(1));
                String now = query(db, "select health_notes_enc from member where id = '" + id + "'").get(0);
                assertTrue(now.startsWith("v1:" + AtRestCipher.keyId(secrets.encryptionKey()) + ":"), now);
                assertFalse(now.equals(legacy));
            }
        }
    }

    private static String legacySeal(byte[] key, String text) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        var c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        byte[] sealed = c.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    }

    private static String login(ApiClient api, String email) {
        var r = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
        assertEquals(200, r.status(), r.toString());
        return r.text("accessToken");
    }

    private static int countUnder(TestDatabase.Instance db, String keyId) throws Exception {
        return Integer.parseInt(query(db, "select count(*) from member where health_notes_enc like 'v1:" + keyId + ":%'").get(0));
    }

    private static List<String> serverKeys(TestDatabase.Instance db) throws Exception {
        return query(db, "select private_enc from server_key");
    }

    private static List<String> auditActions(TestDatabase.Instance db) throws Exception {
        return query(db, "select action from audit_entry");
    }

    private static void exec(TestDatabase.Instance db, String sql) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static List<String> query(TestDatabase.Instance db, String sql) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static Connection connect(TestDatabase.Instance db) throws Exception {
        return java.sql.DriverManager.getConnection(db.config().databaseUrl(), db.config().databaseUser(),
                db.config().databasePassword());
    }
}
