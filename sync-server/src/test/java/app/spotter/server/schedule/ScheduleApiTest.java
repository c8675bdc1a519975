package app.spotter.server.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ScheduleApiTest extends ServerTest {

    private GymFixtures gym() {
        return new GymFixtures(server);
    }

    private record Trainer(String token, UUID userId) {
    }

    private Trainer trainer() {
        String token = server.login(Role.TRAINER);
        return new Trainer(token, UUID.fromString(api.get("/api/v1/me", token).text("id")));
    }

    private UUID trainerSession(Trainer t, UUID location) {
        Response r = api.post("/api/v1/sessions", Map.of("kind", "PERSONAL_TRAINING", "title", "PT with coach",
                "locationId", location), t.token());
        assertEquals(201, r.status(), r.toString());
        assertEquals(t.userId().toString(), r.text("trainerId"), "a trainer's session is theirs by default");
        assertEquals(1, r.body().get("capacity").asInt(), "personal training defaults to one seat");
        return UUID.fromString(r.text("id"));
    }

    private static Map<String, Object> single(Instant start, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofMinutes(minutes)).toString());
        return body;
    }

    private static Instant future(int days, int hourUtc) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days)).plus(Duration.ofHours(hourUtc));
    }

    @Test
    void aTrainerCannotBeInTwoOverlappingSlots() {
        Trainer t = trainer();
        UUID location = gym().location("Europe/Berlin");
        UUID first = trainerSession(t, location);
        UUID second = trainerSession(t, location);
        Instant ten = future(5, 10);

        assertEquals(201, api.post("/api/v1/sessions/" + first + "/slots", single(ten, 60), t.token()).status());
        Response overlap = api.post("/api/v1/sessions/" + second + "/slots", single(ten.plus(Duration.ofMinutes(30)), 60),
                t.token());
        assertEquals(409, overlap.status(), overlap.toString());
        assertEquals("OVERLAPPING_SLOT", overlap.code());
        // back to back is fine: ranges are half-open
        Response next = api.post("/api/v1/sessions/" + second + "/slots", single(ten.plus(Duration.ofMinutes(60)), 60),
                t.token());
        assertEquals(201, next.status(), next.toString());
    }

    @Test
    void concurrentOverlappingSlotsForOneTrainerLetExactlyOneThrough() throws Exception {
        Trainer t = trainer();
        UUID location = gym().location("Europe/Berlin");
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sessions.add(trainerSession(t, location));
        }
        Instant start = future(6, 9);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Response> responses = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                UUID session = sessions.get(i);
                Instant s = start.plus(Duration.ofMinutes(5L * i));
                Callable<Response> call = () -> {
                    go.await();
                    return api.post("/api/v1/sessions/" + session + "/slots", single(s, 60), t.token());
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, responses.stream().filter(r -> r.status() == 201).count(), responses::toString);
        assertEquals(7, responses.stream().filter(r -> r.status() == 409 && "OVERLAPPING_SLOT".equals(r.code())).count());
        assertEquals(1, gym().count("select count(*) from time_slot where trainer_id = ? and status = 'SCHEDULED'", t.userId()));
    }

    @Test
    void aMachineCannotBeInTwoOverlappingSlots() {
        String manager = server.login(Role.MANAGER);
        UUID location = gym().location("Europe/Berlin");
        UUID rower = gym().equipment(location);
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Response r = api.post("/api/v1/sessions", Map.of("kind", "EQUIPMENT", "title", "Rower time",
                    "locationId", location, "equipmentId", rower), manager);
            assertEquals(201, r.status(), r.toString());
            sessions.add(UUID.fromString(r.text("id")));
        }
        Instant start = future(4, 7);
        assertEquals(201, api.post("/api/v1/sessions/" + sessions.get(0) + "/slots", single(start, 30), manager).status());
        Response clash = api.post("/api/v1/sessions/" + sessions.get(1) + "/slots", single(start.plusSeconds(600), 30), manager);
        assertEquals(409, clash.status());
        assertEquals("OVERLAPPING_SLOT", clash.code());
    }

    @Test
    void anEquipmentSessionNeedsItsMachine() {
        Response r = api.post("/api/v1/sessions", Map.of("kind", "EQUIPMENT", "title", "Rower",
                "locationId", gym().location("Europe/Berlin")), server.login(Role.MANAGER));
        assertEquals(400, r.status());
        assertEquals("equipmentId", r.text("field"));
    }

    @Test
    void aTrainerCannotCreateSessionsForOthersNorChangeTheirs() {
        Trainer mine = trainer();
        Trainer other = trainer();
        UUID location = gym().location("Europe/Berlin");
        Response forOther = api.post("/api/v1/sessions", Map.of("kind", "CLASS", "title", "Yoga", "locationId", location,
                "trainerId", other.userId(), "capacity", 10), mine.token());
        assertEquals(403, forOther.status());
        assertEquals("FORBIDDEN", forOther.code());

        UUID othersSession = trainerSession(other, location);
        Response slot = api.post("/api/v1/sessions/" + othersSession + "/slots", single(future(3, 8), 60), mine.token());
        assertEquals(403, slot.status());
        assertEquals(403, api.put("/api/v1/sessions/" + othersSession, Map.of("title", "Mine now"), mine.token()).status());
        assertEquals(403, api.delete("/api/v1/sessions/" + othersSession, mine.token()).status());
        assertEquals(403, api.post("/api/v1/sessions", Map.of("kind", "CLASS", "title", "x", "locationId", location,
                "capacity", 3), server.login(Role.MEMBER)).status());
    }

    @Test
    void aSessionIsReadWithItsSlotsAndListedByTrainer() {
        Trainer t = trainer();
        UUID session = trainerSession(t, gym().location("Asia/Kolkata"));
        Response slot = api.post("/api/v1/sessions/" + session + "/slots",
                Map.of("startsAt", "2027-01-05T07:30", "endsAt", "2027-01-05T08:30"), t.token());
        assertEquals(201, slot.status(), slot.toString());
        // a time without offset is on the location's clock
        assertEquals(OffsetDateTime.parse("2027-01-05T07:30+05:30"),
                OffsetDateTime.parse(slot.body().get(0).get("startsAt").asText()));

        Response detail = api.get("/api/v1/sessions/" + session, t.token());
        assertEquals(200, detail.status());
        assertEquals(1, detail.body().get("slots").size());
        assertEquals("Asia/Kolkata", detail.body().get("session").get("zoneId").asText());
        Response mine = api.get("/api/v1/sessions?trainerId=" + t.userId(), server.login(Role.FRONT_DESK));
        assertEquals(1, mine.body().size());
        assertEquals(session.toString(), mine.body().get(0).get("id").asText());
    }

    @Test
    void aWeeklyClassStaysAtSixInTheEveningBerlinTimeAcrossTheSpringChange() {
        String manager = server.login(Role.MANAGER);
        UUID session = gym().classSession(manager, gym().location("Europe/Berlin"), 12);
        Response r = api.post("/api/v1/sessions/" + session + "/slots", Map.of("weekly", Map.of("dayOfWeek", "MONDAY",
                "startTime", "18:00", "durationMinutes", 60, "from", "2026-03-16", "until", "2026-04-06")), manager);
        assertEquals(201, r.status(), r.toString());
        assertEquals(List.of("2026-03-16T18:00+01:00", "2026-03-23T18:00+01:00", "2026-03-30T18:00+02:00",
                "2026-04-06T18:00+02:00"), starts(r.body()));
        assertEquals(List.of("2026-03-16T17:00Z", "2026-03-23T17:00Z", "2026-03-30T16:00Z", "2026-04-06T16:00Z"),
                startsUtc(r.body()));

        Response ny = api.get("/api/v1/slots?sessionId=" + session
                + "&from=2026-03-01T00:00:00Z&to=2026-05-01T00:00:00Z&tz=America/New_York", manager);
        assertEquals(200, ny.status(), ny.toString());
        // New York moved to -04:00 on 8 March already: the studio's change shows as 13:00 -> 12:00
        assertEquals(List.of("2026-03-16T13:00-04:00", "2026-03-23T13:00-04:00", "2026-03-30T12:00-04:00",
                "2026-04-06T12:00-04:00"), starts(ny.body()));
        assertEquals("Europe/Berlin", ny.body().get(0).get("zoneId").asText());
    }

    @Test
    void aWeeklyClassStaysAtSixInTheEveningBerlinTimeAcrossTheAutumnChange() {
        String manager = server.login(Role.MANAGER);
        UUID session = gym().classSession(manager, gym().location("Europe/Berlin"), 12);
        Response r = api.post("/api/v1/sessions/" + session + "/slots", Map.of("weekly", Map.of("dayOfWeek", "MONDAY",
                "startTime", "18:00", "durationMinutes", 60, "from", "2026-10-19", "until", "2026-11-09")), manager);
        assertEquals(201, r.status(), r.toString());
        assertEquals(List.of("2026-10-19T18:00+02:00", "2026-10-26T18:00+01:00", "2026-11-02T18:00+01:00",
                "2026-11-09T18:00+01:00"), starts(r.body()));
        assertEquals(List.of("2026-10-19T16:00Z", "2026-10-26T17:00Z", "2026-11-02T17:00Z", "2026-11-09T17:00Z"),
                startsUtc(r.body()));

        Response ny = api.get("/api/v1/slots?sessionId=" + session
                + "&from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z&tz=America/New_York", manager);
        // Europe changes on 25 October, New York on 1 November: a week where the gap is five hours
        assertEquals(List.of("2026-10-19T12:00-04:00", "2026-10-26T13:00-04:00", "2026-11-02T12:00-05:00",
                "2026-11-09T12:00-05:00"), starts(ny.body()));
    }

    @Test
    void slotsListSeatsLeftAndTheWaitlist() {
        GymFixtures gym = gym();
        String manager = server.login(Role.MANAGER);
        UUID location = gym.location("Europe/Berlin");
        UUID session = gym.classSession(manager, location, 1);
        Instant start = future(2, 9);
        UUID slot = gym.slot(manager, session, start, 45);
        GymFixtures.Member first = gym.memberWithUnlimitedPlan();
        GymFixtures.Member second = gym.memberWithUnlimitedPlan();
        assertEquals(201, api.post("/api/v1/bookings", Map.of("slotId", slot), first.token()).status());
        assertEquals(201, api.post("/api/v1/bookings", Map.of("slotId", slot, "waitlist", true), second.token()).status());

        Response r = api.get("/api/v1/slots?locationId=" + location + "&from=" + start.minusSeconds(3600)
                + "&to=" + start.plusSeconds(3600), first.token());
        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.body().size());
        JsonNode s = r.body().get(0);
        assertEquals("Spin", s.get("title").asText());
        assertEquals("CLASS", s.get("kind").asText());
        assertEquals(1, s.get("capacity").asInt());
        assertEquals(1, s.get("seatsTaken").asInt());
        assertEquals(0, s.get("seatsLeft").asInt());
        assertEquals(1, s.get("waitlisted").asInt());
    }

    @Test
    void cancellingASlotCancelsItsBookingsAndRefundsCredits() {
        GymFixtures gym = gym();
        String manager = server.login(Role.MANAGER);
        UUID slot = gym.classSlot(manager, 5, future(3, 10));
        GymFixtures.Member m = gym.member();
        UUID pack = gym.membership(m.memberId(), gym.plan(app.spotter.model.membership.PlanKind.CLASS_PACK, 10), 10);
        Response booked = api.post("/api/v1/bookings", Map.of("slotId", slot), m.token());
        assertEquals(201, booked.status(), booked.toString());
        assertEquals(9, gym.creditBalance(pack));

        Response cancelled = api.post("/api/v1/slots/" + slot + "/cancel", Map.of(), manager);
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("CANCELLED", cancelled.text("status"));
        assertEquals(10, gym.creditBalance(pack));
        assertEquals("CANCELLED", api.get("/api/v1/bookings/" + booked.text("id"), m.token()).text("status"));
        assertEquals(0, gym.count("select seats_taken from time_slot where id = ?", slot));
        Response again = api.post("/api/v1/bookings", Map.of("slotId", slot), m.token());
        assertEquals(422, again.status());
        assertEquals("SLOT_CANCELLED", again.code());
    }

    @Test
    void deletingASessionCancelsItsFutureSlotsAndBookings() {
        GymFixtures gym = gym();
        String manager = server.login(Role.MANAGER);
        UUID session = gym.classSession(manager, gym.location("Europe/Berlin"), 5);
        UUID slot = gym.slot(manager, session, future(2, 12), 60);
        GymFixtures.Member m = gym.memberWithUnlimitedPlan();
        Response booked = api.post("/api/v1/bookings", Map.of("slotId", slot), m.token());
        assertEquals(201, booked.status());

        assertEquals(204, api.delete("/api/v1/sessions/" + session, manager).status());
        assertEquals(404, api.get("/api/v1/sessions/" + session, manager).status());
        assertEquals("CANCELLED", api.get("/api/v1/slots/" + slot, manager).text("status"));
        assertEquals("CANCELLED", api.get("/api/v1/bookings/" + booked.text("id"), m.token()).text("status"));
        assertEquals(1, gym.count("select count(*) from gym_session where id = ? and deleted_at is not null", session));
    }

    @Test
    void raisingTheCapacitySeatsTheWaitlistAndLoweringBelowTheBookingsIsRefused() {
        GymFixtures gym = gym();
        String manager = server.login(Role.MANAGER);
        UUID session = gym.classSession(manager, gym.location("Europe/Berlin"), 1);
        UUID slot = gym.slot(manager, session, future(2, 15), 60);
        GymFixtures.Member first = gym.memberWithUnlimitedPlan();
        GymFixtures.Member second = gym.memberWithUnlimitedPlan();
        assertEquals(201, api.post("/api/v1/bookings", Map.of("slotId", slot), first.token()).status());
        Response waiting = api.post("/api/v1/bookings", Map.of("slotId", slot, "waitlist", true), second.token());
        assertEquals("WAITLISTED", waiting.text("status"));

        Response up = api.put("/api/v1/sessions/" + session, Map.of("capacity", 2, "title", "Spin 45"), manager);
        assertEquals(200, up.status(), up.toString());
        assertEquals("Spin 45", up.text("title"));
        assertEquals("BOOKED", api.get("/api/v1/bookings/" + waiting.text("id"), second.token()).text("status"));

        Response down = api.put("/api/v1/sessions/" + session, Map.of("capacity", 1), manager);
        assertEquals(409, down.status());
        assertEquals("CAPACITY_BELOW_BOOKINGS", down.code());
    }

    @Test
    void malformedSlotRequestsAreRefusedWithTheField() {
        String manager = server.login(Role.MANAGER);
        UUID session = gym().classSession(manager, gym().location("Europe/Berlin"), 5);
        String path = "/api/v1/sessions/" + session + "/slots";

        Response reversed = api.post(path, Map.of("startsAt", "2027-02-01T10:00:00Z", "endsAt", "2027-02-01T09:00:00Z"), manager);
        assertEquals(400, reversed.status());
        assertEquals("endsAt", reversed.text("field"));

        Response garbage = api.post(path, Map.of("startsAt", "tomorrow", "endsAt", "2027-02-01T09:00:00Z"), manager);
        assertEquals(400, garbage.status());
        assertEquals("startsAt", garbage.text("field"));

        Response unknown = api.post(path, Map.of("startsAt", "2027-02-01T10:00:00Z", "endsAt", "2027-02-01T11:00:00Z",
                "room", "A"), manager);
        assertEquals(400, unknown.status());
        assertEquals("room", unknown.text("field"));

        Response badDay = api.post(path, Map.of("weekly", Map.of("dayOfWeek", "FUNDAY", "startTime", "18:00",
                "durationMinutes", 60, "from", "2027-01-01", "until", "2027-02-01")), manager);
        assertEquals(400, badDay.status());
        assertEquals("weekly.dayOfWeek", badDay.text("field"));

        Response wrongType = api.post(path, Map.of("weekly", Map.of("dayOfWeek", "MONDAY", "startTime", "18:00",
                "durationMinutes", "an hour", "from", "2027-01-01", "until", "2027-02-01")), manager);
        assertEquals(400, wrongType.status());
        assertEquals("weekly.durationMinutes", wrongType.text("field"));

        Response both = api.post(path, Map.of("startsAt", "2027-02-01T10:00:00Z", "endsAt", "2027-02-01T11:00:00Z",
                "weekly", Map.of("dayOfWeek", "MONDAY")), manager);
        assertEquals(400, both.status());

        Response badPath = api.post("/api/v1/sessions/not-an-id/slots", Map.of(), manager);
        assertEquals(400, badPath.status());
        assertEquals("id", badPath.text("field"));

        Response badTz = api.get("/api/v1/slots?tz=Mars/Olympus", manager);
        assertEquals(400, badTz.status());
        assertEquals("tz", badTz.text("field"));
        assertTrue(api.get("/api/v1/slots?locationId=nope", manager).status() == 400);
    }

    private static List<String> starts(JsonNode slots) {
        List<String> out = new ArrayList<>();
        slots.forEach(s -> out.add(OffsetDateTime.parse(s.get("startsAt").asText()).toString()));
        return out;
    }

    private static List<String> startsUtc(JsonNode slots) {
        List<String> out = new ArrayList<>();
        slots.forEach(s -> out.add(OffsetDateTime.parse(s.get("startsAt").asText())
                .withOffsetSameInstant(java.time.ZoneOffset.UTC).toString()));
        return out;
    }
}
