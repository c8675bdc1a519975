package app.spotter.server.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for values kept at rest (health notes, the member-card signing key, TOTP secrets): a
 * fresh random 12-byte IV per value. A value is stored as {@code v1:<key id>:<base64 of IV,
 * ciphertext and tag>}; the key id names the key that sealed it, so a rotated key can be retired
 * without downtime: values are sealed with the current key and opened with whichever key they
 * name. Values written before key ids existed (plain base64) are tried with every key. A tampered
 * value or one written with an unknown key fails to open instead of yielding garbage. Optional
 * associated data binds a value to its place (a key id), so it cannot be copied into another row.
 */
public final class AtRestCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    /** Key id to key, the current key first. */
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public AtRestCipher(byte[] key) {
        this(key, List.of());
    }

    /** Seals with {@code current}; opens values of {@code current} and of every retired key. */
    public AtRestCipher(byte[] current, List<byte[]> retired) {
        this.currentId = keyId(current);
        keys.put(currentId, spec(current));
        for (byte[] old : retired) {
            keys.putIfAbsent(keyId(old), spec(old));
        }
    }

    /**
     * A short public name of a key: the first 8 bytes of SHA-256 over a label and the key, in hex.
     * It tells keys apart without revealing anything usable about them.
     */
    public static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("spotter-at-rest-key-id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(key), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return currentId;
    }

    /** The prefix of every value sealed with the current key (for finding those that are not). */
    public String currentPrefix() {
        return PREFIX + currentId + ":";
    }

    /** True when the value is not sealed with the current key (an older key, or written before key ids). */
    public boolean needsReseal(String stored) {
        return stored != null && !stored.startsWith(currentPrefix());
    }

    public String seal(byte[] plain, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), iv, associatedData).doFinal(plain);
            return currentPrefix()
                    + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws IllegalStateException when the value was sealed with an unknown key or other associated
     *     data, or was altered
     */
    public byte[] open(String stored, byte[] associatedData) {
        if (stored == null) {
            throw new IllegalStateException("No stored value");
        }
        List<SecretKeySpec> candidates = new ArrayList<>();
        String body = stored;
        if (stored.startsWith(PREFIX)) {
            int end = stored.indexOf(':', PREFIX.length());
            SecretKeySpec named = end < 0 ? null : keys.get(stored.substring(PREFIX.length(), end));
            if (named == null) {
                throw new IllegalStateException("The stored value was sealed with a key this server does not have (key id "
                        + (end < 0 ? "?" : stored.substring(PREFIX.length(), end)) + "); add it to SPOTTER_ENCRYPTION_KEYS_RETIRED");
            }
            candidates.add(named);
            body = stored.substring(end + 1);
        } else {
            // Written before key ids: any of our keys may have sealed it.
            candidates.addAll(keys.values());
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The stored value is not base64", e);
        }
        if (all.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("The stored value is too short to be AES-GCM ciphertext");
        }
        GeneralSecurityException last = null;
        for (SecretKeySpec key : candidates) {
            try {
                return cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(all, IV_BYTES), associatedData)
                        .doFinal(all, IV_BYTES, all.length - IV_BYTES);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new IllegalStateException("The stored value cannot be decrypted with this key (wrong key or altered data)", last);
    }

    private static SecretKeySpec spec(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("The encryption key must be 32 bytes (AES-256)");
        }
        return new SecretKeySpec(key.clone(), "AES");
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] iv, byte[] associatedData) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(TRANSFORMATION);
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        if (associatedData != null) {
            c.updateAAD(associatedData);
        }
        return c;
    }
}
