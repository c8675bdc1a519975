package app.spotter.server.sync.appliers;

import app.spotter.model.access.Permission;
import app.spotter.model.booking.BookingStatus;
import app.spotter.model.checkin.CheckInPolicy;
import app.spotter.model.checkin.CheckInReason;
import app.spotter.model.sync.OperationPayload.RecordCheckIn;
import app.spotter.model.sync.OperationType;
import app.spotter.model.sync.SyncApi.ConflictKind;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.bookings.BookingRecord;
import app.spotter.server.checkins.CheckInRecord;
import app.spotter.server.conflicts.ConflictService;
import app.spotter.server.http.ApiException;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.members.MemberRepository;
import app.spotter.server.memberships.CreditEntryRecord;
import app.spotter.server.memberships.MembershipRecord;
import app.spotter.server.memberships.MembershipRepository;
import app.spotter.server.sync.Applied;
import app.spotter.server.sync.Applying;
import app.spotter.server.sync.OperationApplier;
import jakarta.persistence.LockModeType;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * CHECK_IN: the desk's decision is a fact (the member is in the building), recorded under the
 * desk's check-in id. One admission per member per visit window: a second admitted check-in from
 * another desk is kept as ALREADY_CHECKED_IN and spends nothing. A spent credit is a ledger row; a
 * balance below zero is a CREDIT_OVERDRAWN conflict, an entry on grace an OFFLINE_ENTRY_ON_GRACE one.
 */
public final class RecordCheckInApplier implements OperationApplier {

    private final MemberRepository members;
    private final MembershipRepository memberships;
    private final ConflictService conflicts;
    private final AuditLog audit;
    private final Clock clock;
    private final DoorCardProof doorCard;
    private final Duration visitWindow = CheckInPolicy.standard().visitWindow();

    public RecordCheckInApplier(MemberRepository members, MembershipRepository memberships, ConflictService conflicts,
                                AuditLog audit, Clock clock, Supplier<PublicKey> cardKey) {
        this.members = members;
        this.memberships = memberships;
        this.conflicts = conflicts;
        this.audit = audit;
        this.clock = clock;
        this.doorCard = new DoorCardProof(cardKey);
    }

    record CheckInFact(UUID memberId, String method, boolean admitted, String reason, boolean onGrace, UUID membershipId,
                       UUID bookingId, boolean creditCharged, UUID deviceId, Instant decidedAt) {
    }

    @Override
    public OperationType type() {
        return OperationType.CHECK_IN;
    }

    @Override
    public Permission permission() {
        return Permission.CHECKINS_WRITE;
    }

