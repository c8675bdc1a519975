package app.spotter.server.members;

import app.spotter.model.access.Permission;
import app.spotter.model.api.MembersApi.Attendance;
import app.spotter.model.api.MembersApi.BookingEntry;
import app.spotter.model.api.MembersApi.CheckInEntry;
import app.spotter.model.api.MembersApi.Member;
import app.spotter.model.api.MembersApi.MemberSummary;
import app.spotter.model.api.MembersApi.MemberUpdate;
import app.spotter.model.api.MembersApi.NewMember;
import app.spotter.model.common.BookingId;
import app.spotter.model.common.CheckInId;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import app.spotter.model.sync.VersionVector;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.auth.PasswordHasher;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.locations.LocationRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Registering, finding and editing members, their kiosk PIN and their attendance.
 *
 * <p>A null caller is the system (demo data, imports): it may do everything and its audit
 * entries have no actor. Health notes are read and written only with HEALTH_NOTES and never
 * appear in audit entries.
 */
public final class MemberService {

    /** The server's own entry in a member's version vector; desks use their device ids. */
    public static final String SERVER_NODE = "server";

    // The same rules the desk checks before it queues a sign-up (shared-model).
    private static final Pattern EMAIL = app.spotter.model.members.MemberProfileRules.EMAIL;
    private static final Pattern PHONE = app.spotter.model.members.MemberProfileRules.PHONE;
    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");
    private static final int MAX_HEALTH_NOTES = 4000;
    private static final int ATTENDANCE_ROWS = 200;

