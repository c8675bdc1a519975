package app.spotter.model.checkin;

import app.spotter.model.common.MemberId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Signed member-card QR codes that a desk can verify offline with the gym's public key.
 *
 * <p>A code reads {@code SPOTTER1.<member uuid>.<card version>.<issued at, epoch seconds>.<signature>},
 * where the signature is Ed25519 over everything before the last dot, in base64url without
 * padding. Only the server holds the private key, so a desk can tell a real card from a
 * forged one without a connection; revocation works by raising the member's card version.
 * Uses only the JDK.
 */
public final class MemberQrCodes {

    /** The format tag; a new format would get a new tag so old desks refuse it cleanly. */
    public static final String PREFIX = "SPOTTER1";

    private static final String ALGORITHM = "Ed25519";
    private static final int SIGNATURE_BYTES = 64;
    /** Generous for the format (about 170 characters), and cheap to refuse beyond it. */
    private static final int MAX_PAYLOAD_LENGTH = 256;
    private static final Pattern CODE = Pattern.compile(
            Pattern.quote(PREFIX)
                    + "\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
                    + "\\.(0|[1-9][0-9]{0,9})"
                    + "\\.(0|[1-9][0-9]{0,18})"
                    + "\\.([A-Za-z0-9_-]{86})");

    private MemberQrCodes() {
    }

    /** A fresh Ed25519 key pair for signing member cards. */
    public static KeyPair newSigningKeys() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot make Ed25519 keys", e);
        }
    }

    /**
     * The QR payload of a member card.
     *
     * @param issuedAt the moment of issue; kept to the second
     * @throws IllegalArgumentException if the version or the issue time is negative, or the key
     *     is not an Ed25519 private key
     */
    public static String sign(MemberId member, int cardVersion, Instant issuedAt, PrivateKey key) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(key, "key");
        if (cardVersion < 0) {
            throw new IllegalArgumentException("cardVersion must not be negative: " + cardVersion);
        }
        if (issuedAt.getEpochSecond() < 0) {
            throw new IllegalArgumentException("issuedAt must not be before 1970: " + issuedAt);
        }
        String signed = PREFIX + "." + member + "." + cardVersion + "." + issuedAt.getEpochSecond();
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /**
     * The card a payload stands for, only when its format is exact and its signature is valid
     * under {@code key}. Surrounding whitespace is ignored, because keyboard-wedge scanners
     * type a newline after the code. Never throws on garbage; any doubt gives empty.
     */
    public static Optional<MemberCard> verify(String payload, PublicKey key) {
        if (payload == null || key == null || payload.length() > MAX_PAYLOAD_LENGTH) {
            return Optional.empty();
        }
        var match = CODE.matcher(payload.strip());
        if (!match.matches()) {
            return Optional.empty();
        }
        try {
            String text = match.group();
            String signed = text.substring(0, text.lastIndexOf('.'));
            byte[] signatureBytes = Base64.getUrlDecoder().decode(match.group(4));
            if (signatureBytes.length != SIGNATURE_BYTES) {
                return Optional.empty();
            }
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(signatureBytes)) {
                return Optional.empty();
            }
            return Optional.of(new MemberCard(
                    new MemberId(UUID.fromString(match.group(1))),
                    Integer.parseInt(match.group(2)),
                    Instant.ofEpochSecond(Long.parseLong(match.group(3)))));
        } catch (GeneralSecurityException | IllegalArgumentException | DateTimeException e) {
            // Wrong kind of key, a number out of range, undecodable base64: not a card of ours.
            return Optional.empty();
        }
    }

    /** The public key as base64 of its X.509 encoding, for desk configuration. */
    public static String encodePublicKey(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /**
     * Reads a public key written by {@link #encodePublicKey}.
     *
     * @throws IllegalArgumentException if the text is not a base64 X.509 Ed25519 public key
     */
    public static PublicKey decodePublicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decodeBase64(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** The private key as base64 of its PKCS#8 encoding, for the server's configuration. */
    public static String encodePrivateKey(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /**
     * Reads a private key written by {@link #encodePrivateKey}.
     *
     * @throws IllegalArgumentException if the text is not a base64 PKCS#8 Ed25519 private key
     */
    public static PrivateKey decodePrivateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decodeBase64(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    private static byte[] decodeBase64(String base64) {
        if (base64 == null) {
            throw new IllegalArgumentException("key text is missing");
        }
        return Base64.getDecoder().decode(base64.strip());
    }
}
