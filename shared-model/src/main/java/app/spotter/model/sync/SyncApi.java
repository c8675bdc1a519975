package app.spotter.model.sync;

import app.spotter.model.common.DeviceId;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.UserId;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The records of the sync protocol ({@code /api/v1/devices}, {@code /api/v1/sync}, {@code /api/v1/conflicts}). */
public final class SyncApi {

    private SyncApi() {
    }

    // --- enrollment ---------------------------------------------------------------------

    /** A manager asks for a pairing code for a location. */
    /**
     * A manager asks for a pairing code for a location and says what the device is for; without
     * {@code kind} the device is a FRONT_DESK. The device cannot choose its kind.
     */
    public record NewPairingCode(LocationId locationId, DeviceKind kind) {
        public NewPairingCode(LocationId locationId) {
            this(locationId, null);
        }
    }

    /** A short one-time code, typed into the new device; valid until {@code expiresAt}. */
    public record PairingCode(String code, LocationId locationId, Instant expiresAt, DeviceKind kind) {
        public PairingCode(String code, LocationId locationId, Instant expiresAt) {
            this(code, locationId, expiresAt, null);
        }
    }

    /**
     * {@code kind} is optional: the pairing code's kind decides; a different one is refused
     * (400 DEVICE_KIND_MISMATCH).
     */
    public record EnrollRequest(String pairingCode, String name, DeviceKind kind) {
        public EnrollRequest(String pairingCode, String name) {
            this(pairingCode, name, null);
        }
    }

    /**
     * What a newly enrolled device keeps: its id, its secret (shown once), its location, and the
     * server's public key for verifying member cards offline.
     */
    public record Enrollment(DeviceId deviceId, String deviceSecret, LocationId locationId, String zoneId,
                             String memberCardPublicKey, DeviceKind kind) {
        public Enrollment(DeviceId deviceId, String deviceSecret, LocationId locationId, String zoneId,
                          String memberCardPublicKey) {
            this(deviceId, deviceSecret, locationId, zoneId, memberCardPublicKey, null);
        }
    }

    /** A manager changes what an enrolled device is for. */
    public record DeviceKindChange(DeviceKind kind) {
    }

    // --- staff credentials --------------------------------------------------------------

    /** A desk asks for a staff credential with the access token of the staff member who just logged in there. */
    public record StaffCredentialRequest(String accessToken) {
    }

    /**
     * A credential for one staff member at one desk: the desk signs that person's operations with
     * {@code key} (base64, 32 bytes; see {@link OperationProofs}) until {@code expiresAt}. The
     * server keeps no key: it derives it from its own secret and the credential id.
     */
    public record StaffCredential(UUID credentialId, UserId userId, app.spotter.model.access.Role role, String key,
                                  Instant issuedAt, Instant expiresAt) {
    }

    /** The proof that an operation's actor made it: a staff credential's id and the base64 HMAC-SHA256 signature. */
    public record ActorProof(UUID credentialId, String signature) {
    }

    /** A device exchanges its id and secret for a short-lived device access token. */
    public record DeviceLogin(DeviceId deviceId, String deviceSecret) {
    }

    public record DeviceToken(String accessToken, long expiresInSeconds) {
    }

    public record Device(DeviceId id, String name, DeviceKind kind, LocationId locationId, Instant enrolledAt,
                         Instant lastSeenAt, Instant revokedAt, long lastSequence) {
    }

    // --- push ---------------------------------------------------------------------------

    /**
     * One outbox entry. {@code sequence} is gapless per device (1, 2, 3...); {@code readVersions}
     * holds the version vectors of the records the device read when it decided (entity id to vector);
     * {@code actor} is the staff user logged in at the desk, and {@code actorProof} proves it
     * ({@link OperationProofs}); a kiosk or scanner sends neither.
     */
    public record Operation(UUID opId, long sequence, OperationType type, HlcTimestamp hlc, UserId actor,
                            Map<String, VersionVector> readVersions, OperationPayload payload, ActorProof actorProof) {
        public Operation(UUID opId, long sequence, OperationType type, HlcTimestamp hlc, UserId actor,
                         Map<String, VersionVector> readVersions, OperationPayload payload) {
            this(opId, sequence, type, hlc, actor, readVersions, payload, null);
        }
    }

    public record PushRequest(List<Operation> operations) {
    }

    public enum OutcomeStatus { APPLIED, REJECTED, WAITLISTED, CONFLICT }

    /**
     * The durable outcome of one operation; the same operation pushed again returns the same outcome.
     *
     * @param reason a stable code when REJECTED (e.g. SLOT_FULL), or what happened when CONFLICT
     * @param conflictId the manager's conflict when CONFLICT
     */
    public record OperationOutcome(UUID opId, long sequence, OutcomeStatus status, String reason, UUID conflictId) {
    }

