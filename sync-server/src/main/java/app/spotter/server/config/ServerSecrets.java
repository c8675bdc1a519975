package app.spotter.server.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The JWT secret and the at-rest encryption keys (the current one and retired ones that still
 * open older values). They never live in the data folder, so a copy of it (a backup, a stolen
 * disk image) does not open the health notes. Where they come from, first match wins per value
 * (decision 0016):
 * <ol>
 *   <li>the environment: SPOTTER_JWT_SECRET, SPOTTER_ENCRYPTION_KEY, SPOTTER_ENCRYPTION_KEYS_RETIRED;</li>
 *   <li>a secrets file: SPOTTER_SECRETS_FILE, or the systemd credential {@code spotter-secrets}
 *       ({@code LoadCredential=spotter-secrets:/etc/spotter/secrets.properties}); it must sit outside
 *       the data folder and be readable by its owner only;</li>
 *   <li>the zero-config default: generated once into the user's config folder
 *       ({@code $XDG_CONFIG_HOME/spotter} or {@code ~/.config/spotter}, {@code %APPDATA%\Spotter} on
 *       Windows), never inside the data folder. A secrets file an older version left in the data
 *       folder is moved there.</li>
 * </ol>
 */
public record ServerSecrets(byte[] jwtSecret, byte[] encryptionKey, List<byte[]> retiredEncryptionKeys) {

    /** The file name of the secrets, and of the one older versions kept in the data folder. */
    public static final String FILE_NAME = "server-secrets.properties";
    /** The systemd credential id the unit loads the secrets file as. */
    public static final String CREDENTIAL_ID = "spotter-secrets";