    private final Transactions tx;
    private final MemberRepository members;
    private final HealthNotesCipher cipher;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public MemberService(Transactions tx, MemberRepository members, HealthNotesCipher cipher, PasswordHasher hasher,
                         AuditLog audit, Clock clock) {
        this.tx = tx;
        this.members = members;
        this.cipher = cipher;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the audit log keeps of a member: never the health notes or the PIN hash. */
    record MemberAudit(String memberNumber, String firstName, String lastName, String email, String phone,
                       LocalDate dateOfBirth, UUID homeLocationId, boolean healthNotesSet, boolean pinSet,
                       String versionVector) {
        static MemberAudit of(MemberRecord m) {
            return new MemberAudit(m.memberNumber, m.firstName, m.lastName, m.email, m.phone, m.dateOfBirth,
                    m.homeLocationId, m.healthNotesEncrypted != null, m.pinHash != null, m.versionVector);
        }
    }

    /** Registers a member at the desk and gives them the next member number. */
    public Member register(Caller caller, NewMember r, ZoneId zone) {
        return register(caller, new MemberId(UUID.randomUUID()), SERVER_NODE, r, zone);
    }

    /**
     * Registers a member under an id chosen by a desk (its optimistic row is the server's row); the
     * first version is the registering node's ({@code node}: a device id, or {@link #SERVER_NODE}).
     */
    public Member register(Caller caller, MemberId id, String node, NewMember r, ZoneId zone) {
        String first = name("firstName", r.firstName());
        String last = name("lastName", r.lastName());
        String email = email(r.email());
        String phone = phone(r.phone());
        birthday(r.dateOfBirth());
        String notes = healthNotes(caller, r.healthNotes());
        return tx.inTransaction(session -> {
            MemberRecord m = new MemberRecord();
            m.id = id.value();
            m.memberNumber = members.nextMemberNumber(session);
            m.firstName = first;
            m.lastName = last;
            m.email = email;
            m.phone = phone;
            m.dateOfBirth = r.dateOfBirth();
            m.homeLocationId = r.homeLocationId() == null ? null : requireLocation(session, r.homeLocationId());
            m.healthNotesEncrypted = notes == null ? null : cipher.encrypt(notes);
            m.versionVector = VersionVector.empty().increment(node).encode();
            m.createdAt = clock.instant();
            m.updatedAt = m.createdAt;
            members.insert(session, m);
            audit.record(session, caller, "MEMBER_REGISTERED", "Member", m.id, null, MemberAudit.of(m));
            return view(caller, m, zone);
        });
    }

    /**
     * Members whose name, phone, e-mail or member number contains the text; all members when it is
     * blank. Only those the caller sees ({@link MemberVisibility}): a trainer finds their own members.
     */
    public List<MemberSummary> search(Caller caller, String text, int limit) {
        String q = text == null ? "" : text.strip();
        return tx.inTransaction(session -> members.search(session, q, limit, caller).stream()
                .map(m -> new MemberSummary(new MemberId(m.id), m.memberNumber, m.firstName, m.lastName, m.email, m.phone))
                .toList());
    }

    /** A member's profile; with the health notes for HEALTH_NOTES holders, and then the read is audited. */
    public Member get(Caller caller, MemberId id, ZoneId zone) {
        return tx.inTransaction(session -> {
            MemberVisibility.require(session, caller, id.value());
            MemberRecord m = require(session, id);
            Member view = view(caller, m, zone);
            auditNotesRead(session, caller, view);
            return view;
        });
    }

    /** Every answer of the API that carries decrypted health notes leaves an audit entry (never the notes). */
    private void auditNotesRead(Session session, Caller caller, Member view) {
        if (caller != null && view.healthNotes() != null) {
            audit.record(session, caller, "HEALTH_NOTES_READ", "Member", view.id().value(), null, null);
        }
    }

    /** Changes the given fields; every real change bumps the server's entry of the version vector. */
    public Member update(Caller caller, MemberId id, MemberUpdate r, ZoneId zone) {
        String first = r.firstName() == null ? null : name("firstName", r.firstName());
        String last = r.lastName() == null ? null : name("lastName", r.lastName());
        String email = r.email() == null ? null : Objects.requireNonNullElse(email(r.email()), "");
        String phone = r.phone() == null ? null : Objects.requireNonNullElse(phone(r.phone()), "");
        if (r.dateOfBirth() != null) {
            birthday(r.dateOfBirth());
        }
        String notes = r.healthNotes() == null ? null : Objects.requireNonNullElse(healthNotes(caller, r.healthNotes()), "");
        return tx.inTransaction(session -> {
            MemberRecord m = members.lock(session, id.value());
            if (m == null) {
                throw ApiException.notFound("Member");
            }
            MemberAudit before = MemberAudit.of(m);
            java.util.Map<String, String> fieldsBefore = MemberFields.snapshot(m);
            boolean notesChanged = false;
            if (first != null) {
                m.firstName = first;
            }
            if (last != null) {
                m.lastName = last;
            }
            if (email != null) {
                m.email = email.isEmpty() ? null : email;
            }
            if (phone != null) {
                m.phone = phone.isEmpty() ? null : phone;
            }
            if (r.dateOfBirth() != null) {
                m.dateOfBirth = r.dateOfBirth();
            }
            if (r.homeLocationId() != null) {
                m.homeLocationId = requireLocation(session, r.homeLocationId());
            }
            if (notes != null) {
                String current = m.healthNotesEncrypted == null ? "" : cipher.decrypt(m.healthNotesEncrypted);
                if (!current.equals(notes)) {
                    m.healthNotesEncrypted = notes.isEmpty() ? null : cipher.encrypt(notes);
                    notesChanged = true;
                }
            }
            if (notesChanged || !MemberAudit.of(m).equals(before)) {
                touch(m);
                // so that a desk's concurrent edit of the same field becomes a conflict, not an overwrite
                MemberFields.stampChanged(m, fieldsBefore);
                audit.record(session, caller, "MEMBER_UPDATED", "Member", m.id, before, MemberAudit.of(m));
            }
            Member view = view(caller, m, zone);
            if (r.healthNotes() == null) {
                // notes the caller did not just write are a read
                auditNotesRead(session, caller, view);
            }
            return view;
        });
    }

    /** Sets the kiosk PIN (4 to 8 digits) and lifts any lock from failed attempts. Staff or the member. */
    public void setPin(Caller caller, MemberId id, String pin) {
        if (caller != null && !caller.can(Permission.MEMBERS_WRITE) && !caller.is(id)) {
            throw ApiException.forbidden();
        }
        if (pin == null || !PIN.matcher(pin).matches()) {
            throw ApiException.validation("pin", "The PIN must be 4 to 8 digits");
        }
        String hash = hasher.hash(pin);
        tx.run(session -> {
            MemberRecord m = members.lock(session, id.value());
            if (m == null) {
                throw ApiException.notFound("Member");
            }
            MemberAudit before = MemberAudit.of(m);
            m.pinHash = hash;
            m.pinFailedAttempts = 0;
            m.pinLockedUntil = null;
            touch(m);
            audit.record(session, caller, "MEMBER_PIN_SET", "Member", m.id, before, MemberAudit.of(m));
        });
    }

    /**
     * The member's check-ins and bookings, newest first. Times are in {@code zone}, or when it is
     * null in the zone of the check-in's location or the booked slot.
     */
    public Attendance attendance(Caller caller, MemberId id, ZoneId zone) {
        return tx.inTransaction(session -> {
            MemberVisibility.require(session, caller, id.value());
            require(session, id);
            List<CheckInEntry> checkIns = members.checkIns(session, id.value(), ATTENDANCE_ROWS).stream()
                    .map(row -> new CheckInEntry(new CheckInId(row.checkIn().id),
                            at(row.checkIn().decidedAt, zone, row.zoneId()),
                            row.checkIn().locationId == null ? null : new LocationId(row.checkIn().locationId),
                            row.checkIn().method, row.checkIn().admitted, row.checkIn().reason))
                    .toList();
            List<BookingEntry> bookings = members.bookings(session, id.value(), ATTENDANCE_ROWS).stream()
                    .map(row -> new BookingEntry(new BookingId(row.booking().id), new SlotId(row.booking().slotId),
                            row.title(), at(row.booking().startsAt, zone, row.zoneId()),
                            at(row.booking().endsAt, zone, row.zoneId()), row.booking().status))
                    .toList();
            return new Attendance(id, checkIns, bookings);
        });
    }

    private void touch(MemberRecord m) {
        m.versionVector = VersionVector.parse(m.versionVector).increment(SERVER_NODE).encode();
        m.updatedAt = clock.instant();
    }

    private MemberRecord require(Session session, MemberId id) {
        MemberRecord m = members.find(session, id.value());
        if (m == null) {
            throw ApiException.notFound("Member");
        }
        return m;
    }

    private static UUID requireLocation(Session session, LocationId id) {
        if (session.find(LocationRecord.class, id.value()) == null) {
            throw new ApiException(404, "NOT_FOUND", "Location not found", "homeLocationId");
        }
        return id.value();
    }

    private Member view(Caller caller, MemberRecord m, ZoneId zone) {
        boolean mayReadNotes = caller == null || caller.can(Permission.HEALTH_NOTES);
        String notes = mayReadNotes && m.healthNotesEncrypted != null ? cipher.decrypt(m.healthNotesEncrypted) : null;
        return new Member(new MemberId(m.id), m.memberNumber, m.firstName, m.lastName, m.email, m.phone, m.dateOfBirth,
                m.homeLocationId == null ? null : new LocationId(m.homeLocationId), notes, m.pinHash != null,
                VersionVector.parse(m.versionVector), m.createdAt.atZone(zone).toOffsetDateTime(),
                m.updatedAt.atZone(zone).toOffsetDateTime());
    }

    private static OffsetDateTime at(Instant instant, ZoneId requested, String ownZone) {
        ZoneId zone = requested != null ? requested : ownZone != null ? ZoneId.of(ownZone) : ZoneOffset.UTC;
        return instant.atZone(zone).toOffsetDateTime();
    }

    static String name(String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() > 100) {
            throw ApiException.validation(field, "Required, at most 100 characters");
        }
        return value.strip();
    }

