package app.spotter.server.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Need to know: a trainer sees the members booked into their own sessions, with their health
 * notes (every read audited), and nobody else; a member outside that answers 404 like an unknown
 * one. Managers and the front desk keep seeing the whole gym, and their health-note reads are
 * audited too.
 */
class MemberVisibilityApiTest extends ServerTest {

    private static final String PASSWORD = "test-password-1";

    private record Arranged(String admin, String trainer, UUID trainerId, String tag, UUID location, UUID ownSession,
                            UUID ownSlot, UUID otherSession, UUID otherSlot, UUID mine, UUID notMine, UUID nobodys,
                            UUID notMineBooking) {
    }

    private Arranged arrange() {
        String admin = server.login(Role.ADMIN);
        String trainer = server.login(Role.TRAINER);
        UUID trainerId = UUID.fromString(api.get("/api/v1/me", trainer).text("id"));
        UUID otherTrainer = id(api.post("/api/v1/staff", Map.of("email", "other-" + UUID.randomUUID().toString()
                .substring(0, 8) + "@test.spotter.app", "password", PASSWORD, "name", "Other Trainer", "role", "TRAINER"), admin));
        String tag = "Vis" + UUID.randomUUID().toString().substring(0, 6);
        UUID location = id(api.post("/api/v1/locations", Map.of("name", tag + " Club", "timezone", "Europe/Berlin"), admin));
        UUID plan = id(api.post("/api/v1/plans", Map.of("name", tag + " Monthly", "kind", "RECURRING_MONTHLY",
                "priceMinor", 4900, "currency", "EUR"), admin));
        UUID ownSession = session(admin, location, trainerId);
        UUID otherSession = session(admin, location, otherTrainer);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2))
                .plus(Duration.ofMinutes(new java.util.Random().nextInt(1000) * 3L));
        UUID ownSlot = slot(admin, ownSession, start);
        UUID otherSlot = slot(admin, otherSession, start.plus(Duration.ofHours(2)));
        UUID mine = member(admin, tag, plan);
        UUID notMine = member(admin, tag, plan);
        UUID nobodys = member(admin, tag, plan);
        id(api.post("/api/v1/bookings", Map.of("slotId", ownSlot, "memberId", mine), admin));
        UUID notMineBooking = id(api.post("/api/v1/bookings", Map.of("slotId", otherSlot, "memberId", notMine), admin));
        return new Arranged(admin, trainer, trainerId, tag, location, ownSession, ownSlot, otherSession, otherSlot,
                mine, notMine, nobodys, notMineBooking);
    }

    private UUID session(String admin, UUID location, UUID trainer) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", "CLASS", "title", "Spin", "locationId", location,
                "capacity", 10, "trainerId", trainer));
        return id(api.post("/api/v1/sessions", body, admin));
    }

    private UUID slot(String admin, UUID session, Instant start) {
        Response r = api.post("/api/v1/sessions/" + session + "/slots", Map.of("startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(1)).toString()), admin);
        assertEquals(201, r.status(), r.toString());
        return UUID.fromString(r.body().get(0).get("id").asText());
    }

    private UUID member(String admin, String tag, UUID plan) {
        UUID m = id(api.post("/api/v1/members", Map.of("firstName", tag, "lastName", UUID.randomUUID().toString()
                .substring(0, 8), "healthNotes", "Asthma; inhaler in locker 7"), admin));
        id(api.post("/api/v1/members/" + m + "/memberships", Map.of("planId", plan,
                "startsOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()), admin));
        return m;
    }

    private static UUID id(Response r) {
        if (r.status() < 200 || r.status() > 299) {
            throw new AssertionError("Arranging failed: " + r);
        }
        return UUID.fromString(r.text("id"));
    }

    private static Set<String> ids(JsonNode list, String field) {
        Set<String> ids = new HashSet<>();
        for (JsonNode n : list) {
            JsonNode v = n.get(field);
            if (v != null && !v.isNull()) {
                ids.add(v.isObject() ? v.get("id").asText() : v.asText());
            }
        }
        return ids;
    }

    private static void assertHidden(Response r) {
        assertEquals(404, r.status(), r.toString());
        assertEquals("NOT_FOUND", r.code(), r.toString());
    }

    @Test
    void aTrainerFindsOnlyTheMembersBookedIntoTheirOwnSessions() {
        Arranged a = arrange();
        Response list = api.get("/api/v1/members?q=" + a.tag() + "&limit=100", a.trainer());
        assertEquals(200, list.status(), list.toString());
        assertEquals(Set.of(a.mine().toString()), ids(list.body(), "id"), list.toString());
        // the front desk still finds everyone
        Response desk = api.get("/api/v1/members?q=" + a.tag() + "&limit=100", server.login(Role.FRONT_DESK));
        assertEquals(Set.of(a.mine().toString(), a.notMine().toString(), a.nobodys().toString()), ids(desk.body(), "id"));
    }

    @Test
    void aMemberOutsideTheTrainersSessionsIsNotFoundOnEveryRoute() {
        Arranged a = arrange();
        String t = a.trainer();
        for (UUID other : List.of(a.notMine(), a.nobodys())) {
            String m = "/api/v1/members/" + other;
            assertHidden(api.get(m, t));
            assertHidden(api.get(m + "/attendance", t));
            assertHidden(api.get(m + "/memberships", t));
            assertHidden(api.get(m + "/bookings?scope=upcoming", t));
        }
        assertHidden(api.get("/api/v1/bookings/" + a.notMineBooking(), t));
        assertHidden(api.get("/api/v1/slots/" + a.otherSlot() + "/bookings", t));
        assertHidden(api.get("/api/v1/sessions/" + a.otherSession() + "/feedback", t));

        // their own member, everywhere
        String m = "/api/v1/members/" + a.mine();
        Response own = api.get(m, t);
        assertEquals(200, own.status(), own.toString());
        assertEquals("Asthma; inhaler in locker 7", own.text("healthNotes"));
        assertEquals(200, api.get(m + "/attendance", t).status());
        assertEquals(200, api.get(m + "/memberships", t).status());
        assertEquals(200, api.get(m + "/bookings?scope=upcoming", t).status());
        Response slotBookings = api.get("/api/v1/slots/" + a.ownSlot() + "/bookings", t);
        assertEquals(200, slotBookings.status(), slotBookings.toString());
        assertEquals(Set.of(a.mine().toString()), ids(slotBookings.body(), "memberId"));
        assertEquals(200, api.get("/api/v1/sessions/" + a.ownSession() + "/feedback", t).status());
    }

    @Test
    void aTrainerSeesTheCheckInsOfTheirOwnMembersOnly() {
        Arranged a = arrange();
        for (UUID m : List.of(a.mine(), a.notMine(), a.nobodys())) {
            Response r = api.post("/api/v1/check-ins", Map.of("method", "STAFF", "memberId", m.toString(),
                    "locationId", a.location().toString()), a.admin());
            assertEquals(201, r.status(), r.toString());
        }
        for (String path : List.of("/api/v1/check-ins?locationId=", "/api/v1/check-ins/present?locationId=")) {
            Response r = api.get(path + a.location(), a.trainer());
            assertEquals(200, r.status(), r.toString());
            assertEquals(Set.of(a.mine().toString()), ids(r.body(), "member"), path + ": " + r);
            Response desk = api.get(path + a.location(), server.login(Role.FRONT_DESK));
            assertEquals(3, ids(desk.body(), "member").size(), desk.toString());
        }
    }

    @Test
    void everyApiReadOfHealthNotesIsAudited() {
        Arranged a = arrange();
        assertEquals(200, api.get("/api/v1/members/" + a.mine(), a.trainer()).status());
        String manager = server.login(Role.MANAGER);
        assertEquals(200, api.get("/api/v1/members/" + a.nobodys(), manager).status());
        Map<String, String> readers = new java.util.HashMap<>();
        for (JsonNode e : api.get("/api/v1/audit?limit=200&entityType=Member", a.admin()).body().get("entries")) {
            if (e.get("action").asText().equals("HEALTH_NOTES_READ")) {
                readers.merge(e.get("entityId").asText(), e.get("actorRole").asText(), (x, y) -> x + "," + y);
            }
        }
        assertEquals("TRAINER", readers.get(a.mine().toString()), readers.toString());
        assertEquals("MANAGER", readers.get(a.nobodys().toString()), readers.toString());
        assertFalse(readers.containsKey(a.notMine().toString()), readers.toString());
    }

    @Test
    void aTrainerAtADeskReadsHealthNotesOfTheirOwnMembersOnly() {
        Arranged a = arrange();
        String code = api.post("/api/v1/devices/pairing-codes", Map.of("locationId", a.location()), a.admin()).text("code");
        Response device = api.post("/api/v1/devices/enroll", Map.of("pairingCode", code, "name", a.tag() + " Desk",
                "kind", "FRONT_DESK"), null);
        assertEquals(201, device.status(), device.toString());
        String token = api.post("/api/v1/devices/token", Map.of("deviceId", device.text("deviceId"),
                "deviceSecret", device.text("deviceSecret")), null).text("accessToken");
        // the trainer logged in at this desk, which proves it (decision 0013)
        var actors = new app.spotter.server.support.DeskActors(api);
        actors.staff(a.trainer());
        UUID deviceId = UUID.fromString(device.text("deviceId"));
        Response own = actors.healthNotes(token, deviceId, a.trainerId(), a.mine());
        assertEquals(200, own.status(), own.toString());
        assertTrue(own.raw().contains("inhaler"), own.raw());
        assertHidden(actors.healthNotes(token, deviceId, a.trainerId(), a.notMine()));
    }
}
