package app.spotter.server.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.SpotterApp;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.GymFixtures.Member;
import app.spotter.server.support.ServerTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Many members racing for few seats, over real HTTP: the seat count never goes over the capacity. */
class BookingStampedeTest extends ServerTest {

    private static final int MEMBERS = 300;
    private static final int CAPACITY = 20;

    private Instant inTwoDays() {
        return Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
    }

    /** Fires all requests at once from 32 threads and returns the responses in order. */
    private static <T> List<Response> fire(List<T> inputs, Function<T, Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (T input : inputs) {
                Callable<Response> call = () -> {
                    go.await();
                    return request.apply(input);
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Response> responses, int status, String field, String value) {
        return responses.stream().filter(r -> r.status() == status && value.equals(r.text(field))).count();
    }

    private static void assertNoServerErrors(List<Response> responses) {
        List<Response> errors = responses.stream().filter(r -> r.status() >= 500).toList();
        assertTrue(errors.isEmpty(), () -> "server errors: " + errors);
    }

    private record Stampede(GymFixtures gym, UUID slot, List<Member> members) {
    }

    private Stampede stampede() {
        GymFixtures gym = new GymFixtures(server);
        UUID slot = gym.classSlot(server.login(Role.MANAGER), CAPACITY, inTwoDays());
        List<Member> members = gym.bulkMembers(MEMBERS, gym.plan(PlanKind.RECURRING_MONTHLY, null));
        return new Stampede(gym, slot, members);
    }

    private static Map<String, Object> booking(UUID slot, boolean waitlist) {
        return Map.of("slotId", slot, "waitlist", waitlist);
    }

    private void assertExactlyCapacityBooked(Stampede s) {
        assertEquals(CAPACITY, s.gym().count("select seats_taken from time_slot where id = ?", s.slot()));
        assertEquals(CAPACITY, s.gym().count("select count(*) from booking where slot_id = ? and status = 'BOOKED'", s.slot()));
    }

    @Test
    void threeHundredMembersRacingForTwentySeatsGetExactlyTwentyAndTheRestSlotFull() throws Exception {
        Stampede s = stampede();
        List<Response> responses = fire(s.members(), m -> api.post("/api/v1/bookings", booking(s.slot(), false), m.token()));

        assertNoServerErrors(responses);
        assertEquals(CAPACITY, count(responses, 201, "status", "BOOKED"), responses::toString);
        assertEquals(MEMBERS - CAPACITY, count(responses, 409, "code", "SLOT_FULL"));
        assertExactlyCapacityBooked(s);
        assertEquals(0, s.gym().count("select count(*) from booking where slot_id = ? and status <> 'BOOKED'", s.slot()));
    }

    @Test
    void threeHundredMembersAskingForTheWaitlistGetTwentySeatsAndTwoHundredEightyRankedPlaces() throws Exception {
        Stampede s = stampede();
        List<Response> responses = fire(s.members(), m -> api.post("/api/v1/bookings", booking(s.slot(), true), m.token()));

        assertNoServerErrors(responses);
        assertEquals(CAPACITY, count(responses, 201, "status", "BOOKED"));
        assertEquals(MEMBERS - CAPACITY, count(responses, 201, "status", "WAITLISTED"));
        assertExactlyCapacityBooked(s);
        // every waitlist place has its own rank, 1..280
        assertEquals(MEMBERS - CAPACITY, s.gym().count(
                "select count(distinct waitlist_rank) from booking where slot_id = ? and status = 'WAITLISTED'", s.slot()));
        assertEquals(MEMBERS - CAPACITY, s.gym().count(
                "select max(waitlist_rank) from booking where slot_id = ? and status = 'WAITLISTED'", s.slot()));
    }

    @Test
    void theStampedeSplitOverTwoServersOnOneDatabaseStillSeatsExactlyTwenty() throws Exception {
        Stampede s = stampede();
        try (SpotterApp sibling = server.startSibling(Clock.systemUTC())) {
            ApiClient other = new ApiClient(sibling.baseUrl());
            List<Integer> indexes = java.util.stream.IntStream.range(0, MEMBERS).boxed().toList();
            List<Response> responses = fire(indexes, i -> (i % 2 == 0 ? api : other)
                    .post("/api/v1/bookings", booking(s.slot(), false), s.members().get(i).token()));

            assertNoServerErrors(responses);
            assertEquals(CAPACITY, count(responses, 201, "status", "BOOKED"));
            assertEquals(MEMBERS - CAPACITY, count(responses, 409, "code", "SLOT_FULL"));
            assertExactlyCapacityBooked(s);
        }
    }

    @Test
    void oneMemberFiringTwentyBookingsOnOverlappingSlotsGetsExactlyOneSeat() throws Exception {
        GymFixtures gym = new GymFixtures(server);
        String manager = server.login(Role.MANAGER);
        UUID session = gym.classSession(manager, gym.location("Europe/Berlin"), 10);
        Instant base = inTwoDays();
        List<UUID> slots = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            slots.add(gym.slot(manager, session, base.plus(Duration.ofMinutes(2L * i)), 60));
        }
        Member member = gym.memberWithUnlimitedPlan();

        List<Response> responses = fire(slots, slot -> api.post("/api/v1/bookings", booking(slot, false), member.token()));

        assertNoServerErrors(responses);
        assertEquals(1, count(responses, 201, "status", "BOOKED"), responses::toString);
        assertEquals(19, count(responses, 409, "code", "OVERLAPPING_BOOKING"));
        assertEquals(1, gym.count("select count(*) from booking where member_id = ? and status = 'BOOKED'", member.memberId()));
    }
}
