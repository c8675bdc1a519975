package app.spotter.desk.demo;

import app.spotter.client.store.DeskJson;
import app.spotter.client.store.DeskStore;
import app.spotter.client.store.DeviceState;
import app.spotter.client.store.Feed;
import app.spotter.client.store.Mirror;
import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.client.Desk;
import app.spotter.client.staff.StaffProfile;
import app.spotter.model.access.Role;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.SyncApi;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A small gym put straight into a desk's store as if it had been pulled from the server: the
 * device row of an enrolled desk, plans, members with memberships, and today's classes. Used by
 * {@code --demo} (a window with no server to run), the screenshots and the UI tests. The card
 * signing keys are made here, so {@link #card} prints cards this desk accepts.
 */
public final class DemoGym {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** The demo desk's manager login, cached as if she had logged in here while online. */
    public static final String MANAGER_EMAIL = "mia@demo.spotter.app";
    public static final String FRONT_DESK_EMAIL = "felix@demo.spotter.app";
    public static final String STAFF_PASSWORD = "spotter-demo";
    public static final UserId MANAGER = UserId.of("6f1c2a52-5d43-4b1e-9a53-0c1d2e3f4a51");
    public static final UserId FRONT_DESK = UserId.of("6f1c2a52-5d43-4b1e-9a53-0c1d2e3f4a52");

    private final DeskStore store;
    private final Mirror mirror = new Mirror(DeskJson.mapper());
    private final KeyPair cardKeys = MemberQrCodes.newSigningKeys();
    private final String deviceId = UUID.randomUUID().toString();
    private long position;

    public DemoGym(DeskStore store) {
        this.store = store;
        store.run(session -> {
            DeviceState state = session.find(DeviceState.class, DeviceState.ID);
            state.deviceId = deviceId;
            state.deviceSecret = "demo";
            state.locationId = UUID.randomUUID().toString();
            state.zoneId = ZONE.getId();
            state.memberCardPublicKey = MemberQrCodes.encodePublicKey(cardKeys.getPublic());
        });
        String location = store.inTransaction(session -> session.find(DeviceState.class, DeviceState.ID).locationId);
        pulled(Feed.LOCATION, location, row("id", location, "name", "Spotter Demo Studio", "zoneId", ZONE.getId()));
    }

    /** A member card for this desk, as the member's phone or printed card shows it. */
    public String card(MemberId member, Instant issuedAt) {
        return MemberQrCodes.sign(member, 1, issuedAt, cardKeys.getPrivate());
    }

    public MemberId member(String number, String first, String last, String phone) {
        MemberId id = MemberId.random();
        pulled(Feed.MEMBER, id.toString(), row("id", id, "memberNumber", number, "firstName", first, "lastName", last,
                "phone", phone, "email", first.toLowerCase(java.util.Locale.ROOT) + "@example.com", "cardVersion", 1,
                "versionVector", "server=1",
                // as the server puts it on the feed: the signed code of the member's current card
                "cardCode", card(id, Instant.parse("2026-01-01T00:00:00Z"))));
        return id;
    }

    public String plan(String name, String kind) {
        String id = UUID.randomUUID().toString();
        pulled(Feed.PLAN, id, row("id", id, "name", name, "kind", kind, "credits", "CLASS_PACK".equals(kind) ? 10 : null,
                "active", true));
        return id;
    }

    public MembershipId membership(MemberId member, String planId, String status, LocalDate startsOn, LocalDate endsOn,
                                   int credits) {
        MembershipId id = MembershipId.random();
        pulled(Feed.MEMBERSHIP, id.toString(), row("id", id, "memberId", member, "planId", planId, "status", status,
                "startsOn", startsOn.toString(), "endsOn", endsOn == null ? null : endsOn.toString()));
        if (credits != 0) {
            String entry = UUID.randomUUID().toString();
            pulled(Feed.CREDIT_ENTRY, entry, row("id", entry, "membershipId", id, "delta", credits, "reason", "PURCHASE"));
        }
        return id;
    }

    public SlotId slot(String title, Instant startsAt, Duration length, int capacity, int seatsTaken) {
        return slot(title, "CLASS", startsAt, length, capacity, seatsTaken);
    }

    /** A slot of a class, a personal training (PERSONAL_TRAINING) or a machine (EQUIPMENT). */
    public SlotId slot(String title, String kind, Instant startsAt, Duration length, int capacity, int seatsTaken) {
        SlotId id = SlotId.random();
        pulled(Feed.SLOT, id.toString(), row("id", id, "title", title, "kind", kind, "startsAt", startsAt.toString(),
                "endsAt", startsAt.plus(length).toString(), "zoneId", ZONE.getId(), "capacity", capacity,
                "seatsTaken", seatsTaken, "seatsLeased", 0, "status", "SCHEDULED"));
        return id;
    }

    /** Seats this desk holds in escrow on the slot (bookings inside it are confirmed offline). */
    public void lease(SlotId slot, int seats, Instant expiresAt) {
        String id = UUID.randomUUID().toString();
        pulled(Feed.SEAT_LEASE, id, row("id", id, "slotId", slot, "deviceId", deviceId, "seats", seats, "used", 0,
                "expiresAt", expiresAt.toString()));
    }

    /** A member let in at the door, as the pull brings it. */
    public void checkIn(MemberId member, Instant at) {
        UUID id = UUID.randomUUID();
        pulled(Feed.CHECK_IN, id.toString(), row("id", id, "memberId", member, "method", "QR", "decidedAt", at,
                "admitted", true, "reason", "OK"));
    }

    /** An open conflict the server raised, as the pull brings it (facts are a JSON text column). */
    public UUID conflict(String kind, String entityType, Object entityId, String factsJson, Instant createdAt) {
        UUID id = UUID.randomUUID();
        pulled(Feed.CONFLICT, id.toString(), row("id", id, "kind", kind, "entityType", entityType, "entityId", entityId,
                "facts", factsJson, "status", "OPEN", "createdAt", createdAt));
        return id;
    }

    /** Caches the demo staff logins, so the offline demo desk can be logged into. */
    public static void staff(Desk desk) {
        desk.staffLogins().remember(new StaffProfile(MANAGER, MANAGER_EMAIL, "Mia Manager", Role.MANAGER, false),
                STAFF_PASSWORD);
        desk.staffLogins().remember(new StaffProfile(FRONT_DESK, FRONT_DESK_EMAIL, "Felix Front", Role.FRONT_DESK,
                false), STAFF_PASSWORD);
    }

    /** The demo gym: a handful of members in every state the door knows, and a day of classes. */
    public static Seeded seed(DeskStore store, Instant now) {
        DemoGym gym = new DemoGym(store);
        LocalDate today = now.atZone(ZONE).toLocalDate();
        String monthly = gym.plan("Monthly unlimited", "RECURRING_MONTHLY");
        String pack = gym.plan("10-class pack", "CLASS_PACK");
        MemberId ada = gym.member("1001", "Ada", "Lovelace", "+49 30 1234561");
        gym.membership(ada, monthly, "ACTIVE", today.minusMonths(3), null, 0);
        MemberId grace = gym.member("1002", "Grace", "Hopper", "+49 30 1234562");
        gym.membership(grace, pack, "ACTIVE", today.minusMonths(1), null, 4);
        MemberId alan = gym.member("1003", "Alan", "Turing", "+49 30 1234563");
        gym.membership(alan, pack, "ACTIVE", today.minusMonths(2), null, 0);
        MemberId edsger = gym.member("1004", "Edsger", "Dijkstra", "+49 30 1234564");
        gym.membership(edsger, monthly, "FROZEN", today.minusMonths(6), null, 0);
        MemberId barbara = gym.member("1005", "Barbara", "Liskov", "+49 30 1234565");
        MembershipId barbaras = gym.membership(barbara, monthly, "EXPIRED", today.minusYears(1), today.minusDays(40), 0);
        MemberId margaret = gym.member("1006", "Margaret", "Hamilton", "+49 30 1234566");
        gym.membership(margaret, monthly, "ACTIVE", today.minusMonths(8), null, 0);

        SlotId spin = gym.slot("Spin 45", at(today, 7, 0), Duration.ofMinutes(45), 12, 9);
        gym.slot("Yoga flow", at(today, 9, 30), Duration.ofMinutes(60), 16, 5);
        SlotId hiit = gym.slot("HIIT", at(today, 12, 15), Duration.ofMinutes(30), 10, 10);
        gym.slot("Pilates", at(today, 17, 30), Duration.ofMinutes(50), 14, 12);
        SlotId boxing = gym.slot("Boxing basics", at(today, 19, 0), Duration.ofMinutes(60), 8, 3);
        gym.slot("PT with Marco", "PERSONAL_TRAINING", at(today, 11, 0), Duration.ofMinutes(60), 1, 0);
        gym.slot("Rowing machine 1", "EQUIPMENT", at(today, 14, 0), Duration.ofMinutes(30), 1, 1);
        // The rest of this week (Monday to Sunday), for the calendar: classes, personal training, a machine.
        LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        for (int d = 1; d <= 7; d++) {
            LocalDate day = monday.plusDays(d - 1);
            if (day.equals(today)) {
                continue;
            }
            gym.slot(d % 2 == 0 ? "Spin 45" : "Yoga flow", at(day, 7, 0), Duration.ofMinutes(45), 12, (3 * d) % 12);
            gym.slot("PT with Marco", "PERSONAL_TRAINING", at(day, 10, 0), Duration.ofMinutes(60), 1, d % 3 == 0 ? 1 : 0);
            gym.slot("Rowing machine 1", "EQUIPMENT", at(day, 13, 0), Duration.ofMinutes(30), 1, d % 2);
            gym.slot(d % 3 == 0 ? "HIIT" : "Pilates", at(day, 18, 0), Duration.ofMinutes(50), 14, (5 * d) % 15);
        }
        gym.lease(spin, 2, now.plus(Duration.ofHours(6)));
        gym.lease(boxing, 2, now.plus(Duration.ofHours(12)));
        // Earlier visitors of the day (members of their own, so the door tests start from a clean slate).
        MemberId hedy = gym.member("1007", "Hedy", "Lamarr", "+49 30 1234567");
        gym.membership(hedy, monthly, "ACTIVE", today.minusMonths(4), null, 0);
        MemberId donald = gym.member("1008", "Donald", "Knuth", "+49 30 1234568");
        gym.membership(donald, monthly, "ACTIVE", today.minusMonths(5), null, 0);
        MemberId radia = gym.member("1009", "Radia", "Perlman", "+49 30 1234569");
        gym.membership(radia, monthly, "ACTIVE", today.minusMonths(2), null, 0);
        gym.checkIn(hedy, now.minus(Duration.ofHours(5)));
        gym.checkIn(donald, now.minus(Duration.ofMinutes(70)));
        gym.checkIn(radia, now.minus(Duration.ofMinutes(25)));
        // Shaped as the server records them: ids, which the manager's screen turns into names.
        UUID lostBooking = UUID.randomUUID();
        gym.conflict("TENTATIVE_BOOKING_LOST", "Booking", lostBooking, "{\"bookingId\":\"" + lostBooking
                + "\",\"slotId\":\"" + hiit + "\",\"memberId\":\"" + alan + "\",\"refusal\":\"SLOT_FULL\","
                + "\"leaseId\":null,\"deviceId\":\"" + gym.deviceId + "\"}", now.minus(Duration.ofMinutes(40)));
        UUID graceEntry = UUID.randomUUID();
        gym.conflict("OFFLINE_ENTRY_ON_GRACE", "CheckIn", graceEntry, "{\"checkInId\":\"" + graceEntry
                + "\",\"memberId\":\"" + barbara + "\",\"membershipId\":\"" + barbaras + "\",\"deviceId\":\""
                + gym.deviceId + "\",\"decidedAt\":\"" + now.minus(Duration.ofMinutes(20)) + "\",\"onGrace\":true}",
                now.minus(Duration.ofMinutes(15)));
        return new Seeded(gym, ada, grace, alan, edsger, barbara, margaret, spin, hiit, boxing);
    }

    /** What {@link #seed} made, for tests and screenshots to act on. */
    public record Seeded(DemoGym gym, MemberId ada, MemberId grace, MemberId alan, MemberId edsger, MemberId barbara,
                         MemberId margaret, SlotId spin, SlotId hiit, SlotId boxing) {
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    private void pulled(String entityType, String id, Map<String, Object> data) {
        store.run(session -> mirror.apply(session, new SyncApi.Change(++position, entityType, id,
                SyncApi.ChangeKind.UPSERT, data)));
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            row.put((String) pairs[i], v instanceof Number || v instanceof Boolean || v == null ? v : v.toString());
        }
        return row;
    }
}
