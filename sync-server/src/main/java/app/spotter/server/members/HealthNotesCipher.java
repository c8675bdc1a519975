package app.spotter.server.members;

import app.spotter.server.config.AtRestCipher;
import java.nio.charset.StandardCharsets;

/**
 * Health notes at rest: AES-256-GCM through {@link AtRestCipher}, each value naming its key. A database dump alone never
 * shows a member's notes.
 */
public final class HealthNotesCipher {

    private final AtRestCipher cipher;

    public HealthNotesCipher(byte[] key) {
        this(new AtRestCipher(key));
    }

    /** With the server's key ring: writes with the current key, reads values of retired keys too. */
    public HealthNotesCipher(AtRestCipher cipher) {
        this.cipher = cipher;
    }

    public String encrypt(String plaintext) {
        return cipher.seal(plaintext.getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * The plaintext of a stored value.
     *
     * @throws IllegalStateException if the value was written with another key or was altered
     */
    public String decrypt(String stored) {
        return new String(cipher.open(stored, null), StandardCharsets.UTF_8);
    }
}