    /** A normalized e-mail, or null when blank. */
    static String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String e = value.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 320 || !EMAIL.matcher(e).matches()) {
            throw ApiException.validation("email", "Not an e-mail address");
        }
        return e;
    }

    /** A phone number as typed, or null when blank. */
    static String phone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String p = value.strip();
        if (!PHONE.matcher(p).matches()) {
            throw ApiException.validation("phone", "A phone number has digits, spaces and + ( ) . / - only (at most 40)");
        }
        return p;
    }

    private void birthday(LocalDate date) {
        if (date != null && (date.isAfter(LocalDate.now(clock)) || date.isBefore(LocalDate.of(1900, 1, 1)))) {
            throw ApiException.validation("dateOfBirth", "The date of birth must be between 1900 and today");
        }
    }

    /** Health notes the caller may write, or null when absent or blank; 403 without HEALTH_NOTES. */
    private static String healthNotes(Caller caller, String value) {
        if (value == null) {
            return null;
        }
        if (caller != null && !caller.can(Permission.HEALTH_NOTES)) {
            throw new ApiException(403, "FORBIDDEN", "Only staff with the HEALTH_NOTES permission may write health notes",
                    "healthNotes");
        }
        if (value.length() > MAX_HEALTH_NOTES) {
            throw ApiException.validation("healthNotes", "Health notes are at most " + MAX_HEALTH_NOTES + " characters");
        }
        return value.isBlank() ? null : value.strip();
    }
}
