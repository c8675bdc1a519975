package app.spotter.server.conflicts;

import app.spotter.model.common.BookingId;
import app.spotter.model.common.DeviceId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import app.spotter.model.sync.SyncApi;
import app.spotter.model.sync.SyncApi.ConflictKind;
import app.spotter.model.sync.VersionVector;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.bookings.BookingService;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.members.MemberFields;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.members.MemberRepository;
import app.spotter.server.members.MemberService;
import app.spotter.server.memberships.CreditEntryRecord;
import app.spotter.server.memberships.MembershipRepository;
import app.spotter.server.schedule.ScheduleRepository;
import app.spotter.server.schedule.TimeSlotRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The manager's queue of conflicts left by offline work: raised inside the push transaction of the
 * operation that caused them, listed with their facts and possible resolutions, and resolved once
 * (resolving again with the same resolution is a no-op, so a desk's RESOLVE_CONFLICT can be retried).
 */
public final class ConflictService {

    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    /** The resolutions of each kind, as docs/sync.md lists them. */
    public static final Map<ConflictKind, List<String>> RESOLUTIONS = resolutions();

    private static final TypeReference<LinkedHashMap<String, Object>> FACTS = new TypeReference<>() {
    };

    private final Transactions tx;
    private final ObjectMapper json;
    private final MemberRepository members;
    private final ScheduleRepository schedule;
    private final MembershipRepository memberships;
    private final BookingService bookings;
    private final AuditLog audit;
    private final Clock clock;

    public ConflictService(Transactions tx, ObjectMapper json, MemberRepository members, ScheduleRepository schedule,
                           MembershipRepository memberships, BookingService bookings, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.json = json;
        this.members = members;
        this.schedule = schedule;
        this.memberships = memberships;
        this.bookings = bookings;
        this.audit = audit;
        this.clock = clock;
    }

    private static Map<ConflictKind, List<String>> resolutions() {
        Map<ConflictKind, List<String>> m = new EnumMap<>(ConflictKind.class);
        for (ConflictKind kind : ConflictKind.values()) {
            m.put(kind, kind.resolutions());
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    record ConflictAudit(String kind, String status, String resolution) {
        static ConflictAudit of(ConflictRecord c) {
            return new ConflictAudit(c.kind, c.status, c.resolution);
        }
    }

    /** Opens a conflict in the caller's transaction (the push of the operation that caused it). */
    public UUID raise(Session session, ConflictKind kind, String entityType, Object entityId, Map<String, Object> facts,
                      UUID opId, DeviceId device) {
        ConflictRecord c = new ConflictRecord();
        c.id = UUID.randomUUID();
        c.kind = kind.name();
        c.entityType = entityType;
        c.entityId = entityId.toString();
        c.facts = write(facts);
        c.status = OPEN;
        c.opId = opId;
        c.deviceId = device == null ? null : device.value();
        c.createdAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        session.persist(c);
        audit.record(session, (Caller) null, "CONFLICT_RAISED", "Conflict", c.id, null, ConflictAudit.of(c));
        return c.id;
    }

    /** Conflicts, oldest first; {@code status} OPEN or RESOLVED, null for all. */
    public List<SyncApi.Conflict> list(String status) {
        String wanted = status == null ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !wanted.equals(OPEN) && !wanted.equals(RESOLVED)) {
            throw ApiException.validation("status", "status must be OPEN or RESOLVED");
        }
        return tx.inTransaction(session -> {
            var q = session.createSelectionQuery("from ConflictRecord c"
                    + (wanted == null ? "" : " where c.status = :s") + " order by c.createdAt, c.id", ConflictRecord.class);
            if (wanted != null) {
                q.setParameter("s", wanted);
            }
            return q.setMaxResults(1000).getResultList().stream().map(this::view).toList();
        });
    }

    public SyncApi.Conflict get(UUID id) {
        return tx.inTransaction(session -> {
            ConflictRecord c = session.find(ConflictRecord.class, id);
            if (c == null) {
                throw ApiException.notFound("Conflict");
            }
            return view(c);
        });
    }

    /**
     * Resolves a conflict and carries out what the resolution means. The same resolution again
     * returns the conflict unchanged; a different one is 409 CONFLICT_ALREADY_RESOLVED.
     */
    public SyncApi.Conflict resolve(Caller caller, UUID id, String resolution) {
        if (resolution == null || resolution.isBlank()) {
            throw ApiException.validation("resolution", "resolution is required");
        }
        String chosen = resolution.strip().toUpperCase(Locale.ROOT);
        return tx.inTransaction(session -> {
            ConflictRecord c = session.find(ConflictRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (c == null) {
                throw ApiException.notFound("Conflict");
            }
            ConflictKind kind = ConflictKind.valueOf(c.kind);
            if (!RESOLUTIONS.get(kind).contains(chosen)) {
                throw ApiException.validation("resolution", "A " + kind + " conflict is resolved with one of "
                        + RESOLUTIONS.get(kind));
            }
            if (RESOLVED.equals(c.status)) {
                if (chosen.equals(c.resolution)) {
                    return view(c);
                }
                throw ApiException.conflict("CONFLICT_ALREADY_RESOLVED", "This conflict was already resolved with "
                        + c.resolution);
            }
            ConflictAudit before = ConflictAudit.of(c);
            carryOut(session, caller, c, kind, chosen, read(c.facts));
            c.status = RESOLVED;
            c.resolution = chosen;
            // as the database keeps it, so the first answer and a repeated one are the same
            c.resolvedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            c.resolvedBy = caller == null ? null : caller.userId().value();
            audit.record(session, caller, "CONFLICT_RESOLVED", "Conflict", c.id, before, ConflictAudit.of(c));
            return view(c);
        });
    }

    private void carryOut(Session session, Caller caller, ConflictRecord c, ConflictKind kind, String resolution,
                          Map<String, Object> facts) {
        switch (resolution) {
            // one more seat, and the desk's booking takes it, under its original id
            case "ADD_SEAT", "KEEP_BOOKING" -> {
                UUID memberId = UUID.fromString((String) facts.get("memberId"));
                UUID slotId = UUID.fromString((String) facts.get("slotId"));
                members.lock(session, memberId); // the booking lock order: member, then slot
                TimeSlotRecord slot = schedule.lockSlot(session, slotId);
                if (slot == null) {
                    throw ApiException.notFound("Slot");
                }
                slot.capacity++;
                bookings.book(caller, new BookingId(UUID.fromString((String) facts.get("bookingId"))), new SlotId(slotId),
                        new MemberId(memberId), false, null);
            }
            case "TAKE_DEVICE" -> {
                MemberRecord m = members.lock(session, UUID.fromString(c.entityId));
                if (m == null) {
                    throw ApiException.notFound("Member");
                }
                String field = (String) facts.get("field");
                String before = MemberFields.value(m, field);
                MemberFields.set(m, field, (String) facts.get("deviceValue"));
                VersionVector next = VersionVector.parse(m.versionVector).increment(MemberService.SERVER_NODE);
                m.versionVector = next.encode();
                Map<String, VersionVector> versions = MemberFields.versions(m);
                versions.put(field, next);
                MemberFields.setVersions(m, versions);
                m.updatedAt = clock.instant();
                audit.record(session, caller, "MEMBER_UPDATED", "Member", m.id, Map.of("field", field, "value",
                        String.valueOf(before)), Map.of("field", field, "value", String.valueOf(MemberFields.value(m, field))));
            }
            case "WAIVE" -> {
                CreditEntryRecord e = new CreditEntryRecord();
                e.id = UUID.randomUUID();
                e.membershipId = UUID.fromString((String) facts.get("membershipId"));
                e.delta = 1;
                e.reason = "WAIVED";
                Object checkIn = facts.get("checkInId");
                e.checkInId = checkIn == null ? null : UUID.fromString((String) checkIn);
                e.createdAt = clock.instant();
                memberships.addCredit(session, e);
            }
            default -> {
                // ACCEPT, KEEP_SERVER, CHARGE_MEMBER, CANCEL_BOOKING, ACKNOWLEDGE: the server's state stands
            }
        }
    }

    private SyncApi.Conflict view(ConflictRecord c) {
        ConflictKind kind = ConflictKind.valueOf(c.kind);
        return new SyncApi.Conflict(c.id, kind, c.entityType, c.entityId, read(c.facts), RESOLUTIONS.get(kind), c.status,
                c.resolution, c.opId, c.deviceId == null ? null : new DeviceId(c.deviceId), c.createdAt, c.resolvedAt);
    }

    private String write(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String facts) {
        try {
            return json.readValue(facts, FACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sync_conflict.facts is not JSON", e);
        }
    }
}
