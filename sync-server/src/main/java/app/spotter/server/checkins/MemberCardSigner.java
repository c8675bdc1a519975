package app.spotter.server.checkins;

import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.server.config.AtRestCipher;
import app.spotter.server.db.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The gym's member-card signing key (Ed25519), shared by every server process through the
 * {@code server_key} table. The first process that needs it creates it; the private half is stored
 * AES-GCM-encrypted with the server's at-rest key, as base64(IV + ciphertext).
 */
public final class MemberCardSigner {

    /** The row id of the member-card key in {@code server_key}. */
    public static final String KEY_ID = "member-card";
    public static final String ALGORITHM = "Ed25519";


    private final Transactions tx;
    private final String keyId;
    private final AtRestCipher cipher;
    private final Clock clock;
    // A copy of the database row: the key never changes once created, so caching it is safe across processes.
    private volatile KeyPair keys;

    public MemberCardSigner(Transactions tx, byte[] encryptionKey, Clock clock) {
        this(tx, new AtRestCipher(encryptionKey), clock, KEY_ID);
    }

    /** With the server's key ring, so the row opens under a retired key while it is re-encrypted. */
    public MemberCardSigner(Transactions tx, AtRestCipher cipher, Clock clock) {
        this(tx, cipher, clock, KEY_ID);
    }

    /** A signer of another key row; tests use it to race fresh key creation. */
    MemberCardSigner(Transactions tx, byte[] encryptionKey, Clock clock, String keyId) {
        this(tx, new AtRestCipher(encryptionKey), clock, keyId);
    }

    private MemberCardSigner(Transactions tx, AtRestCipher cipher, Clock clock, String keyId) {
        this.tx = tx;
        this.keyId = keyId;
        this.cipher = cipher;
        this.clock = clock;
    }

    public PublicKey publicKey() {
        return keys().getPublic();
    }

    /** The QR payload of the member's card at that version, signed now. */
    public String cardCode(app.spotter.model.common.MemberId member, int cardVersion) {
        return MemberQrCodes.sign(member, cardVersion, clock.instant(), privateKey());
    }

    /**
     * The QR payload of the member's card at that version, issued at a moment taken from the row
     * itself: the same row always gives the same code, so a feed row and a later snapshot of an
     * unchanged member agree (Ed25519 signatures are deterministic).
     */
    public String cardCode(app.spotter.model.common.MemberId member, int cardVersion, java.time.Instant issuedAt) {
        return MemberQrCodes.sign(member, cardVersion, issuedAt == null ? clock.instant() : issuedAt, privateKey());
    }

    PrivateKey privateKey() {
        return keys().getPrivate();
    }

    private KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    k = loadOrCreate();
                    keys = k;
                }
            }
        }
        return k;
    }

    private KeyPair loadOrCreate() {
        ServerKeyRecord stored = tx.inTransaction(s -> s.find(ServerKeyRecord.class, keyId));
        if (stored != null) {
            return open(stored);
        }
        KeyPair fresh = MemberQrCodes.newSigningKeys();
        ServerKeyRecord row = new ServerKeyRecord();
        row.id = keyId;
        row.publicKey = MemberQrCodes.encodePublicKey(fresh.getPublic());
        row.privateEncrypted = seal(fresh.getPrivate().getEncoded());
        row.createdAt = clock.instant();
        try {
            tx.run(s -> s.persist(row));
            return fresh;
        } catch (RuntimeException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            // Another server process created the key at the same moment; theirs is the one.
            ServerKeyRecord theirs = tx.inTransaction(s -> s.find(ServerKeyRecord.class, keyId));
            if (theirs == null) {
                throw e;
            }
            return open(theirs);
        }
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException || t instanceof jakarta.persistence.EntityExistsException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private KeyPair open(ServerKeyRecord row) {
        PublicKey pub = MemberQrCodes.decodePublicKey(row.publicKey);
        PrivateKey priv = MemberQrCodes.decodePrivateKey(Base64.getEncoder().encodeToString(unseal(row.privateEncrypted)));
        return new KeyPair(pub, priv);
    }

    private String seal(byte[] plain) {
        try {
            // Binds the ciphertext to its row, so it cannot be swapped in as another key.
            return cipher.seal(plain, keyId.getBytes(StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private byte[] unseal(String text) {
        try {
            return cipher.open(text, keyId.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Cannot decrypt the signing key: is SPOTTER_ENCRYPTION_KEY the one it was created with?", e);
        }
    }
}
