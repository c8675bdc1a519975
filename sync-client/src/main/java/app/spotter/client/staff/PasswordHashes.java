package app.spotter.client.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK (no extra dependency on the desk), 210,000 iterations as OWASP
 * recommends, a random 16-byte salt per hash. Stored as {@code pbkdf2-sha256$iterations$salt$hash}.
 * Used for cached staff logins and the kiosk's manager PIN.
 */
public final class PasswordHashes {

    private static final String PREFIX = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, ITERATIONS));
    }

    public static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static final String SEALED = "pbkdf2-aesgcm";

    /**
     * A secret sealed under a key derived from the password (PBKDF2 as above, its own salt;
     * AES-256-GCM): {@code pbkdf2-aesgcm$iterations$salt$iv$ciphertext}. Only the password opens it.
     */
    public static String seal(String password, String secret) {
        byte[] salt = new byte[16];
        byte[] iv = new byte[12];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        Base64.Encoder b64 = Base64.getEncoder();
        byte[] sealed = aes(javax.crypto.Cipher.ENCRYPT_MODE, derive(password, salt, ITERATIONS), iv,
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return SEALED + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(iv) + "$"
                + b64.encodeToString(sealed);
    }

    /** The sealed secret, or empty for a wrong password or anything malformed. */
    public static java.util.Optional<String> open(String password, String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\$");
        if (parts.length != 5 || !SEALED.equals(parts[0])) {
            return java.util.Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] key = derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
            byte[] plain = aes(javax.crypto.Cipher.DECRYPT_MODE, key, b64.decode(parts[3]), b64.decode(parts[4]));
            return java.util.Optional.of(new String(plain, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return java.util.Optional.empty();
        }
    }

    private static byte[] aes(int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new javax.crypto.spec.SecretKeySpec(key, "AES"), new javax.crypto.spec.GCMParameterSpec(128, iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            // a wrong password fails the GCM tag
            throw new IllegalStateException("Cannot open the sealed secret", e);
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
