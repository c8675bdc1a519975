package app.spotter.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fitness-studio API walked through exactly as the seed's README describes it: register,
 * log in, refresh, create/update/delete sessions as an instructor, public listings with seats,
 * bookings by clients with the refusals the seed names, all times in the caller's zone.
 */
class FitnessStudioWalkthroughTest extends ServerTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@studio.example";
    }

    private Response register(String email, String role, String timezone) {
        var body = new java.util.HashMap<String, Object>(Map.of("email", email, "password", "pass-word-1", "name",
                role.equals("instructor") ? "Priya Instructor" : "Carl Client", "role", role));
        if (timezone != null) {
            body.put("timezone", timezone);
        }
        return api.post("/api/register/", body, null);
    }

    /**
     * The gym's free trial, as the demo gym has one: a client registered here is a member on it and
     * can book (without it a new client has no membership).
     */
    @BeforeEach
    void theGymOffersAFreeTrial() {
        Response plan = api.post("/api/v1/plans", Map.of("name", "Studio trial " + UUID.randomUUID().toString().substring(0, 6),
                "kind", "TRIAL", "priceMinor", 0, "currency", "INR", "durationDays", 14, "freeTrial", true),
                server.login(Role.ADMIN));
        assertEquals(201, plan.status(), plan.toString());
    }

    /** The added step: a manager approves an instructor who registered (STAFF_MANAGE). */
    private void approve(String email) {
        String manager = server.login(Role.MANAGER);
        String id = null;
        for (JsonNode p : api.get("/api/v1/staff/pending", manager).body()) {
            if (p.get("email").asText().equals(email)) {
                id = p.get("id").asText();
            }
        }
        assertNotNull(id, "the instructor waits for approval");
        Response approved = api.post("/api/v1/staff/" + id + "/approve", null, manager);
        assertEquals(200, approved.status(), approved.toString());
    }

    private String login(String email) {
        Response r = api.post("/api/login/", Map.of("email", email, "password", "pass-word-1"), null);
        assertEquals(200, r.status(), r.toString());
        assertNotNull(r.text("refresh"));
        return r.text("access");
    }

    /** A slot input in the studio's local time, without offset, as the seed writes them. */
    private static Map<String, Object> slot(LocalDateTime start, int minutes, int capacity) {
        return Map.of("start_time", start.toString(), "end_time", start.plusMinutes(minutes).toString(), "capacity", capacity);
    }

    private static LocalDateTime inDays(int days, int hour) {
        return LocalDate.now(IST).plusDays(days).atTime(hour, 0);
    }

    private JsonNode createSession(String instructorToken, String title, List<Map<String, Object>> slots) {
        Response r = api.post("/api/sessions/create/", Map.of("title", title, "description", "Bring a mat", "time_slots", slots),
                instructorToken);
        assertEquals(201, r.status(), r.toString());
        return r.body();
    }

    @Test
    void theSeedsReadmeWalkthrough() {
        // Authentication: register (instructor, client), login, refresh
        String instructorEmail = unique("instructor");
        Response reg = register(instructorEmail, "instructor", null);
        assertEquals(202, reg.status(), reg.toString());
        assertEquals("instructor", reg.text("role"));
        assertEquals("Asia/Kolkata", reg.text("timezone"));
        assertEquals("pending_approval", reg.text("status"));
        assertNull(reg.text("access"), "an instructor waits for approval without a token");
        approve(instructorEmail);
        String clientEmail = unique("client");
        Response client201 = register(clientEmail, "client", "America/New_York");
        assertEquals(201, client201.status(), client201.toString());
        assertNotNull(client201.text("access"));

        String instructor = login(instructorEmail);
        String client = login(clientEmail);
        Response refreshed = api.post("/api/refresh-token/",
                Map.of("refresh", api.post("/api/login/", Map.of("email", clientEmail, "password", "pass-word-1"), null).text("refresh")), null);
        assertEquals(200, refreshed.status(), refreshed.toString());
        assertNotNull(refreshed.text("access"));

        // Sessions: create with time slots (times without offset are IST)
        LocalDateTime start = inDays(2, 7);
        JsonNode session = createSession(instructor, "Sunrise Yoga", List.of(slot(start, 60, 2), slot(inDays(3, 7), 60, 2)));
        String sessionId = session.get("id").asText();
        assertEquals("Sunrise Yoga", session.get("title").asText());
        assertEquals(2, session.get("time_slots").size());
        JsonNode first = session.get("time_slots").get(0);
        assertEquals(start.atZone(IST).toOffsetDateTime(), OffsetDateTime.parse(first.get("start_time").asText()));
        assertEquals(2, first.get("available_seats").asInt());
        assertEquals(0, first.get("booked_seats").asInt());

        // Update (only the owning instructor)
        Response updated = api.put("/api/sessions/" + sessionId + "/update/", Map.of("title", "Sunrise Yoga Flow"), instructor);
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("Sunrise Yoga Flow", updated.text("title"));
        String otherInstructor = login(registered(unique("other"), "instructor"));
        assertEquals(403, api.put("/api/sessions/" + sessionId + "/update/", Map.of("title", "Mine now"), otherInstructor).status());

        // Public listing, no auth, with capacity, booked and available seats
        Response pub = api.get("/api/public/sessions/", null);
        assertEquals(200, pub.status(), pub.toString());
        JsonNode listed = find(pub.body(), sessionId);
        assertNotNull(listed, "the new session is listed publicly");
        assertEquals("Priya Instructor", listed.get("instructor").get("name").asText());
        assertEquals(2, listed.get("time_slots").get(0).get("capacity").asInt());
        assertEquals(200, api.get("/api/public/sessions/" + sessionId + "/", null).status());

        // Instructor's own list
        Response mine = api.get("/api/sessions/instructor/", instructor);
        assertEquals(200, mine.status());
        assertNotNull(find(mine.body(), sessionId));

        // Bookings: a client books, the seat count moves, booking twice is refused
        String slotId = first.get("id").asText();
        Response booked = api.post("/api/bookings/", Map.of("time_slot_id", slotId), client);
        assertEquals(201, booked.status(), booked.toString());
        assertEquals("booked", booked.text("status"));
        // the client's zone is America/New_York: the answer is in that offset
        OffsetDateTime bookedStart = OffsetDateTime.parse(booked.text("start_time"));
        assertEquals(start.atZone(IST).withZoneSameInstant(ZoneId.of("America/New_York")).getOffset(), bookedStart.getOffset());
        assertEquals(start.atZone(IST).toInstant(), bookedStart.toInstant());

        Response twice = api.post("/api/bookings/", Map.of("time_slot_id", slotId), client);
        assertEquals(409, twice.status());
        assertEquals("ALREADY_BOOKED", twice.code());

        String secondClient = login(registered(unique("second"), "client"));
        assertEquals(201, api.post("/api/bookings/", Map.of("time_slot_id", slotId), secondClient).status());
        String thirdClient = login(registered(unique("third"), "client"));
        Response full = api.post("/api/bookings/", Map.of("time_slot_id", slotId), thirdClient);
        assertEquals(409, full.status(), full.toString());
        assertEquals("SLOT_FULL", full.code());
        JsonNode afterBooking = find(api.get("/api/public/sessions/", null).body(), sessionId).get("time_slots").get(0);
        assertEquals(2, afterBooking.get("booked_seats").asInt());
        assertEquals(0, afterBooking.get("available_seats").asInt());

        // Instructor's detailed view shows who booked; clients and other instructors may not see it
        Response detail = api.get("/api/sessions/" + sessionId + "/", instructor);
        assertEquals(200, detail.status(), detail.toString());
        assertEquals(2, detail.body().get("time_slots").get(0).get("bookings").size());
        assertEquals(403, api.get("/api/sessions/" + sessionId + "/", otherInstructor).status());
        assertEquals(403, api.get("/api/sessions/" + sessionId + "/", client).status());

        // Booking history, upcoming and past, in the caller's zone; ?tz= overrides the profile
        Response history = api.get("/api/bookings/", client);
        assertEquals(200, history.status());
        assertEquals(1, history.body().get("upcoming").size());
        assertTrue(history.body().get("past").isArray());
        Response inLondon = api.get("/api/bookings/?tz=Europe/London", client);
        OffsetDateTime londonStart = OffsetDateTime.parse(inLondon.body().get("upcoming").get(0).get("start_time").asText());
        assertEquals(start.atZone(IST).withZoneSameInstant(ZoneId.of("Europe/London")).getOffset(), londonStart.getOffset());

        // Cancel a booking frees the seat
        String bookingId = booked.text("id");
        assertEquals(204, api.delete("/api/bookings/" + bookingId + "/", client).status());
        assertEquals(1, find(api.get("/api/public/sessions/", null).body(), sessionId).get("time_slots").get(0)
                .get("available_seats").asInt());

        // Delete (only the owner); it disappears from the public list
        assertEquals(403, api.delete("/api/sessions/" + sessionId + "/delete/", otherInstructor).status());
        assertEquals(204, api.delete("/api/sessions/" + sessionId + "/delete/", instructor).status());
        assertEquals(null, find(api.get("/api/public/sessions/", null).body(), sessionId));
    }

    private String registered(String email, String role) {
        if (role.equals("instructor")) {
            assertEquals(202, register(email, role, null).status());
            approve(email);
        } else {
            assertEquals(201, register(email, role, null).status());
        }
        return email;
    }

    private static JsonNode find(JsonNode sessions, String id) {
        for (JsonNode s : sessions) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        return null;
    }

    @Test
    void anExpiredSlotCannotBeBooked() {
        String instructor = login(registered(unique("i"), "instructor"));
        JsonNode session = createSession(instructor, "Yesterday's class", List.of(slot(inDays(-1, 9), 60, 5)));
        String client = login(registered(unique("c"), "client"));
        Response r = api.post("/api/bookings/", Map.of("time_slot_id", session.get("time_slots").get(0).get("id").asText()), client);
        assertEquals(422, r.status(), r.toString());
        assertEquals("SLOT_EXPIRED", r.code());
    }

    @Test
    void onlyInstructorsCreateSessionsAndOnlyClientsBook() {
        String client = login(registered(unique("c"), "client"));
        Response r = api.post("/api/sessions/create/", Map.of("title", "Not mine", "time_slots", List.of()), client);
        assertEquals(403, r.status());
        assertEquals("FORBIDDEN", r.code());
        assertEquals(401, api.post("/api/sessions/create/", Map.of("title", "x", "time_slots", List.of()), null).status());
        String instructor = login(registered(unique("i"), "instructor"));
        JsonNode session = createSession(instructor, "Spin", List.of(slot(inDays(1, 18), 45, 5)));
        Response byInstructor = api.post("/api/bookings/",
                Map.of("time_slot_id", session.get("time_slots").get(0).get("id").asText()), instructor);
        assertEquals(403, byInstructor.status());
    }

    @Test
    void aBadSlotIsRefusedAndNothingIsHalfWritten() {
        String instructor = login(registered(unique("i"), "instructor"));
        Response r = api.post("/api/sessions/create/", Map.of("title", "Half", "time_slots",
                List.of(slot(inDays(1, 8), 60, 5), Map.of("start_time", inDays(1, 10).toString(),
                        "end_time", inDays(1, 9).toString(), "capacity", 5))), instructor);
        assertEquals(400, r.status(), r.toString());
        assertEquals("VALIDATION_FAILED", r.code());
        assertTrue(r.text("field").startsWith("time_slots[1]"), r.text("field"));
        Response mine = api.get("/api/sessions/instructor/", instructor);
        assertEquals(0, mine.body().size(), "no session was left behind: " + mine.raw());
    }

    @Test
    void anUnknownRoleOrFieldIsRefusedWithTheField() {
        Response r = api.post("/api/register/", Map.of("email", unique("x"), "password", "pass-word-1", "name", "X", "role", "admin"), null);
        assertEquals(400, r.status());
        assertEquals("role", r.text("field"));
        Response unknown = api.post("/api/bookings/", "{\"time_slot_id\":\"" + UUID.randomUUID() + "\",\"seat\":3}",
                login(registered(unique("c"), "client")));
        assertEquals(400, unknown.status());
        assertEquals("UNKNOWN_FIELD", unknown.code());
        assertNotEquals(500, api.post("/api/bookings/", "{\"time_slot_id\":42}", null).status());
        assertFalse(api.get("/api/public/sessions/not-a-uuid/", null).status() >= 500);
    }
}
