package app.spotter.model.sync;

import app.spotter.model.common.DeviceId;
import app.spotter.model.common.UserId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a desk proves which staff member made an operation, written once for desk and server so the
 * two can never disagree (decision 0013). The desk holds a staff credential's key (issued by the
 * server to this device for this person at an online login) and signs the canonical text of each
 * operation with HMAC-SHA256; the server derives the same key and checks the signature.
 *
 * <p>The canonical text is built from the typed records by their components: records as
 * {@code Name{component=value,...}} in declaration order, maps sorted by key, collections in
 * order, strings length-prefixed (so no value can shift a boundary), everything else by
 * {@code toString}. It covers the device, opId, sequence, type, hlc, actor, read versions and the
 * payload; only the proof itself is left out.
 */
public final class OperationProofs {

    private static final String ALGORITHM = "HmacSHA256";
    /** How old a signed request (not an operation) may be when the server reads it, either way. */
    public static final java.time.Duration REQUEST_FRESHNESS = java.time.Duration.ofMinutes(5);

    private OperationProofs() {
    }

    /** The text of an operation that its proof signs. */
    public static String canonicalText(DeviceId device, SyncApi.Operation op) {
        StringBuilder out = new StringBuilder("spotter-op-v1|device=");
        write(out, device == null ? null : device.value());
        out.append("|opId=");
        write(out, op.opId());
        out.append("|sequence=").append(op.sequence());
        out.append("|type=");
        write(out, op.type());
        out.append("|hlc=");
        write(out, op.hlc());
        out.append("|actor=");
        write(out, op.actor() == null ? null : op.actor().value());
        out.append("|readVersions=");
        write(out, op.readVersions() == null || op.readVersions().isEmpty() ? null : op.readVersions());
        out.append("|payload=");
        write(out, op.payload());
        return out.toString();
    }

    /** The proof of an operation, signed with a staff credential's key (base64 as the server issued it). */
    public static SyncApi.ActorProof prove(UUID credentialId, String base64Key, DeviceId device, SyncApi.Operation op) {
        return new SyncApi.ActorProof(credentialId, sign(base64Key, canonicalText(device, op)));
    }

    /** The operation with its proof attached. */
    public static SyncApi.Operation signed(UUID credentialId, String base64Key, DeviceId device, SyncApi.Operation op) {
        return withProof(op, prove(credentialId, base64Key, device, op));
    }

    public static SyncApi.Operation withProof(SyncApi.Operation op, SyncApi.ActorProof proof) {
        return new SyncApi.Operation(op.opId(), op.sequence(), op.type(), op.hlc(), op.actor(), op.readVersions(),
                op.payload(), proof);
    }

    /**
     * The text a desk signs for a request it makes for its staff member (a health-notes read):
     * method, path, actor and the time of the request in epoch milliseconds.
     */
    public static String requestText(String method, String path, UserId actor, long epochMillis) {
        StringBuilder out = new StringBuilder("spotter-request-v1|method=");
        write(out, method);
        out.append("|path=");
        write(out, path);
        out.append("|actor=");
        write(out, actor == null ? null : actor.value());
        out.append("|at=").append(epochMillis);
        return out.toString();
    }

    /**
     * The header value of a signed request: {@code credentialId:epochMillis:signature}.
     */
    public static String requestProof(UUID credentialId, String base64Key, String method, String path, UserId actor,
                                      long epochMillis) {
        return credentialId + ":" + epochMillis + ":" + sign(base64Key, requestText(method, path, actor, epochMillis));
    }

    /** Base64 of HMAC-SHA256 of the UTF-8 text under the base64 key. */
    public static String sign(String base64Key, String text) {
        return Base64.getEncoder().encodeToString(hmac(Base64.getDecoder().decode(base64Key),
                text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the base64 signature is the text's, compared in constant time; false for anything malformed. */
    public static boolean verifies(byte[] key, String text, String base64Signature) {
        if (base64Signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(base64Signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(key, text.getBytes(StandardCharsets.UTF_8)), given);
    }

    /** HMAC-SHA256 of the data under the key. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence s) {
            out.append("s").append(s.length()).append(':').append(s);
        } else if (value instanceof Record r) {
            out.append(r.getClass().getSimpleName()).append('{');
            RecordComponent[] components = r.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(components[i].getName()).append('=');
                write(out, read(components[i], r));
            }
            out.append('}');
        } else if (value instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append("map").append(sorted.size()).append('{');
            sorted.forEach((k, v) -> {
                write(out, k);
                out.append('=');
                write(out, v);
                out.append(';');
            });
            out.append('}');
        } else if (value instanceof Collection<?> c) {
            out.append("list").append(c.size()).append('[');
            for (Object item : c) {
                write(out, item);
                out.append(';');
            }
            out.append(']');
        } else if (value instanceof Enum<?> e) {
            out.append(e.name());
        } else {
            String text = value.toString();
            out.append("v").append(text.length()).append(':').append(text);
        }
    }

    private static Object read(RecordComponent component, Record r) {
        try {
            return component.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + r.getClass(), e);
        }
    }
}
