package app.spotter.server.devices;

import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.model.common.DeviceId;
import app.spotter.model.common.LocationId;
import app.spotter.model.sync.DeviceKind;
import app.spotter.model.sync.SyncApi;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.AccessTokens;
import app.spotter.server.auth.Caller;
import app.spotter.server.auth.PasswordHasher;
import app.spotter.server.checkins.MemberCardSigner;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.locations.LocationRecord;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Enrolling desks, kiosks and scanners: a manager's one-time pairing code, the device's secret
 * (shown once, stored as an Argon2id hash), device tokens, listing and revoking.
 */
public final class DeviceService {

    public static final Duration PAIRING_CODE_TTL = Duration.ofMinutes(15);
    /** No 0/O, 1/I/L: the code is read off a screen and typed on a touch keyboard. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int MAX_NAME = 100;

    private final Transactions tx;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;
    private final MemberCardSigner cardSigner;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffCredentials credentials;
    private final SecureRandom random = new SecureRandom();

    public DeviceService(Transactions tx, PasswordHasher hasher, AccessTokens tokens, MemberCardSigner cardSigner,
                         AuditLog audit, Clock clock, StaffCredentials credentials) {
        this.credentials = credentials;
        this.tx = tx;
        this.hasher = hasher;
        this.tokens = tokens;
        this.cardSigner = cardSigner;
        this.audit = audit;
        this.clock = clock;
    }

    record PairingAudit(UUID locationId, String kind, Instant expiresAt) {
    }

    record DeviceAudit(String name, String kind, UUID locationId, Instant revokedAt) {
        static DeviceAudit of(DeviceRecord d) {
            return new DeviceAudit(d.name, d.kind, d.locationId, d.revokedAt);
        }
    }

    public SyncApi.PairingCode newPairingCode(Caller caller, SyncApi.NewPairingCode r) {
        if (r.locationId() == null) {
            throw ApiException.validation("locationId", "locationId is required");
        }
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            raw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String code = raw.substring(0, 4) + "-" + raw.substring(4);
        return tx.inTransaction(session -> {
            if (session.find(LocationRecord.class, r.locationId().value()) == null) {
                throw new ApiException(404, "NOT_FOUND", "Location not found", "locationId");
            }
            PairingCodeRecord p = new PairingCodeRecord();
            p.codeHash = sha256(code);
            p.locationId = r.locationId().value();
            p.createdBy = caller.userId().value();
            p.createdAt = clock.instant();
            p.expiresAt = p.createdAt.plus(PAIRING_CODE_TTL);
            // what the device is for is the manager's choice, never the device's (decision 0013)
            p.kind = (r.kind() == null ? DeviceKind.FRONT_DESK : r.kind()).name();
            session.persist(p);
            audit.record(session, caller, "DEVICE_PAIRING_CODE_CREATED", "Location", p.locationId, null,
                    new PairingAudit(p.locationId, p.kind, p.expiresAt));
            return new SyncApi.PairingCode(code, r.locationId(), p.expiresAt, DeviceKind.valueOf(p.kind));
        });
    }

    /** Enrolls a device with a valid, unused pairing code; 401 PAIRING_CODE_INVALID otherwise. */
    public SyncApi.Enrollment enroll(SyncApi.EnrollRequest r) {
        if (r.pairingCode() == null || r.pairingCode().isBlank()) {
            throw ApiException.validation("pairingCode", "pairingCode is required");
        }
        if (r.name() == null || r.name().isBlank() || r.name().strip().length() > MAX_NAME) {
            throw ApiException.validation("name", "name is required (at most " + MAX_NAME + " characters)");
        }
        String normalized = r.pairingCode().strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        String code = normalized.length() == 8 ? normalized.substring(0, 4) + "-" + normalized.substring(4) : normalized;
        // The code first, without a lock (a wrong code costs no hash); the hash outside the transaction;
        // then the code again under its lock, as two desks may race for the same code.
        tx.run(session -> requireKind(r, usablePairingCode(session, code, clock.instant(), LockModeType.NONE)));
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        String secretHash = hasher.hash(secret);
        String publicKey = MemberQrCodes.encodePublicKey(cardSigner.publicKey());
        return tx.inTransaction(session -> {
            Instant now = clock.instant();
            PairingCodeRecord p = usablePairingCode(session, code, now, LockModeType.PESSIMISTIC_WRITE);
            requireKind(r, p);
            DeviceRecord d = new DeviceRecord();
            d.id = UUID.randomUUID();
            d.name = r.name().strip();
            d.kind = p.kind;
            d.locationId = p.locationId;
            d.secretHash = secretHash;
            d.enrolledBy = p.createdBy;
            d.enrolledAt = now;
            session.persist(d);
            session.flush(); // the device row before the code points at it
            p.usedAt = now;
            p.deviceId = d.id;
            // the manager who made the pairing code let this device in
            app.spotter.server.auth.UserAccount creator = p.createdBy == null ? null
                    : session.find(app.spotter.server.auth.UserAccount.class, p.createdBy);
            audit.recordBy(session, p.createdBy, creator == null ? null : creator.role.name(), "DEVICE_ENROLLED", "Device",
                    d.id, null, DeviceAudit.of(d));
            LocationRecord location = session.find(LocationRecord.class, d.locationId);
            return new SyncApi.Enrollment(new DeviceId(d.id), secret, new LocationId(d.locationId), location.zoneId,
                    publicKey, DeviceKind.valueOf(d.kind));
        });
    }

