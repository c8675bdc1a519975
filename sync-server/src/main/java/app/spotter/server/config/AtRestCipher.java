package app.spotter.server.config;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for values kept at rest (health notes, the member-card signing key): a fresh random
 * 12-byte IV per value, stored as base64 of IV, ciphertext and tag. A tampered value or one written
 * with another key fails to open instead of yielding garbage. Optional associated data binds a
 * value to its place (a key id), so it cannot be copied into another row.
 */
public final class AtRestCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public AtRestCipher(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("The encryption key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public String seal(byte[] plain, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv, associatedData).doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws IllegalStateException when the value was sealed with another key or other associated
     *     data, or was altered
     */
    public byte[] open(String stored, byte[] associatedData) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            if (all.length < IV_BYTES + TAG_BITS / 8) {
                throw new IllegalStateException("The stored value is too short to be AES-GCM ciphertext");
            }
            return cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(all, IV_BYTES), associatedData)
                    .doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The stored value cannot be decrypted with this key (wrong key or altered data)", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, byte[] associatedData) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(TRANSFORMATION);
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        if (associatedData != null) {
            c.updateAAD(associatedData);
        }
        return c;
    }
}
