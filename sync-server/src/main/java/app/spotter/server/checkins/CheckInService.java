package app.spotter.server.checkins;

import app.spotter.model.api.CheckInApi.CheckInEntry;
import app.spotter.model.api.CheckInApi.CheckInRequest;
import app.spotter.model.api.CheckInApi.CheckInResult;
import app.spotter.model.api.CheckInApi.MemberBadge;
import app.spotter.model.booking.BookingStatus;
import app.spotter.model.checkin.CheckInAttempt;
import app.spotter.model.checkin.CheckInDecision;
import app.spotter.model.checkin.CheckInMethod;
import app.spotter.model.checkin.CheckInPolicy;
import app.spotter.model.checkin.CheckInReason;
import app.spotter.model.checkin.CheckInRules;
import app.spotter.model.checkin.MemberCard;
import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.model.common.MemberId;
import app.spotter.model.membership.MembershipRules;
import app.spotter.model.membership.MembershipSnapshot;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.auth.PasswordHasher;
import app.spotter.server.bookings.BookingRecord;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.members.MemberRepository;
import app.spotter.server.members.MemberVisibility;
import app.spotter.server.memberships.CreditEntryRecord;
import app.spotter.server.memberships.MembershipRecord;
import app.spotter.server.memberships.MembershipRepository;
import app.spotter.server.memberships.MembershipSnapshots;
import app.spotter.server.plans.PlanRecord;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Entry at the door: identifies the member (signed QR card, PIN, or staff), runs the shared
 * {@link CheckInRules} on the member's current state, and records every decision, refusals
 * included. The member's row is locked for the whole decision, so two desks scanning the same
 * member at once give one admission and one ALREADY_CHECKED_IN, and a credit is never spent twice.
 */
public final class CheckInService {

    /** Wrong PINs in a row before the PIN locks. */
    public static final int PIN_ATTEMPTS = 5;
    public static final Duration PIN_LOCK = Duration.ofMinutes(15);
    private static final int MAX_PIN_LENGTH = 64;

    private final Transactions tx;
    private final MemberRepository members;
    private final MembershipRepository memberships;
    private final MembershipSnapshots snapshots;
    private final CheckInRepository checkIns;
    private final MemberCardSigner signer;
    private final PasswordHasher hasher;
    /** Checked against when the number or the PIN is missing, so every PIN attempt costs one hash. */
    private final String dummyPinHash;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final CheckInPolicy policy = CheckInPolicy.standard();