    /**
     * Outcomes of the operations applied (or already applied). When the batch skipped a sequence,
     * processing stopped there and {@code expectedSequence} says which one the server needs next.
     */
    public record PushResponse(List<OperationOutcome> outcomes, long lastAppliedSequence, Long expectedSequence) {
    }

    // --- pull ---------------------------------------------------------------------------

    public enum ChangeKind { UPSERT, DELETE }

    /**
     * One committed change of the feed. {@code position} grows in commit order; {@code data} is the
     * row as the desk mirrors it (camelCase fields of the record), null for a delete.
     */
    public record Change(long position, String entityType, String entityId, ChangeKind kind,
                         Map<String, Object> data) {
    }

    /**
     * The time window of the schedule a desk holds: slots (with their bookings, waitlist and seat
     * leases) that start in {@code [from, until)}. The server moves it with the clock (from the day
     * before today to some weeks ahead, in the location's zone); members, memberships, plans,
     * credits, check-ins and conflicts are not windowed.
     */
    public record SyncWindow(Instant from, Instant until) {
        /** Whether a slot starting at {@code startsAt} is inside. */
        public boolean contains(Instant startsAt) {
            return !startsAt.isBefore(from) && startsAt.isBefore(until);
        }
    }

    /**
     * A page of the change feed after the device's cursor. {@code resetRequired} when the cursor is
     * older than the feed keeps: the device takes a snapshot and continues from its position.
     * {@code window} is what the device holds once it applied the page (it keeps {@code window.until}
     * and sends it with its next pull, and drops rows of slots outside); null from an older server.
     */
    public record PullResponse(List<Change> changes, long cursor, boolean hasMore, boolean resetRequired,
                               SyncWindow window) {
        public PullResponse(List<Change> changes, long cursor, boolean hasMore, boolean resetRequired) {
            this(changes, cursor, hasMore, resetRequired, null);
        }

        @JsonIgnore
        public boolean isEmpty() {
            return changes.isEmpty();
        }
    }

    /**
     * A page of the full state of one entity type, for a new device or a reset; windowed types
     * (slot, booking, seatLease) hold the rows of {@code window} only.
     */
    public record SnapshotPage(String entityType, List<Map<String, Object>> rows, String nextAfter, long position,
                               SyncWindow window) {
        public SnapshotPage(String entityType, List<Map<String, Object>> rows, String nextAfter, long position) {
            this(entityType, rows, nextAfter, position, null);
        }
    }

    // --- seat escrow --------------------------------------------------------------------

    /** Seats per upcoming slot the device wants to hold for offline bookings (server caps it). */
    public record LeaseRequest(List<SlotId> slotIds, int seatsPerSlot) {
    }

    public record SeatLease(UUID leaseId, SlotId slotId, DeviceId deviceId, int seats, int used, Instant expiresAt) {
    }

    public record LeaseGrant(List<SeatLease> leases) {
    }

    public record LeaseReturn(List<UUID> leaseIds) {
    }

    // --- reconciliation -----------------------------------------------------------------

    public enum ConflictKind {
        /** A booking beyond the device's lease that the server refused or waitlisted. */
        TENTATIVE_BOOKING_LOST,
        /** The same field of a member was changed at two places concurrently. */
        SAME_FIELD_EDIT,
        /** Visits or bookings spent more credits than the membership had. */
        CREDIT_OVERDRAWN,
        /** A booking was made on a lease that had expired while the device was offline. */
        LEASE_EXPIRED_OFFLINE,
        /** A member was let in offline on grace (membership expired a few days ago). */
        OFFLINE_ENTRY_ON_GRACE;

        /** The resolutions a manager may choose for this kind, as docs/sync.md lists them (server and desk). */
        public List<String> resolutions() {
            return switch (this) {
                case TENTATIVE_BOOKING_LOST -> List.of("ACCEPT", "ADD_SEAT");
                case SAME_FIELD_EDIT -> List.of("KEEP_SERVER", "TAKE_DEVICE");
                case CREDIT_OVERDRAWN -> List.of("CHARGE_MEMBER", "WAIVE");
                case LEASE_EXPIRED_OFFLINE -> List.of("KEEP_BOOKING", "CANCEL_BOOKING");
                case OFFLINE_ENTRY_ON_GRACE -> List.of("ACKNOWLEDGE");
            };
        }
    }

    /**
     * What a manager must decide: the facts, and the resolutions that fit this kind.
     */
    public record Conflict(UUID id, ConflictKind kind, String entityType, String entityId, Map<String, Object> facts,
                           List<String> resolutions, String status, String resolution, UUID opId, DeviceId deviceId,
                           Instant createdAt, Instant resolvedAt) {
    }

    public record Resolve(String resolution) {
    }
}
