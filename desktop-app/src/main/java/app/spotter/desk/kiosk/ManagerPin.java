package app.spotter.desk.kiosk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The manager PIN that unlocks a kiosk, kept on the desk only as a salted PBKDF2 hash
 * ({@code salt:hash}, Base64) so that reading the desk's settings does not reveal it.
 */
public final class ManagerPin {

    private static final int ITERATIONS = 120_000;
    private static final int BITS = 256;

    private final byte[] salt;
    private final byte[] hash;

    private ManagerPin(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    public static ManagerPin of(String pin) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new ManagerPin(salt, derive(pin, salt));
    }

    public static ManagerPin parse(String stored) {
        String[] parts = stored.split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Not a stored manager PIN");
        }
        return new ManagerPin(Base64.getDecoder().decode(parts[0]), Base64.getDecoder().decode(parts[1]));
    }

    public String stored() {
        return Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(hash);
    }

    public boolean matches(String pin) {
        return pin != null && !pin.isEmpty() && MessageDigest.isEqual(hash, derive(pin, salt));
    }

    private static byte[] derive(String pin, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(pin.toCharArray(), salt, ITERATIONS, BITS)).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK", e);
        }
    }
}