    public CheckInService(Transactions tx, MemberRepository members, MembershipRepository memberships,
                          MembershipSnapshots snapshots, CheckInRepository checkIns, MemberCardSigner signer, PasswordHasher hasher, AuditLog audit,
                          Clock clock, ZoneId defaultZone) {
        this.tx = tx;
        this.members = members;
        this.memberships = memberships;
        this.snapshots = snapshots;
        this.checkIns = checkIns;
        this.signer = signer;
        this.hasher = hasher;
        this.dummyPinHash = hasher.hash(java.util.UUID.randomUUID().toString());
        this.audit = audit;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /**
     * Decides and records one check-in. A refusal is a normal answer (and a normal commit: a wrong
     * PIN must count even though the member is not let in); only bad input (400) and an unknown
     * member (404 UNKNOWN_MEMBER) are errors.
     *
     * @param responseZone the zone to answer in; null for the location's (or the server's) zone
     */
    public CheckInResult checkIn(Caller caller, CheckInRequest request, ZoneId responseZone) {
        Door door = readDoor(request);
        if (door.method() == CheckInMethod.PIN) {
            prepareNumberCounter(door.memberNumber());
        }
        return tx.inTransaction(session -> {
            Instant now = clock.instant();
            ZoneId zone = zoneOf(session, door.locationId());
            ZoneId answerZone = responseZone != null ? responseZone : zone;
            Identified who = identify(session, door, now);
            CheckInRecord record = newRecord(caller, door, who.member(), now);
            if (who.refusal() != null) {
                record.reason = who.refusal().name();
                checkIns.insert(session, record);
                audit.record(session, caller, "CHECK_IN", "CheckIn", record.id, null,
                        CheckInAudit.of(record, false, who.member()));
                return result(record, door.method(), who.shown() ? who.member() : null, null, null, answerZone);
            }
            return decide(session, caller, door, who.member(), record, now, zone, answerZone);
        });
    }

    private CheckInResult decide(Session session, Caller caller, Door door, MemberRecord member, CheckInRecord record,
                                 Instant now, ZoneId zone, ZoneId answerZone) {
        MemberId memberId = new MemberId(member.id);
        List<MembershipSnapshot> snapshots = this.snapshots.current(session, memberId);
        // "A booking today" is a BOOKED class starting within one visit window of the scan, either side:
        // early arrivals and latecomers both count, an evening class does not turn a morning visit free.
        List<BookingRecord> near = checkIns.bookedBetween(session, member.id, now.minus(policy.visitWindow()),
                now.plus(policy.visitWindow()), door.locationId());
        Optional<BookingRecord> booking = near.stream()
                .min(Comparator.comparing((BookingRecord b) -> Duration.between(b.startsAt, now).abs()));
        CheckInDecision decision = CheckInRules.decide(new CheckInAttempt(snapshots,
                checkIns.lastAdmittedAt(session, member.id), booking.isPresent(), now, zone), policy);

        record.admitted = decision.admitted();
        record.reason = decision.reason().name();
        record.onGrace = decision.onGrace();
        record.membershipId = decision.membership() == null ? null : decision.membership().value();
        if (decision.admitted() && booking.isPresent()) {
            record.bookingId = booking.get().id;
        }
        checkIns.insert(session, record);

        if (record.bookingId != null) {
            BookingRecord b = session.find(BookingRecord.class, record.bookingId, LockModeType.PESSIMISTIC_WRITE);
            String before = b.status;
            b.status = BookingStatus.ATTENDED.name();
            audit.record(session, caller, "BOOKING_ATTENDED", "Booking", b.id, new BookingState(before),
                    new BookingState(b.status));
        }
        if (decision.consumesCredit()) {
            CreditEntryRecord entry = new CreditEntryRecord();
            entry.id = UUID.randomUUID();
            entry.membershipId = record.membershipId;
            entry.delta = -1;
            entry.reason = "VISIT";
            entry.checkInId = record.id;
            entry.createdAt = now;
            memberships.addCredit(session, entry);
        }
        audit.record(session, caller, "CHECK_IN", "CheckIn", record.id, null,
                CheckInAudit.of(record, decision.consumesCredit(), member));

        // What the desk shows next to the answer: the membership counted, else the one that explains a refusal.
        Optional<MembershipSnapshot> shown = decision.membership() != null
                ? snapshots.stream().filter(s -> s.id().equals(decision.membership())).findFirst()
                : MembershipRules.best(snapshots, now.atZone(zone).toLocalDate());
        String planName = shown.map(s -> planName(session, s.id().value())).orElse(null);
        Integer creditsLeft = shown.map(MembershipSnapshot::creditsLeft)
                .map(c -> decision.consumesCredit() ? c - 1 : c).orElse(null);
        return result(record, door.method(), member, planName, creditsLeft, answerZone);
    }

    /** Who is at the door, or why they are refused before the entry rule runs. The member row is locked. */
    private Identified identify(Session session, Door door, Instant now) {
        return switch (door.method()) {
            case STAFF -> new Identified(lockKnown(session, door.memberId()), null, true);
            case QR -> {
                Optional<MemberCard> card = MemberQrCodes.verify(door.qr(), signer.publicKey());
                if (card.isEmpty()) {
                    yield new Identified(null, CheckInReason.QR_INVALID, false);
                }
                MemberRecord m = lockKnown(session, card.get().member().value());
                yield card.get().isCurrent(m.cardVersion)
                        ? new Identified(m, null, true)
                        // A real card of ours, reissued since: staff may keep it, so say whose it is.
                        : new Identified(m, CheckInReason.QR_REVOKED, true);
            }
            case PIN -> {
                Optional<UUID> id = checkIns.memberIdByNumber(session, door.memberNumber());
                if (id.isEmpty()) {
                    // A number nobody has answers exactly like a wrong PIN, after the same work, and
                    // locks after the same count: the number pad tells no stranger which numbers exist.
                    yield new Identified(null, checkUnknownNumber(session, door.memberNumber(), door.pin(), now), false);
                }
                MemberRecord m = lockKnown(session, id.get());
                yield new Identified(m, checkPin(m, door.pin(), now), false);
            }
        };
    }

    /** Null when the PIN is right; counts wrong PINs and locks the PIN at the fifth in a row. */
    private CheckInReason checkPin(MemberRecord m, String pin, Instant now) {
        // a member without a PIN costs the same hash as one with a PIN
        PinCount count = count(m.pinFailedAttempts, m.pinLockedUntil, m.pinHash != null ? m.pinHash : dummyPinHash,
                pin, now);
        m.pinFailedAttempts = count.failed();
        m.pinLockedUntil = count.lockedUntil();
        return count.reason();
    }

    /**
     * Every PIN attempt first looks its number up in a short transaction of its own; a number nobody
     * has gets its wrong-PIN counter row there. Parallel first tries of the same unknown number then
     * meet at that row's lock in the check-in, as tries of a real number meet at the member's row,
     * never at a duplicate insert (whose 409 would tell them apart).
     */
    private void prepareNumberCounter(String number) {
        try {
            tx.run(session -> {
                if (checkIns.memberIdByNumber(session, number).isPresent()
                        || session.find(PinAttemptRecord.class, number) != null) {
                    return;
                }
                Instant now = clock.instant();
                // forget numbers nobody has tried for a day, so guessing does not grow the table for ever
                session.createMutationQuery("delete from PinAttemptRecord a where a.updatedAt < :old")
                        .setParameter("old", now.minus(Duration.ofDays(1))).executeUpdate();
                PinAttemptRecord a = new PinAttemptRecord();
                a.memberNumber = number;
                a.updatedAt = now;
                session.persist(a);
            });
        } catch (RuntimeException e) {
            if (!createdConcurrently(e)) {
                throw e;
            }
        }
    }

    /** A parallel first try made the same counter row: the row exists, which is all this step wants. */
    private static boolean createdConcurrently(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** The same count for a number that belongs to nobody; its PIN is never right. */
    private CheckInReason checkUnknownNumber(Session session, String number, String pin, Instant now) {
        PinAttemptRecord a = session.find(PinAttemptRecord.class, number, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            // pruned since the lookup (untouched for a day): count afresh
            a = new PinAttemptRecord();
            a.memberNumber = number;
            a.updatedAt = now;
            session.persist(a);
        }
        PinCount count = count(a.failedAttempts, a.lockedUntil, dummyPinHash, pin, now);
        a.failedAttempts = count.failed();
        a.lockedUntil = count.lockedUntil();
        a.updatedAt = now;
        return count.reason();
    }

    private record PinCount(int failed, Instant lockedUntil, CheckInReason reason) {
    }

    /** One attempt against a counter: a locked PIN is not even checked, so it cannot be guessed at. */
    private PinCount count(int failed, Instant lockedUntil, String hash, String pin, Instant now) {
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return new PinCount(failed, lockedUntil, CheckInReason.PIN_LOCKED);
        }
        if (hasher.matches(pin, hash)) { // never for the dummy: its secret is a UUID, not digits
            return new PinCount(0, null, null);
        }
        if (failed + 1 >= PIN_ATTEMPTS) {
            return new PinCount(0, now.plus(PIN_LOCK), CheckInReason.PIN_LOCKED);
        }
        return new PinCount(failed + 1, lockedUntil, CheckInReason.PIN_WRONG);
    }

    private MemberRecord lockKnown(Session session, UUID id) {
        MemberRecord m = members.lock(session, id);
        if (m == null) {
            throw unknownMember();
        }
        return m;
    }

    private static ApiException unknownMember() {
        return new ApiException(404, "UNKNOWN_MEMBER", CheckInReason.UNKNOWN_MEMBER.message());
    }

    /** The day's check-ins of the members the caller sees ({@link MemberVisibility}), newest first, in the location's zone (or the server's default zone). */
    public List<CheckInEntry> ofDay(Caller caller, LocalDate date, UUID locationId, ZoneId responseZone) {
        return tx.inTransaction(session -> {
            ZoneId zone = zoneOf(session, locationId);
            LocalDate day = date != null ? date : LocalDate.now(clock.withZone(zone));
            List<CheckInRecord> rows = checkIns.between(session, day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant(), locationId);
            return entries(session, MemberVisibility.filter(session, caller, rows, c -> c.memberId),
                    responseZone != null ? responseZone : zone);
        });
    }

    /** Who is in the club now: members let in within one visit window, each once, latest first. */
    public List<CheckInEntry> present(Caller caller, UUID locationId, ZoneId responseZone) {
        return tx.inTransaction(session -> {
            ZoneId zone = zoneOf(session, locationId);
            Instant now = clock.instant();
            Set<UUID> seen = new HashSet<>();
            List<CheckInRecord> rows = checkIns.between(session, now.minus(policy.visitWindow()), now.plusSeconds(1), locationId)
                    .stream().filter(c -> c.admitted && seen.add(c.memberId)).toList();
            return entries(session, MemberVisibility.filter(session, caller, rows, c -> c.memberId),
                    responseZone != null ? responseZone : zone);
        });
    }

    private List<CheckInEntry> entries(Session session, List<CheckInRecord> rows, ZoneId zone) {
        Map<UUID, MemberBadge> badges = new HashMap<>();
        return rows.stream().map(c -> new CheckInEntry(c.id.toString(),
                c.memberId == null ? null : badges.computeIfAbsent(c.memberId, id -> badge(members.find(session, id))),
                CheckInMethod.valueOf(c.method), c.admitted, CheckInReason.valueOf(c.reason), c.onGrace,
                text(c.locationId), text(c.bookingId), text(c.staffUserId), text(c.deviceId),
                OffsetDateTime.ofInstant(c.decidedAt, zone))).toList();
    }

    private ZoneId zoneOf(Session session, UUID locationId) {
        if (locationId == null) {
            return defaultZone;
        }
        LocationRecord loc = session.find(LocationRecord.class, locationId);
        if (loc == null) {
            throw new ApiException(404, "NOT_FOUND", "Location not found", "locationId");
        }
        return ZoneId.of(loc.zoneId);
    }

    private static String planName(Session session, UUID membershipId) {
        MembershipRecord m = session.find(MembershipRecord.class, membershipId);
        PlanRecord p = m == null ? null : session.find(PlanRecord.class, m.planId);
        return p == null ? null : p.name;
    }

    private CheckInRecord newRecord(Caller caller, Door door, MemberRecord member, Instant now) {
        CheckInRecord c = new CheckInRecord();
        c.id = UUID.randomUUID();
        c.memberId = member == null ? null : member.id;
        c.locationId = door.locationId();
        c.method = door.method().name();
        c.staffUserId = caller.userId().value();
        c.deviceId = door.deviceId();
        c.decidedAt = now;
        return c;
    }

    private static CheckInResult result(CheckInRecord c, CheckInMethod method, MemberRecord member, String planName,
                                        Integer creditsLeft, ZoneId zone) {
        CheckInReason reason = CheckInReason.valueOf(c.reason);
        return new CheckInResult(c.id.toString(), c.admitted, reason, reason.message(), member == null ? null : badge(member),
                planName, creditsLeft, c.onGrace, text(c.bookingId), method, OffsetDateTime.ofInstant(c.decidedAt, zone));
    }

    static MemberBadge badge(MemberRecord m) {
        if (m == null) {
            return null;
        }
        String name = (m.firstName + " " + m.lastName).strip();
        String initials = (initial(m.firstName) + initial(m.lastName)).toUpperCase(Locale.ROOT);
        return new MemberBadge(m.id.toString(), m.memberNumber, name, initials);
    }

    private static String initial(String part) {
        return part == null || part.isBlank() ? "" : part.strip().substring(0, 1);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** The request, checked and typed. */
    private record Door(CheckInMethod method, String qr, String memberNumber, String pin, UUID memberId,
                        UUID locationId, UUID deviceId) {
    }

    /** A signed card code is a short payload and a signature; anything much longer is not one. */
    private static final int MAX_QR_LENGTH = 1024;

    private static Door readDoor(CheckInRequest r) {
        if (r.method() == null) {
            throw ApiException.validation("method", "method is required: QR, PIN or STAFF");
        }
        // every field within its bounds whatever the method, so nothing unread slips through unchecked
        if (r.qr() != null && r.qr().length() > MAX_QR_LENGTH) {
            throw ApiException.validation("qr", "qr is at most " + MAX_QR_LENGTH + " characters");
        }
        if (r.memberNumber() != null && r.memberNumber().length() > 20) {
            throw ApiException.validation("memberNumber", "memberNumber is at most 20 characters");
        }
        if (r.pin() != null && r.pin().length() > MAX_PIN_LENGTH) {
            throw ApiException.validation("pin", "pin is at most " + MAX_PIN_LENGTH + " characters");
        }
        UUID location = optionalId("locationId", r.locationId());
        UUID device = optionalId("deviceId", r.deviceId());
        // read only by STAFF check-ins, but a malformed one is refused whatever the method (found by ApiFuzzTest)
        optionalId("memberId", r.memberId());
        return switch (r.method()) {
            case QR -> {
                if (r.qr() == null || r.qr().isBlank()) {
                    throw ApiException.validation("qr", "qr is required for a QR check-in");
                }
                yield new Door(CheckInMethod.QR, r.qr(), null, null, null, location, device);
            }
            case PIN -> {
                if (r.memberNumber() == null || r.memberNumber().isBlank() || r.memberNumber().length() > 20) {
                    throw ApiException.validation("memberNumber", "memberNumber is required for a PIN check-in");
                }
                if (r.pin() == null || r.pin().isEmpty() || r.pin().length() > MAX_PIN_LENGTH) {
                    throw ApiException.validation("pin", "pin is required for a PIN check-in (at most " + MAX_PIN_LENGTH + " characters)");
                }
                yield new Door(CheckInMethod.PIN, null, r.memberNumber().strip().toUpperCase(Locale.ROOT), r.pin(), null,
                        location, device);
            }
            case STAFF -> {
                UUID member = optionalId("memberId", r.memberId());
                if (member == null) {
                    throw ApiException.validation("memberId", "memberId is required for a staff check-in");
                }
                yield new Door(CheckInMethod.STAFF, null, null, null, member, location, device);
            }
        };
    }

    private static UUID optionalId(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field, "'" + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw) + "' is not a valid id");
        }
    }

    private record Identified(MemberRecord member, CheckInReason refusal, boolean shown) {
    }

    record BookingState(String status) {
    }

    /** The audit snapshot of a check-in; never a PIN or its hash. */
    record CheckInAudit(UUID memberId, String method, boolean admitted, String reason, boolean onGrace,
                        UUID membershipId, UUID bookingId, boolean creditCharged, UUID locationId, UUID deviceId,
                        Instant pinLockedUntil) {
        static CheckInAudit of(CheckInRecord c, boolean creditCharged, MemberRecord member) {
            return new CheckInAudit(c.memberId, c.method, c.admitted, c.reason, c.onGrace, c.membershipId, c.bookingId,
                    creditCharged, c.locationId, c.deviceId,
                    member != null && CheckInReason.PIN_LOCKED.name().equals(c.reason) ? member.pinLockedUntil : null);
        }
    }
}
