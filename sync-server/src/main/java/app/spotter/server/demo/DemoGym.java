package app.spotter.server.demo;

import app.spotter.model.access.Role;
import app.spotter.model.checkin.CheckInMethod;
import app.spotter.model.checkin.CheckInReason;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.SpotterApp;
import app.spotter.server.auth.UserAccount;
import app.spotter.server.bookings.BookingRecord;
import app.spotter.server.checkins.CheckInRecord;
import app.spotter.server.locations.EquipmentRecord;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.locations.RoomRecord;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.memberships.CreditEntryRecord;
import app.spotter.server.memberships.MembershipFreezeRecord;
import app.spotter.server.memberships.MembershipRecord;
import app.spotter.server.plans.PlanRecord;
import app.spotter.server.schedule.SessionRecord;
import app.spotter.server.schedule.TimeSlotRecord;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hibernate.Session;

/**
 * A living demo gym loaded into an empty database: a studio with rooms and machines, staff of
 * every role, members on several plans (one frozen, one just expired and on grace, one out of
 * credits), a week of classes, personal training and machine slots, bookings with a full class
 * and its waitlist, and this morning's check-ins.
 */
public final class DemoGym {

    /** A demo login printed at start. */
    public record DemoLogin(String email, String password, Role role, String who) {
    }

