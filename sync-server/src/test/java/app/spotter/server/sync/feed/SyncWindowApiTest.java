package app.spotter.server.sync.feed;

import app.spotter.server.support.MovableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.model.common.DeviceId;
import app.spotter.server.SpotterApp;
import app.spotter.server.auth.AccessTokens;
import app.spotter.server.bookings.BookingRecord;
import app.spotter.server.devices.DeviceRecord;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The schedule window of the feed: a desk gets the slots from yesterday to four weeks ahead, and a
 * slot that was beyond its window reaches it when the clock moves it inside, without a reset.
 */
class SyncWindowApiTest extends ServerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");


    private record Page(List<JsonNode> changes, long cursor, boolean hasMore, boolean reset, Instant from, Instant until) {
        Set<String> ids(String entityType) {
            Set<String> ids = new HashSet<>();
            changes.stream().filter(c -> entityType.equals(c.get("entityType").asText()))
                    .forEach(c -> ids.add(c.get("entityId").asText()));
            return ids;
        }
    }

    @Test
    void aSlotFiveWeeksOutIsNotPulledAndArrivesWhenTheClockMovesItInsideWithoutAReset() {
        MovableClock clock = new MovableClock(Instant.now());
        GymFixtures gym = new GymFixtures(server);
        String manager = server.login(Role.MANAGER);
        UUID location = gym.location("Europe/Berlin");
        long start = server.app().services().feed().position();
        UUID session = gym.classSession(manager, location, 10);
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        UUID tomorrow = gym.slot(manager, session, hour.plus(Duration.ofDays(1)), 60);
        UUID fiveWeeksOut = gym.slot(manager, session, hour.plus(Duration.ofDays(35)), 60);
        UUID waiting = waitlisted(fiveWeeksOut, hour.plus(Duration.ofDays(35)));
        UUID member = memberOf(waiting);

        try (SpotterApp sibling = server.startSibling(clock)) {
            ApiClient desk = new ApiClient(sibling.baseUrl());
            String device = device(location, clock);

            Page first = drain(desk, device, pull(desk, device, start, null));
            assertFalse(first.reset());
            assertTrue(first.ids("slot").contains(tomorrow.toString()), "tomorrow's slot is in the window");
            assertFalse(first.ids("slot").contains(fiveWeeksOut.toString()), "five weeks out is beyond it");
            assertFalse(first.ids("booking").contains(waiting.toString()), "and so is its waitlist");
            assertTrue(first.ids("member").contains(member.toString()), "members are not windowed");
            LocalDate today = clock.instant().atZone(BERLIN).toLocalDate();
            assertEquals(today.minusDays(1).atStartOfDay(BERLIN).toInstant(), first.from());
            assertEquals(today.plusWeeks(4).plusDays(1).atStartOfDay(BERLIN).toInstant(), first.until());
            Page quiet = first;

            clock.advance(Duration.ofDays(8));
            device = device(location, clock);
            Page catchUp = pull(desk, device, quiet.cursor(), quiet.until());
            assertFalse(catchUp.reset(), "a moving window needs no reset");
            assertTrue(catchUp.hasMore());
            assertEquals(quiet.cursor(), catchUp.cursor(), "a catch-up page leaves the cursor where it was");
            assertTrue(catchUp.ids("slot").contains(fiveWeeksOut.toString()), "the slot entered the window");
            assertTrue(catchUp.ids("booking").contains(waiting.toString()), "with its waitlist");
            assertFalse(catchUp.ids("slot").contains(tomorrow.toString()), "a week ago is no longer in it");

            Page after = pull(desk, device, catchUp.cursor(), catchUp.until());
            assertFalse(after.hasMore());
            assertEquals(catchUp.until(), after.until(), "the whole window is held now");
            assertEquals(clock.instant().atZone(BERLIN).toLocalDate().minusDays(1).atStartOfDay(BERLIN).toInstant(),
                    after.from());
        }
    }

    @Test
    void aLongCatchUpComesInPagesOfWholeStartTimesAndMissesNothing() {
        MovableClock clock = new MovableClock(Instant.now());
        GymFixtures gym = new GymFixtures(server);
        String manager = server.login(Role.MANAGER);
        UUID location = gym.location("Europe/Berlin");
        UUID session = gym.classSession(manager, location, 10);
        UUID twin = gym.classSession(manager, location, 10);
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Set<String> entering = new HashSet<>();
        for (int day = 0; day < 4; day++) {
            Instant at = hour.plus(Duration.ofDays(31 + day));
            entering.add(gym.slot(manager, session, at, 60).toString());
            entering.add(gym.slot(manager, twin, at, 60).toString()); // two slots at the same time
        }
        try (SpotterApp sibling = server.startSibling(clock)) {
            ApiClient desk = new ApiClient(sibling.baseUrl());
            String device = device(location, clock);
            long cursor = server.app().services().feed().position();
            Instant held = pull(desk, device, cursor, null).until();

            clock.advance(Duration.ofDays(10));
            device = device(location, clock);
            Set<String> arrived = new HashSet<>();
            int catchUpPages = 0;
            Page page;
            do {
                page = pull(desk, device, cursor, held, 3);
                assertFalse(page.reset());
                if (page.cursor() == cursor && page.hasMore()) {
                    catchUpPages++;
                    Set<String> slots = page.ids("slot");
                    assertTrue(slots.size() % 2 == 0, "both slots of a start time come together: " + slots);
                    for (String id : slots) {
                        assertTrue(arrived.add(id), "slot " + id + " came twice");
                    }
                }
                assertTrue(!page.until().isBefore(held), "the held window never shrinks here");
                held = page.until();
                cursor = page.cursor();
            } while (page.hasMore());
            assertTrue(arrived.containsAll(entering), "every slot that entered arrived: " + arrived);
            assertTrue(catchUpPages >= 4, "a page of three rows holds one start time: " + catchUpPages);
        }
    }

    @Test
    void aSnapshotForAResetHoldsTheSameWindowAsThePull() {
        GymFixtures gym = new GymFixtures(server);
        String manager = server.login(Role.MANAGER);
        UUID location = gym.location("Europe/Berlin");
        UUID session = gym.classSession(manager, location, 10);
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        UUID tomorrow = gym.slot(manager, session, hour.plus(Duration.ofDays(1)), 60);
        UUID fiveWeeksOut = gym.slot(manager, session, hour.plus(Duration.ofDays(35)), 60);
        UUID waiting = waitlisted(fiveWeeksOut, hour.plus(Duration.ofDays(35)));
        String device = device(location, Clock.systemUTC());

        Set<String> slots = snapshotIds(device, "slot");
        assertTrue(slots.contains(tomorrow.toString()));
        assertFalse(slots.contains(fiveWeeksOut.toString()), "the snapshot is of the window too");
        assertFalse(snapshotIds(device, "booking").contains(waiting.toString()));
        assertTrue(snapshotIds(device, "member").contains(memberOf(waiting).toString()), "members are not windowed");
        JsonNode window = api.get("/api/v1/sync/snapshot?entityType=slot&limit=1", device).body().get("window");
        Page pulled = pull(api, device, server.app().services().feed().position(), null);
        assertEquals(pulled.from(), Instant.parse(window.get("from").asText()));
        assertEquals(pulled.until(), Instant.parse(window.get("until").asText()));
    }

    private static Set<String> snapshotIds(String device, String entityType) {
        Set<String> ids = new HashSet<>();
        String after = "";
        for (int page = 0; page < 1000; page++) {
            ApiClient.Response r = api.get("/api/v1/sync/snapshot?entityType=" + entityType + "&limit=1000" + after, device);
            assertEquals(200, r.status(), r.toString());
            r.body().get("rows").forEach(row -> ids.add(row.get("id").asText()));
            JsonNode next = r.body().get("nextAfter");
            if (next == null || next.isNull()) {
                return ids;
            }
            after = "&after=" + next.asText();
        }
        throw new AssertionError("the snapshot never ended");
    }

    @Test
    void aMalformedHeldUntilIsRefusedWithTheField() {
        GymFixtures gym = new GymFixtures(server);
        String device = device(gym.location("Europe/Berlin"), Clock.systemUTC());
        ApiClient.Response r = api.get("/api/v1/sync/pull?after=0&heldUntil=tomorrow", device);
        assertEquals(400, r.status(), r.toString());
        assertEquals("heldUntil", r.body().get("field").asText());
    }

    /** Pages until the feed is quiet, each sent with the window the previous one left. */
    private static Page drain(ApiClient desk, String device, Page page) {
        Page last = page;
        List<JsonNode> all = new ArrayList<>(page.changes());
        while (last.hasMore()) {
            last = pull(desk, device, last.cursor(), last.until());
            all.addAll(last.changes());
        }
        return new Page(all, last.cursor(), false, false, last.from(), last.until());
    }

    private static Page pull(ApiClient desk, String device, long after, Instant heldUntil) {
        return pull(desk, device, after, heldUntil, 500);
    }

    private static Page pull(ApiClient desk, String device, long after, Instant heldUntil, int limit) {
        ApiClient.Response r = desk.get("/api/v1/sync/pull?after=" + after
                + (heldUntil == null ? "" : "&heldUntil=" + heldUntil) + "&limit=" + limit, device);
        assertEquals(200, r.status(), r.toString());
        JsonNode b = r.body();
        List<JsonNode> changes = new ArrayList<>();
        b.get("changes").forEach(changes::add);
        JsonNode w = b.get("window");
        return new Page(changes, b.get("cursor").asLong(), b.get("hasMore").asBoolean(),
                b.get("resetRequired").asBoolean(), w.isNull() ? null : Instant.parse(w.get("from").asText()),
                w.isNull() ? null : Instant.parse(w.get("until").asText()));
    }

    /** A waitlist place on the slot, written directly (the slot is beyond the booking window). */
    private static UUID waitlisted(UUID slot, Instant startsAt) {
        MemberRecord m = new MemberRecord();
        m.id = UUID.randomUUID();
        m.memberNumber = "W" + m.id.toString().substring(0, 8);
        m.firstName = "Far";
        m.lastName = "Ahead";
        m.createdAt = Instant.now();
        m.updatedAt = m.createdAt;
        BookingRecord b = new BookingRecord();
        b.id = UUID.randomUUID();
        b.slotId = slot;
        b.memberId = m.id;
        b.activeMemberId = m.id;
        b.status = "WAITLISTED";
        b.waitlistRank = 1L;
        b.startsAt = startsAt;
        b.endsAt = startsAt.plus(Duration.ofHours(1));
        b.createdAt = Instant.now();
        server.app().services().tx().run(s -> {
            s.persist(m);
            s.persist(b);
        });
        return b.id;
    }

    private static UUID memberOf(UUID booking) {
        return server.app().services().tx().inTransaction(s -> s.find(BookingRecord.class, booking).memberId);
    }

    private static String device(UUID locationId, Clock clock) {
        UUID id = server.app().services().tx().inTransaction(s -> s.createSelectionQuery(
                        "select d.id from DeviceRecord d where d.locationId = :l", UUID.class)
                .setParameter("l", locationId).getResultStream().findFirst().orElse(null));
        if (id == null) {
            DeviceRecord d = new DeviceRecord();
            d.id = UUID.randomUUID();
            d.name = "Window desk";
            d.kind = "DESK";
            d.locationId = locationId;
            d.secretHash = "not-used-by-these-tests";
            d.enrolledAt = Instant.now();
            server.app().services().tx().run(s -> s.persist(d));
            id = d.id;
        }
        return new AccessTokens(server.secrets().jwtSecret(), clock).issueDevice(new DeviceId(id));
    }
}