    @Override
    public Applied apply(Session session, Applying op) {
        RecordCheckIn p = (RecordCheckIn) op.payload();
        if (p.checkInId() == null) {
            throw ApiException.validation("checkInId", "checkInId is required");
        }
        if (p.memberId() == null) {
            throw ApiException.validation("memberId", "memberId is required");
        }
        if (p.method() == null) {
            throw ApiException.validation("method", "method is required");
        }
        if (op.actor() == null) {
            // no staff member vouches for it: only the member's own card at this door counts
            doorCard.check(p, op.device(), members.lock(session, p.memberId().value()));
        }
        if (session.find(CheckInRecord.class, p.checkInId().value()) != null) {
            return Applied.applied("ALREADY_RECORDED");
        }
        MemberRecord member = members.lock(session, p.memberId().value());
        if (member == null) {
            throw new ApiException(404, "UNKNOWN_MEMBER", CheckInReason.UNKNOWN_MEMBER.message(), "memberId");
        }
        MembershipRecord membership = null;
        if (p.membershipId() != null) {
            membership = memberships.find(session, p.membershipId().value());
            if (membership == null || !membership.memberId.equals(member.id)) {
                throw ApiException.validation("membershipId", "Not a membership of this member");
            }
        }
        UUID location = p.locationId() != null ? p.locationId().value() : op.device().locationId().value();
        if (session.find(LocationRecord.class, location) == null) {
            throw ApiException.validation("locationId", "Location not found");
        }
        CheckInRecord c = new CheckInRecord();
        c.id = p.checkInId().value();
        c.memberId = member.id;
        c.locationId = location;
        c.method = p.method().name();
        c.admitted = p.admitted();
        c.reason = p.reason() != null ? p.reason().name() : (p.admitted() ? CheckInReason.OK.name()
                : CheckInReason.NO_ACTIVE_MEMBERSHIP.name());
        c.onGrace = p.onGrace();
        c.membershipId = membership == null ? null : membership.id;
        // a kiosk or scanner station acts as itself: no staff member, the device is named in the fact
        c.staffUserId = op.actor() == null ? null : op.actor().userId().value();
        c.deviceId = op.device().deviceId().value();
        c.decidedAt = p.decidedAt() != null ? p.decidedAt() : clock.instant();

        if (c.admitted && admittedWithinVisit(session, member.id, c.decidedAt)) {
            // the member is in already (another desk let them in): one admission per visit, no second credit
            c.admitted = false;
            c.reason = CheckInReason.ALREADY_CHECKED_IN.name();
            c.onGrace = false;
            session.persist(c);
            audit.record(session, op.actor(), "CHECK_IN", "CheckIn", c.id, null, fact(c, false));
            return Applied.applied(CheckInReason.ALREADY_CHECKED_IN.name());
        }
        if (c.admitted && p.bookingId() != null) {
            BookingRecord b = session.find(BookingRecord.class, p.bookingId().value(), LockModeType.PESSIMISTIC_WRITE);
            if (b != null && b.memberId.equals(member.id)) {
                c.bookingId = b.id;
                if (BookingStatus.BOOKED.name().equals(b.status)) {
                    b.status = BookingStatus.ATTENDED.name();
                    audit.record(session, op.actor(), "BOOKING_ATTENDED", "Booking", b.id, Map.of("status", "BOOKED"),
                            Map.of("status", b.status));
                }
            }
        }
        session.persist(c);
        boolean charged = c.admitted && p.consumesCredit() && membership != null;
        UUID conflict = null;
        String reason = null;
        if (charged) {
            CreditEntryRecord e = new CreditEntryRecord();
            e.id = UUID.randomUUID();
            e.membershipId = membership.id;
            e.delta = -1;
            e.reason = "VISIT";
            e.checkInId = c.id;
            e.createdAt = clock.instant();
            memberships.addCredit(session, e);
            session.flush();
            int balance = memberships.creditBalance(session, membership.id);
            if (balance < 0) {
                Map<String, Object> facts = facts(c);
                facts.put("balance", balance);
                conflict = conflicts.raise(session, ConflictKind.CREDIT_OVERDRAWN, "Membership", membership.id, facts,
                        op.operation().opId(), op.device().deviceId());
                reason = ConflictKind.CREDIT_OVERDRAWN.name();
            }
        }
        if (c.admitted && c.onGrace) {
            UUID grace = conflicts.raise(session, ConflictKind.OFFLINE_ENTRY_ON_GRACE, "CheckIn", c.id, facts(c),
                    op.operation().opId(), op.device().deviceId());
            if (conflict == null) {
                conflict = grace;
                reason = ConflictKind.OFFLINE_ENTRY_ON_GRACE.name();
            }
        }
        audit.record(session, op.actor(), "CHECK_IN", "CheckIn", c.id, null, fact(c, charged));
        return conflict == null ? Applied.applied() : Applied.conflict(conflict, reason);
    }

    private boolean admittedWithinVisit(Session session, UUID memberId, Instant at) {
        return session.createSelectionQuery("""
                        select count(c) from CheckInRecord c where c.memberId = :m and c.admitted = true
                          and c.decidedAt > :from and c.decidedAt < :to""", Long.class)
                .setParameter("m", memberId).setParameter("from", at.minus(visitWindow))
                .setParameter("to", at.plus(visitWindow)).getSingleResult() > 0;
    }

    private static Map<String, Object> facts(CheckInRecord c) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("checkInId", c.id.toString());
        facts.put("memberId", c.memberId.toString());
        facts.put("membershipId", c.membershipId == null ? null : c.membershipId.toString());
        facts.put("deviceId", c.deviceId.toString());
        facts.put("decidedAt", c.decidedAt.toString());
        facts.put("onGrace", c.onGrace);
        return facts;
    }

    private static CheckInFact fact(CheckInRecord c, boolean charged) {
        return new CheckInFact(c.memberId, c.method, c.admitted, c.reason, c.onGrace, c.membershipId, c.bookingId,
                charged, c.deviceId, c.decidedAt);
    }
}
