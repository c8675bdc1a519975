package app.spotter.server.support;

import app.spotter.model.access.Role;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.SpotterApp;
import app.spotter.server.bookings.BookingRecord;
import app.spotter.server.checkins.CheckInRecord;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.memberships.CreditEntryRecord;
import app.spotter.server.memberships.MembershipRecord;
import app.spotter.server.plans.PlanRecord;
import app.spotter.server.schedule.SessionRecord;
import app.spotter.server.schedule.TimeSlotRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Arranges locations, plans, memberships, classes and bookings for check-in tests by persisting rows
 * directly, so these tests depend on no other feature's endpoints.
 */
public final class CheckInFixtures {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final TestServer server;

    public CheckInFixtures(TestServer server) {
        this.server = server;
    }

    /** A member login: its access token, member id and printed member number. */
    public record Member(String token, UUID id, String number) {
    }

    private SpotterApp app() {
        return server.app();
    }

    public Member member() {
        String token = server.login(Role.MEMBER);
        String id = server.client().get("/api/v1/me", token).text("memberId");
        UUID memberId = UUID.fromString(id);
        String number = app().services().tx().inTransaction(s -> s.find(MemberRecord.class, memberId).memberNumber);
        return new Member(token, memberId, number);
    }

    public UUID location() {
        LocationRecord l = new LocationRecord();
        l.id = UUID.randomUUID();
        l.name = "Club " + l.id.toString().substring(0, 6);
        l.zoneId = ZONE.getId();
        l.createdAt = Instant.now();
        app().services().tx().run(s -> s.persist(l));
        return l.id;
    }

    public LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public UUID plan(PlanKind kind, String name) {
        PlanRecord p = new PlanRecord();
        p.id = UUID.randomUUID();
        p.name = name;
        p.kind = kind.name();
        p.priceMinor = 4900;
        p.currency = "EUR";
        p.credits = kind.usesCredits() ? 10 : null;
        p.durationDays = kind.usesCredits() ? 90 : 30;
        p.active = true;
        p.createdAt = Instant.now();
        app().services().tx().run(s -> s.persist(p));
        return p.id;
    }

    public UUID membership(UUID memberId, UUID planId, String status, LocalDate startsOn, LocalDate endsOn) {
        MembershipRecord m = new MembershipRecord();
        m.id = UUID.randomUUID();
        m.memberId = memberId;
        m.planId = planId;
        m.status = status;
        m.startsOn = startsOn;
        m.endsOn = endsOn;
        m.versionVector = "";
        m.createdAt = Instant.now();
        app().services().tx().run(s -> s.persist(m));
        return m.id;
    }

    /** An ACTIVE monthly membership running from last week to next month. */
    public UUID activeMonthly(UUID memberId) {
        return membership(memberId, plan(PlanKind.RECURRING_MONTHLY, "Monthly unlimited"), "ACTIVE",
                today().minusDays(7), today().plusDays(23));
    }

    /** An ACTIVE class pack holding the given credits. */
    public UUID classPack(UUID memberId, int credits) {
        UUID id = membership(memberId, plan(PlanKind.CLASS_PACK, "10-class pack"), "ACTIVE",
                today().minusDays(7), today().plusDays(80));
        credit(id, credits, "SALE");
        return id;
    }

    public void credit(UUID membershipId, int delta, String reason) {
        CreditEntryRecord c = new CreditEntryRecord();
        c.id = UUID.randomUUID();
        c.membershipId = membershipId;
        c.delta = delta;
        c.reason = reason;
        c.createdAt = Instant.now();
        app().services().tx().run(s -> s.persist(c));
    }

    public int creditBalance(UUID membershipId) {
        return app().services().tx().inTransaction(s -> s.createSelectionQuery(
                        "select coalesce(sum(c.delta), 0) from CreditEntryRecord c where c.membershipId = :m", Long.class)
                .setParameter("m", membershipId).getSingleResult().intValue());
    }

    /** A class at the location starting at {@code startsAt}, and a BOOKED booking of the member on it. */
    public UUID booking(UUID memberId, UUID locationId, UUID membershipId, Instant startsAt, String status) {
        SessionRecord session = new SessionRecord();
        session.id = UUID.randomUUID();
        session.kind = "CLASS";
        session.title = "Spin";
        session.locationId = locationId;
        session.defaultCapacity = 12;
        session.createdAt = Instant.now();
        TimeSlotRecord slot = new TimeSlotRecord();
        slot.id = UUID.randomUUID();
        slot.sessionId = session.id;
        slot.startsAt = startsAt.truncatedTo(ChronoUnit.SECONDS);
        slot.endsAt = slot.startsAt.plus(1, ChronoUnit.HOURS);
        slot.zoneId = ZONE.getId();
        slot.capacity = 12;
        slot.seatsTaken = 1;
        slot.status = "SCHEDULED";
        slot.createdAt = Instant.now();
        BookingRecord b = new BookingRecord();
        b.id = UUID.randomUUID();
        b.slotId = slot.id;
        b.memberId = memberId;
        b.activeMemberId = memberId;
        b.status = status;
        b.startsAt = slot.startsAt;
        b.endsAt = slot.endsAt;
        b.membershipId = membershipId;
        b.creditCharged = true;
        b.createdAt = Instant.now();
        app().services().tx().run(s -> {
            s.persist(session);
            s.persist(slot);
            s.persist(b);
        });
        return b.id;
    }

    public String bookingStatus(UUID bookingId) {
        return app().services().tx().inTransaction(s -> s.find(BookingRecord.class, bookingId).status);
    }

    public UUID sessionOf(UUID bookingId) {
        return app().services().tx().inTransaction(s ->
                s.find(TimeSlotRecord.class, s.find(BookingRecord.class, bookingId).slotId).sessionId);
    }

    public void setPin(UUID memberId, String pin) {
        String hash = app().services().hasher().hash(pin);
        app().services().tx().run(s -> s.find(MemberRecord.class, memberId).pinHash = hash);
    }

    public MemberRecord memberRow(UUID memberId) {
        return app().services().tx().inTransaction(s -> s.find(MemberRecord.class, memberId));
    }

    /** Moves every check-in of the member back in time, as if the visit was hours ago. */
    public void ageCheckIns(UUID memberId, long hours) {
        app().services().tx().run(s -> s.createSelectionQuery("from CheckInRecord c where c.memberId = :m", CheckInRecord.class)
                .setParameter("m", memberId).getResultList()
                .forEach(c -> c.decidedAt = c.decidedAt.minus(hours, ChronoUnit.HOURS)));
    }
}