    public ServerSecrets {
        if (jwtSecret.length < 32) {
            throw new IllegalArgumentException("SPOTTER_JWT_SECRET must be at least 32 bytes");
        }
        if (encryptionKey.length != 32) {
            throw new IllegalArgumentException("SPOTTER_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
        }
        for (byte[] retired : retiredEncryptionKeys) {
            if (retired.length != 32) {
                throw new IllegalArgumentException("Every key of SPOTTER_ENCRYPTION_KEYS_RETIRED must be 32 bytes, base64-encoded");
            }
        }
        retiredEncryptionKeys = List.copyOf(retiredEncryptionKeys);
    }

    public ServerSecrets(byte[] jwtSecret, byte[] encryptionKey) {
        this(jwtSecret, encryptionKey, List.of());
    }

    /** The cipher for values at rest: seals with the current key, opens with it and the retired ones. */
    public AtRestCipher atRestCipher() {
        return new AtRestCipher(encryptionKey, retiredEncryptionKeys);
    }

    /** The same secrets with a new current key; the old current key becomes a retired one. */
    public ServerSecrets rotatedTo(byte[] newKey) {
        List<byte[]> retired = new ArrayList<>(retiredEncryptionKeys);
        retired.add(0, encryptionKey);
        return new ServerSecrets(jwtSecret, newKey, retired);
    }

    public static ServerSecrets load(ServerConfig config) {
        return load(System.getenv(), config.dataDir());
    }

    /** From the given environment, for a server whose data folder is {@code dataDir}. */
    public static ServerSecrets load(Map<String, String> env, Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        Optional<String> jwt = value(env, "SPOTTER_JWT_SECRET");
        Optional<String> key = value(env, "SPOTTER_ENCRYPTION_KEY");
        Optional<String> retired = value(env, "SPOTTER_ENCRYPTION_KEYS_RETIRED");
        Path legacy = data.resolve(FILE_NAME);
        Optional<Path> file = secretsFile(env);
        if (jwt.isEmpty() || key.isEmpty()) {
            Path chosen = file.orElseGet(() -> defaultFile(env));
            refuseInsideDataFolder(chosen, data, legacy);
            if (file.isEmpty()) {
                moveLegacyFile(legacy, chosen);
            }
            Properties stored = file.isPresent() ? read(chosen) : readOrCreate(chosen);
            refuseReadableByOthers(chosen);
            jwt = jwt.or(() -> Optional.ofNullable(stored.getProperty("jwt.secret")).filter(s -> !s.isBlank()));
            key = key.or(() -> Optional.ofNullable(stored.getProperty("encryption.key")).filter(s -> !s.isBlank()));
            if (retired.isEmpty()) {
                retired = Optional.ofNullable(stored.getProperty("encryption.keys.retired")).filter(s -> !s.isBlank());
            }
            if (jwt.isEmpty() || key.isEmpty()) {
                throw new IllegalStateException(chosen + " must set jwt.secret and encryption.key"
                        + " (or set SPOTTER_JWT_SECRET and SPOTTER_ENCRYPTION_KEY)");
            }
        }
        if (Files.exists(legacy)) {
            System.err.println("Warning: " + legacy + " is a secrets file inside the data folder; the server does not use it."
                    + " Delete it (or move it out of the data folder) so a copy of the folder does not carry the keys.");
        }
        List<byte[]> retiredKeys = new ArrayList<>();
        for (String part : retired.orElse("").split(",")) {
            if (!part.isBlank()) {
                retiredKeys.add(decodeKey("SPOTTER_ENCRYPTION_KEYS_RETIRED", part.strip()));
            }
        }
        return new ServerSecrets(jwt.get().getBytes(StandardCharsets.UTF_8), decodeKey("SPOTTER_ENCRYPTION_KEY", key.get()),
                retiredKeys);
    }

    /** Fresh random secrets, for tests and throwaway servers. */
    public static ServerSecrets random() {
        return new ServerSecrets(randomBytes(48), randomBytes(32));
    }

    /** A fresh 32-byte key, base64, as SPOTTER_ENCRYPTION_KEY takes it. */
    public static String newEncryptionKey() {
        return Base64.getEncoder().encodeToString(randomBytes(32));
    }

    /** Where the zero-config default keeps generated secrets: the user's config folder. */
    public static Path defaultFile(Map<String, String> env) {
        Optional<String> xdg = value(env, "XDG_CONFIG_HOME");
        Optional<String> appData = value(env, "APPDATA");
        Path folder;
        if (xdg.isPresent()) {
            folder = Path.of(xdg.get()).resolve("spotter");
        } else if (appData.isPresent() && System.getProperty("os.name", "").startsWith("Windows")) {
            folder = Path.of(appData.get()).resolve("Spotter");
        } else {
            folder = Path.of(value(env, "HOME").orElse(System.getProperty("user.home"))).resolve(".config").resolve("spotter");
        }
        return folder.resolve(FILE_NAME).toAbsolutePath().normalize();
    }

    private static Optional<Path> secretsFile(Map<String, String> env) {
        Optional<Path> explicit = value(env, "SPOTTER_SECRETS_FILE").map(Path::of);
        if (explicit.isPresent()) {
            if (!Files.isRegularFile(explicit.get())) {
                throw new IllegalStateException("SPOTTER_SECRETS_FILE " + explicit.get() + " does not exist");
            }
            return explicit.map(p -> p.toAbsolutePath().normalize());
        }
        // systemd's LoadCredential= puts the file into a private folder of the service.
        return value(env, "CREDENTIALS_DIRECTORY").map(dir -> Path.of(dir).resolve(CREDENTIAL_ID)).filter(Files::isRegularFile);
    }

    private static void refuseInsideDataFolder(Path file, Path dataDir, Path legacy) {
        Path real = realOrNormal(file);
        Path data = realOrNormal(dataDir);
        if (real.startsWith(data)) {
            Path existing = Files.exists(file) ? file : Files.exists(legacy) ? legacy : null;
            throw new IllegalStateException("The secrets file " + file + " would be inside the data folder " + dataDir
                    + ": a copy of that folder would carry the keys to the health notes. "
                    + (existing == null ? "Create one elsewhere" : "Move " + existing + " elsewhere")
                    + " (e.g. /etc/spotter/secrets.properties, mode 600; under systemd load it with"
                    + " LoadCredential=spotter-secrets:/etc/spotter/secrets.properties) or point SPOTTER_SECRETS_FILE at it,"
                    + " or set SPOTTER_JWT_SECRET and SPOTTER_ENCRYPTION_KEY (see conf/spotter.env.sample).");
        }
    }

    private static void refuseReadableByOthers(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: the folder's access rules apply
        }
        try {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
            others.retainAll(perms);
            if (!others.isEmpty()) {
                throw new IllegalStateException("The secrets file " + file + " is readable or writable by others ("
                        + PosixFilePermissions.toString(perms) + "); make it private: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the permissions of " + file, e);
        }
    }

    /** An older version generated the secrets into the data folder; move them out, once. */
    private static void moveLegacyFile(Path legacy, Path target) {
        if (!Files.isRegularFile(legacy)) {
            return;
        }
        try {
            if (Files.exists(target)) {
                if (Files.mismatch(legacy, target) == -1) {
                    Files.delete(legacy);
                    return;
                }
                throw new IllegalStateException("Two different secrets files: " + legacy + " (inside the data folder) and "
                        + target + ". Keep the one the data was encrypted with outside the data folder and delete the other.");
            }
            createPrivateFolder(target.getParent());
            Files.move(legacy, target, StandardCopyOption.ATOMIC_MOVE);
            makePrivate(target);
            System.err.println("Moved the secrets file out of the data folder: " + legacy + " -> " + target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + legacy + " to " + target, e);
        }
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Properties readOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        Properties p = new Properties();
        try {
            createPrivateFolder(file.getParent());
            p.setProperty("jwt.secret", Base64.getEncoder().encodeToString(randomBytes(48)));
            p.setProperty("encryption.key", newEncryptionKey());
            Path temp = Files.createTempFile(file.getParent(), ".secrets", ".tmp");
            makePrivate(temp);
            try (Writer w = Files.newBufferedWriter(temp)) {
                p.store(w, "Generated by Spotter on first start. Keep private and OUT of the data folder; back it up"
                        + " apart from the data: without encryption.key the health notes cannot be read.");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file, e);
        }
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            try {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
    }

    private static void makePrivate(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the folder's own permissions apply
        }
    }

    private static Path realOrNormal(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        // Resolve symbolic links of the longest existing part, so a link cannot hide the data folder.
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    private static byte[] decodeKey(String name, String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be base64 of 32 bytes (make one with: head -c 32 /dev/urandom | base64)");
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank());
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