    /** The manager chose the kind with the code; a device that asks for another is refused. */
    private static void requireKind(SyncApi.EnrollRequest r, PairingCodeRecord p) {
        if (r.kind() != null && !r.kind().name().equals(p.kind)) {
            throw new ApiException(400, "DEVICE_KIND_MISMATCH", "This pairing code enrolls a " + p.kind
                    + "; the manager chooses the kind when creating the code", "kind");
        }
    }

    private static PairingCodeRecord usablePairingCode(org.hibernate.Session session, String code, Instant now,
                                                        LockModeType lock) {
        PairingCodeRecord p = session.find(PairingCodeRecord.class, sha256(code), lock);
        if (p == null || p.usedAt != null || !p.expiresAt.isAfter(now)) {
            throw new ApiException(401, "PAIRING_CODE_INVALID", "This pairing code is wrong, expired or already used",
                    "pairingCode");
        }
        return p;
    }

    /** A device token for a device's id and secret; 401 DEVICE_REVOKED once the device was revoked. */
    public SyncApi.DeviceToken token(SyncApi.DeviceLogin r) {
        if (r.deviceId() == null) {
            throw ApiException.validation("deviceId", "deviceId is required");
        }
        if (r.deviceSecret() == null || r.deviceSecret().isBlank()) {
            throw ApiException.validation("deviceSecret", "deviceSecret is required");
        }
        DeviceRecord d = tx.inTransaction(session -> session.find(DeviceRecord.class, r.deviceId().value()));
        if (d == null || !hasher.matches(r.deviceSecret(), d.secretHash)) {
            throw new ApiException(401, "DEVICE_LOGIN_FAILED", "Unknown device or wrong device secret");
        }
        if (d.revokedAt != null) {
            throw new ApiException(401, "DEVICE_REVOKED", "This device was revoked; enroll it again");
        }
        return new SyncApi.DeviceToken(tokens.issueDevice(new DeviceId(d.id)), AccessTokens.ACCESS_TTL.toSeconds());
    }

    public List<SyncApi.Device> list() {
        return tx.inTransaction(session -> session.createSelectionQuery(
                        "from DeviceRecord d order by d.enrolledAt, d.id", DeviceRecord.class)
                .getResultList().stream().map(DeviceService::view).toList());
    }

    /** Revokes a device: its tokens stop working on their next request. Revoking twice changes nothing. */
    public SyncApi.Device revoke(Caller caller, DeviceId id) {
        return tx.inTransaction(session -> {
            DeviceRecord d = session.find(DeviceRecord.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
            if (d == null) {
                throw ApiException.notFound("Device");
            }
            if (d.revokedAt == null) {
                DeviceAudit before = DeviceAudit.of(d);
                d.revokedAt = clock.instant();
                credentials.revokeAllOfDevice(session, d.id);
                audit.record(session, caller, "DEVICE_REVOKED", "Device", d.id, before, DeviceAudit.of(d));
            }
            return view(d);
        });
    }

    /**
     * A manager changes what a device is for. Its staff credentials are revoked when it stops being
     * a front desk (a kiosk acts for no one); 409 DEVICE_REVOKED for a revoked device.
     */
    public SyncApi.Device changeKind(Caller caller, DeviceId id, SyncApi.DeviceKindChange r) {
        if (r == null || r.kind() == null) {
            throw ApiException.validation("kind", "kind is required: " + List.of(DeviceKind.values()));
        }
        return tx.inTransaction(session -> {
            DeviceRecord d = session.find(DeviceRecord.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
            if (d == null) {
                throw ApiException.notFound("Device");
            }
            if (d.revokedAt != null) {
                throw new ApiException(409, "DEVICE_REVOKED", "This device was revoked");
            }
            if (!d.kind.equals(r.kind().name())) {
                DeviceAudit before = DeviceAudit.of(d);
                d.kind = r.kind().name();
                if (r.kind() != DeviceKind.FRONT_DESK) {
                    credentials.revokeAllOfDevice(session, d.id);
                }
                audit.record(session, caller, "DEVICE_KIND_CHANGED", "Device", d.id, before, DeviceAudit.of(d));
            }
            return view(d);
        });
    }

    static SyncApi.Device view(DeviceRecord d) {
        return new SyncApi.Device(new DeviceId(d.id), d.name, DeviceKind.valueOf(d.kind), new LocationId(d.locationId),
                d.enrolledAt, d.lastSeenAt, d.revokedAt, d.lastSequence);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
