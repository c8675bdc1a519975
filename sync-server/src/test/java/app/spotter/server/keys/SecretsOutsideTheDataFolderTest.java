package app.spotter.server.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.SpotterApp;
import app.spotter.server.config.ServerConfig;
import app.spotter.server.config.ServerSecrets;
import app.spotter.server.support.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default (H2 in the data folder, no secrets configured): the keys are generated into
 * the user's config folder, never the data folder, so a copy of the data folder on another machine
 * cannot read the health notes. Explicit secrets files are refused inside the data folder or when
 * others can read them.
 */
class SecretsOutsideTheDataFolderTest {

    @TempDir
    Path temp;

    private Map<String, String> env(Path data, Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("SPOTTER_DATA_DIR", data.toString());
        env.put("SPOTTER_PORT", "0");
        env.put("HOME", home.toString());
        return env;
    }

    @Test
    void aCopyOfTheDataFolderAloneDoesNotReadTheHealthNotes() throws Exception {
        Path data = temp.resolve("data");
        Path home = temp.resolve("gym-pc-home");
        Map<String, String> env = env(data, home);
        ServerConfig config = ServerConfig.from(env);
        ServerSecrets secrets = ServerSecrets.load(env, config.dataDir());
        String memberId;
        try (SpotterApp app = SpotterApp.create(config, secrets, Clock.systemUTC()).start()) {
            ApiClient api = new ApiClient(app.baseUrl());
            String manager = app.services().accounts().bootstrapAccount("manager@copy.test", "test-password-1",
                    "Manager", Role.MANAGER, null).accessToken();
            var created = api.post("/api/v1/members", Map.of("firstName", "Ada", "lastName", "Copy",
                    "healthNotes", "Asthma, inhaler in locker 12"), manager);
            assertEquals(201, created.status(), created.toString());
            memberId = created.text("id");
            assertEquals("Asthma, inhaler in locker 12", api.get("/api/v1/members/" + memberId, manager).text("healthNotes"));
        }
        String key = Base64.getEncoder().encodeToString(secrets.encryptionKey());
        try (Stream<Path> files = Files.walk(data)) {
            List<Path> holding = files.filter(Files::isRegularFile).filter(f -> contains(f, key)).toList();
            assertTrue(holding.isEmpty(), "the data folder holds the encryption key: " + holding);
        }
        assertFalse(Files.exists(data.resolve(ServerSecrets.FILE_NAME)), "a secrets file in the data folder");
        assertTrue(Files.exists(ServerSecrets.defaultFile(env)), "generated into the user's config folder");

        // A stranger copies the data folder to another machine (another home) and starts a server on it.
        Path copy = temp.resolve("stolen");
        copyTree(data, copy);
        Map<String, String> strangers = env(copy, temp.resolve("stranger-home"));
        ServerConfig theirConfig = ServerConfig.from(strangers);
        ServerSecrets theirs = ServerSecrets.load(strangers, theirConfig.dataDir());
        assertFalse(java.util.Arrays.equals(secrets.encryptionKey(), theirs.encryptionKey()));
        // The member-card key is sealed with the gym's key: the server refuses to start rather than read anything.
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SpotterApp.create(theirConfig, theirs, Clock.systemUTC()).close());
        assertTrue(refused.getMessage().contains("signing key"), refused.getMessage());
        // and the notes column opens with no key the copy has
        String sealed = rawHealthNotes(theirConfig, memberId);
        assertThrows(IllegalStateException.class, () -> theirs.atRestCipher().open(sealed, null));
        assertEquals("Asthma, inhaler in locker 12",
                new String(secrets.atRestCipher().open(sealed, null), StandardCharsets.UTF_8));
    }

    @Test
    void theSameMachineRestartsWithTheSameGeneratedKeys() {
        Path data = temp.resolve("data");
        Map<String, String> env = env(data, temp.resolve("home"));
        ServerSecrets first = ServerSecrets.load(env, data);
        ServerSecrets again = ServerSecrets.load(env, data);
        assertTrue(java.util.Arrays.equals(first.encryptionKey(), again.encryptionKey()));
        assertTrue(java.util.Arrays.equals(first.jwtSecret(), again.jwtSecret()));
    }

    @Test
    void aSecretsFileAnOlderVersionLeftInTheDataFolderIsMovedOut() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        String key = ServerSecrets.newEncryptionKey();
        Files.writeString(data.resolve(ServerSecrets.FILE_NAME), "jwt.secret=" + "j".repeat(48) + "\nencryption.key=" + key + "\n");
        Map<String, String> env = env(data, temp.resolve("home"));
        ServerSecrets loaded = ServerSecrets.load(env, data);
        assertEquals(key, Base64.getEncoder().encodeToString(loaded.encryptionKey()));
        assertFalse(Files.exists(data.resolve(ServerSecrets.FILE_NAME)));
        assertTrue(Files.readString(ServerSecrets.defaultFile(env)).contains(key));
    }

    @Test
    void aSecretsFileInsideTheDataFolderIsRefused() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path file = privateSecretsFile(data.resolve("keys").resolve("secrets.properties"));
        Map<String, String> env = env(data, temp.resolve("home"));
        env.put("SPOTTER_SECRETS_FILE", file.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServerSecrets.load(env, data));
        assertTrue(e.getMessage().contains("inside the data folder"), e.getMessage());
        // the same default config folder placed inside the data folder (HOME = data dir, as a service user's) too
        Map<String, String> serviceUser = env(data, data);
        assertThrows(IllegalStateException.class, () -> ServerSecrets.load(serviceUser, data));
        // an upgraded service whose keys an older version generated into the data folder: told to move them, left in place
        Files.writeString(data.resolve(ServerSecrets.FILE_NAME), "jwt.secret=" + "j".repeat(48) + "\nencryption.key="
                + ServerSecrets.newEncryptionKey() + "\n");
        IllegalStateException upgrade = assertThrows(IllegalStateException.class, () -> ServerSecrets.load(serviceUser, data));
        assertTrue(upgrade.getMessage().contains("Move " + data.resolve(ServerSecrets.FILE_NAME)), upgrade.getMessage());
        assertTrue(Files.exists(data.resolve(ServerSecrets.FILE_NAME)));
    }

    @Test
    void aSecretsFileOthersCanReadIsRefused() throws IOException {
        Path data = temp.resolve("data");
        Path file = privateSecretsFile(temp.resolve("etc").resolve("secrets.properties"));
        Map<String, String> env = env(data, temp.resolve("home"));
        env.put("SPOTTER_SECRETS_FILE", file.toString());
        assertEquals(32, ServerSecrets.load(env, data).encryptionKey().length);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServerSecrets.load(env, data));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void theSystemdCredentialIsReadFromTheCredentialsDirectory() throws IOException {
        Path data = temp.resolve("data");
        Path credentials = Files.createDirectories(temp.resolve("run-credentials"));
        Path file = privateSecretsFile(credentials.resolve(ServerSecrets.CREDENTIAL_ID));
        String key = Files.readAllLines(file).stream().filter(l -> l.startsWith("encryption.key=")).findFirst().orElseThrow()
                .substring("encryption.key=".length());
        Map<String, String> env = env(data, temp.resolve("home"));
        env.put("CREDENTIALS_DIRECTORY", credentials.toString());
        assertEquals(key, Base64.getEncoder().encodeToString(ServerSecrets.load(env, data).encryptionKey()));
        assertFalse(Files.exists(ServerSecrets.defaultFile(env)), "nothing generated when the credential is there");
    }

    private static Path privateSecretsFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "jwt.secret=" + "s".repeat(48) + "\nencryption.key=" + ServerSecrets.newEncryptionKey() + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String rawHealthNotes(ServerConfig config, String memberId) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(config.databaseUrl(), config.databaseUser(), config.databasePassword());
             var s = c.prepareStatement("select health_notes_enc from member where id = ?")) {
            s.setObject(1, java.util.UUID.fromString(memberId));
            try (var rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