    public static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("admin@demo.spotter.app", "demo-admin-1", Role.ADMIN, "Asha (owner)"),
            new DemoLogin("manager@demo.spotter.app", "demo-manager-1", Role.MANAGER, "Rahul (club manager)"),
            new DemoLogin("desk@demo.spotter.app", "demo-desk-1", Role.FRONT_DESK, "Neha (front desk)"),
            new DemoLogin("priya@demo.spotter.app", "demo-trainer-1", Role.TRAINER, "Priya (yoga and pilates instructor)"),
            new DemoLogin("marco@demo.spotter.app", "demo-trainer-2", Role.TRAINER, "Marco (HIIT, spin and PT)"),
            new DemoLogin("member@demo.spotter.app", "demo-member-1", Role.MEMBER, "Ananya Rao (member, monthly plan)"));

    private static final String[][] MEMBERS = {
        {"Ananya", "Rao"}, {"Vikram", "Iyer"}, {"Sofia", "Marquez"}, {"Kabir", "Mehta"}, {"Lena", "Fischer"},
        {"Arjun", "Nair"}, {"Meera", "Pillai"}, {"Tom", "Becker"}, {"Isha", "Kapoor"}, {"Rohan", "Das"},
        {"Chloe", "Martin"}, {"Dev", "Sharma"}, {"Aisha", "Khan"}, {"Noah", "Schmidt"}, {"Tara", "Menon"},
        {"Jonas", "Weber"}, {"Riya", "Joshi"}, {"Liam", "O'Connor"}, {"Zara", "Ali"}, {"Aditya", "Bose"},
        {"Emma", "Wagner"}, {"Karan", "Malhotra"}, {"Nina", "Petrova"}, {"Sameer", "Gupta"}};

    private final SpotterApp.Services services;
    private final ZoneId zone;
    private final Random random = new Random(7);

    public DemoGym(SpotterApp.Services services, ZoneId zone) {
        this.services = services;
        this.zone = zone;
    }

    /** Loads the demo gym unless the database already has a location; returns whether it loaded. */
    public boolean loadIfEmpty() {
        return services.tx().inTransaction(session -> {
            long locations = session.createSelectionQuery("select count(l) from LocationRecord l", Long.class).getSingleResult();
            if (locations > 0) {
                return false;
            }
            load(session);
            return true;
        });
    }

    private void load(Session s) {
        Instant now = services.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, zone);

        LocationRecord studio = new LocationRecord();
        studio.id = UUID.randomUUID();
        studio.name = "Spotter Studio Indiranagar";
        studio.zoneId = zone.getId();
        studio.createdAt = now;
        s.persist(studio);
        RoomRecord studioA = room(s, studio, "Studio A", 20);
        RoomRecord studioB = room(s, studio, "Studio B", 14);
        room(s, studio, "Gym floor", null);
        EquipmentRecord rower = new EquipmentRecord();
        rower.id = UUID.randomUUID();
        rower.locationId = studio.id;
        rower.name = "Rowing machine 1";
        s.persist(rower);

        List<UserAccount> staff = new ArrayList<>();
        for (DemoLogin login : LOGINS) {
            if (login.role() != Role.MEMBER) {
                staff.add(account(s, login, null, now));
            }
        }
        UserAccount priya = staff.get(3);
        UserAccount marco = staff.get(4);

        PlanRecord monthly = plan(s, "Unlimited monthly", PlanKind.RECURRING_MONTHLY, 299_900, null, null, now);
        PlanRecord annual = plan(s, "Unlimited annual", PlanKind.RECURRING_ANNUAL, 2_999_900, null, null, now);
        PlanRecord pack = plan(s, "10-class pack", PlanKind.CLASS_PACK, 199_900, 10, 90, now);
        PlanRecord trial = plan(s, "7-day trial", PlanKind.TRIAL, 0, null, 7, now);
        // the gym's free trial: a client who registers through the studio API gets it once, and can book
        trial.freeTrial = true;
        plan(s, "Drop-in class", PlanKind.DROP_IN, 39_900, 1, 30, now);

        List<MemberRecord> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS.length; i++) {
            MemberRecord m = new MemberRecord();
            m.id = UUID.randomUUID();
            m.memberNumber = "M%06d".formatted(1 + i);
            m.firstName = MEMBERS[i][0];
            m.lastName = MEMBERS[i][1];
            m.email = (MEMBERS[i][0] + "." + MEMBERS[i][1]).toLowerCase(java.util.Locale.ROOT).replace("'", "") + "@example.com";
            m.phone = "+91 98%08d".formatted(45_000_000 + i * 7919);
            m.dateOfBirth = LocalDate.of(1980 + i % 20, 1 + i % 12, 1 + i % 27);
            m.homeLocationId = studio.id;
            m.pinHash = i < 6 ? services.hasher().hash("12%02d".formatted(i)) : null;
            m.createdAt = now.minus(Duration.ofDays(200 - i * 5L));
            m.updatedAt = m.createdAt;
            s.persist(m);
            members.add(m);
        }
        // Member numbers from the sequence start above the demo ones.
        s.createNativeQuery("alter sequence member_number_seq restart with 1100", Object.class).executeUpdate();
        account(s, LOGINS.get(5), members.get(0).id, now);

        for (int i = 0; i < members.size(); i++) {
            MemberRecord m = members.get(i);
            switch (i % 8) {
                case 0, 1, 2 -> membership(s, m, monthly, "ACTIVE", today.minusDays(10 + i), today.minusDays(10 + i).plusMonths(1).minusDays(1), now);
                case 3 -> membership(s, m, annual, "ACTIVE", today.minusMonths(4), today.minusMonths(4).plusYears(1).minusDays(1), now);
                case 4 -> {
                    MembershipRecord ms = membership(s, m, pack, "ACTIVE", today.minusDays(20), today.plusDays(70), now);
                    credit(s, ms, 10, "PURCHASE", now);
                    credit(s, ms, i == 4 ? -10 : -3, "BOOKING", now); // the first pack member has used every credit
                }
                case 5 -> {
                    MembershipRecord ms = membership(s, m, monthly, "ACTIVE", today.minusDays(40), today.plusDays(20), now);
                    MembershipFreezeRecord f = new MembershipFreezeRecord();
                    f.id = UUID.randomUUID();
                    f.membershipId = ms.id;
                    f.startsOn = today.minusDays(3);
                    f.endsOn = today.plusDays(11);
                    f.createdAt = now;
                    s.persist(f);
                }
                case 6 -> membership(s, m, monthly, "ACTIVE", today.minusMonths(1).minusDays(2), today.minusDays(2), now); // on grace
                default -> membership(s, m, trial, "TRIAL", today.minusDays(2), today.plusDays(4), now);
            }
        }

        // A week of classes, PT and machine time, in the studio's zone.
        SessionRecord yoga = session(s, studio, studioA, priya, null, "CLASS", "Yoga Flow", "Vinyasa for every level", 16, now);
        SessionRecord pilates = session(s, studio, studioB, priya, null, "CLASS", "Mat Pilates", "Core and posture", 10, now);
        SessionRecord hiit = session(s, studio, studioA, marco, null, "CLASS", "HIIT 45", "Intervals, bring water", 12, now);
        SessionRecord spin = session(s, studio, studioB, marco, null, "CLASS", "Spin", "45 minutes on the bikes", 10, now);
        SessionRecord pt = session(s, studio, null, marco, null, "PERSONAL_TRAINING", "Personal training with Marco", "One to one", 1, now);
        SessionRecord rowing = session(s, studio, null, null, rower, "EQUIPMENT", "Rowing machine", "30 minutes on the rower", 1, now);

        List<TimeSlotRecord> slots = new ArrayList<>();
        for (int d = -1; d < 7; d++) {
            LocalDate day = today.plusDays(d);
            DayOfWeek dow = day.getDayOfWeek();
            boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
            slots.add(slot(s, spin, day, LocalTime.of(6, 30), 45, now));
            slots.add(slot(s, yoga, day, LocalTime.of(7, 0), 60, now));
            if (!weekend) {
                slots.add(slot(s, hiit, day, LocalTime.of(18, 0), 45, now));
                slots.add(slot(s, pilates, day, LocalTime.of(19, 0), 50, now));
                slots.add(slot(s, pt, day, LocalTime.of(12, 0), 60, now));
            }
            slots.add(slot(s, rowing, day, LocalTime.of(17, 0), 30, now));
            slots.add(slot(s, rowing, day, LocalTime.of(17, 30), 30, now));
        }

        // Bookings: members with an unlimited plan book upcoming classes; one spin class fills with a waitlist.
        List<MemberRecord> bookers = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (i % 8 <= 3) {
                bookers.add(members.get(i));
            }
        }
        for (TimeSlotRecord slot : slots) {
            if (slot.startsAt.isBefore(now) || slot.capacity == 1) {
                continue;
            }
            boolean fill = slot.sessionId.equals(spin.id) && LocalDate.ofInstant(slot.startsAt, zone).equals(today.plusDays(1));
            int wanted = fill ? bookers.size() : random.nextInt(Math.min(6, slot.capacity));
            for (int b = 0; b < wanted && b < bookers.size(); b++) {
                MemberRecord m = bookers.get((b + random.nextInt(3)) % bookers.size());
                if (alreadyOn(s, slot, m)) {
                    continue;
                }
                booking(s, slot, m, slot.seatsTaken < slot.capacity ? "BOOKED" : "WAITLISTED", now);
            }
        }

        // This morning at the desk.
        for (int i = 0; i < 5; i++) {
            CheckInRecord c = new CheckInRecord();
            c.id = UUID.randomUUID();
            c.memberId = members.get(i).id;
            c.locationId = studio.id;
            c.method = (i % 2 == 0 ? CheckInMethod.QR : CheckInMethod.PIN).name();
            c.admitted = true;
            c.reason = CheckInReason.OK.name();
            c.decidedAt = now.minus(Duration.ofMinutes(20L + i * 13));
            c.staffUserId = staff.get(2).id;
            s.persist(c);
        }
    }

    private static RoomRecord room(Session s, LocationRecord loc, String name, Integer capacity) {
        RoomRecord r = new RoomRecord();
        r.id = UUID.randomUUID();
        r.locationId = loc.id;
        r.name = name;
        r.capacity = capacity;
        s.persist(r);
        return r;
    }

    private UserAccount account(Session s, DemoLogin login, UUID memberId, Instant now) {
        UserAccount u = new UserAccount();
        u.id = UUID.randomUUID();
        u.email = login.email();
        u.passwordHash = services.hasher().hash(login.password());
        u.name = login.who().replaceAll(" \\(.*", "");
        u.role = login.role();
        u.memberId = memberId;
        u.createdAt = now;
        s.persist(u);
        return u;
    }

    private static PlanRecord plan(Session s, String name, PlanKind kind, long priceMinor, Integer credits, Integer days, Instant now) {
        PlanRecord p = new PlanRecord();
        p.id = UUID.randomUUID();
        p.name = name;
        p.kind = kind.name();
        p.priceMinor = priceMinor;
        p.currency = "INR";
        p.credits = credits;
        p.durationDays = days;
        p.active = true;
        p.createdAt = now;
        s.persist(p);
        return p;
    }

    private static MembershipRecord membership(Session s, MemberRecord m, PlanRecord plan, String status, LocalDate from,
                                               LocalDate to, Instant now) {
        MembershipRecord ms = new MembershipRecord();
        ms.id = UUID.randomUUID();
        ms.memberId = m.id;
        ms.planId = plan.id;
        ms.status = status;
        ms.startsOn = from;
        ms.endsOn = to;
        ms.versionVector = "";
        ms.createdAt = now;
        s.persist(ms);
        return ms;
    }

    private static void credit(Session s, MembershipRecord ms, int delta, String reason, Instant now) {
        CreditEntryRecord c = new CreditEntryRecord();
        c.id = UUID.randomUUID();
        c.membershipId = ms.id;
        c.delta = delta;
        c.reason = reason;
        c.createdAt = now;
        s.persist(c);
    }

    private static SessionRecord session(Session s, LocationRecord loc, RoomRecord room, UserAccount trainer,
                                         EquipmentRecord equipment, String kind, String title, String description,
                                         int capacity, Instant now) {
        SessionRecord r = new SessionRecord();
        r.id = UUID.randomUUID();
        r.kind = kind;
        r.title = title;
        r.description = description;
        r.locationId = loc.id;
        r.roomId = room == null ? null : room.id;
        r.trainerId = trainer == null ? null : trainer.id;
        r.equipmentId = equipment == null ? null : equipment.id;
        r.defaultCapacity = capacity;
        r.createdAt = now;
        s.persist(r);
        return r;
    }

    private TimeSlotRecord slot(Session s, SessionRecord session, LocalDate day, LocalTime start, int minutes, Instant now) {
        TimeSlotRecord t = new TimeSlotRecord();
        t.id = UUID.randomUUID();
        t.sessionId = session.id;
        ZonedDateTime begins = ZonedDateTime.of(day, start, zone);
        t.startsAt = begins.toInstant();
        t.endsAt = begins.plusMinutes(minutes).toInstant();
        t.zoneId = zone.getId();
        t.capacity = session.defaultCapacity;
        t.trainerId = session.trainerId;
        t.equipmentId = session.equipmentId;
        t.roomId = session.roomId;
        t.status = "SCHEDULED";
        t.createdAt = now;
        s.persist(t);
        return t;
    }

    private static boolean alreadyOn(Session s, TimeSlotRecord slot, MemberRecord m) {
        s.flush();
        return s.createSelectionQuery("select count(b) from BookingRecord b where b.memberId = :m and b.startsAt < :end and b.endsAt > :start",
                        Long.class)
                .setParameter("m", m.id).setParameter("start", slot.startsAt).setParameter("end", slot.endsAt)
                .getSingleResult() > 0;
    }

    private static void booking(Session s, TimeSlotRecord slot, MemberRecord m, String status, Instant now) {
        BookingRecord b = new BookingRecord();
        b.id = UUID.randomUUID();
        b.slotId = slot.id;
        b.memberId = m.id;
        b.activeMemberId = m.id;
        b.status = status;
        b.startsAt = slot.startsAt;
        b.endsAt = slot.endsAt;
        b.createdAt = now;
        if ("BOOKED".equals(status)) {
            slot.seatsTaken++;
        } else {
            Long rank = s.createSelectionQuery("select coalesce(max(b.waitlistRank), 0) from BookingRecord b where b.slotId = :s", Long.class)
                    .setParameter("s", slot.id).getSingleResult();
            b.waitlistRank = rank + 1;
        }
        s.persist(b);
    }
}
