package app.spotter.server.sync.leases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Escrowed seats that go back before their leases expire: a cancelled slot, a desk giving them back. */
class SeatEscrowReturnTest extends ServerTest {

    private static final AtomicInteger NEXT_SLOT = new AtomicInteger();

    private record Desk(String token, UUID locationId) {
    }

    @Test
    void cancellingASlotReleasesItsLeasesAtOnceAndDesksSeeThemReturned() {
        Desk desk = desk();
        String manager = server.login(Role.MANAGER);
        UUID slot = slot(desk.locationId(), 5);
        long before = server.app().services().feed().position();
        JsonNode lease = ok(api.post("/api/v1/sync/leases", Map.of("slotIds", List.of(slot), "seatsPerSlot", 3),
                desk.token())).body().get("leases").get(0);
        assertEquals(3, fx().count("select seats_leased from time_slot where id = ?", slot));

        ok(api.post("/api/v1/slots/" + slot + "/cancel", Map.of(), manager));

        assertEquals(0, fx().count("select seats_leased from time_slot where id = ?", slot),
                "a cancelled slot holds no escrowed seats");
        assertEquals(1, fx().count("select count(*) from seat_lease where id = ? and returned_at is not null",
                UUID.fromString(lease.get("leaseId").asText())));
        // the desk hears of it through the feed, not only at expiry
        JsonNode lastLease = null;
        for (JsonNode change : pullAll(desk.token(), before)) {
            if ("seatLease".equals(change.get("entityType").asText())
                    && lease.get("leaseId").asText().equals(change.get("entityId").asText())) {
                lastLease = change.get("data");
            }
        }
        assertTrue(lastLease != null && !lastLease.get("returnedAt").isNull(), "the returned lease is in the feed: " + lastLease);
        // and no desk can lease seats of it again
        assertEquals(0, ok(api.post("/api/v1/sync/leases", Map.of("slotIds", List.of(slot), "seatsPerSlot", 2),
                desk.token())).body().get("leases").size());
    }

    @Test
    void seatsADeskGivesBackGoToTheWaitlistInTheSameTransaction() {
        Desk desk = desk();
        String manager = server.login(Role.MANAGER);
        UUID slot = slot(desk.locationId(), 2);
        JsonNode lease = ok(api.post("/api/v1/sync/leases", Map.of("slotIds", List.of(slot), "seatsPerSlot", 2),
                desk.token())).body().get("leases").get(0);
        UUID waiting = fx().memberWithUnlimitedPlan().memberId();
        Response waitlisted = ok(api.post("/api/v1/bookings", Map.of("slotId", slot, "memberId", waiting,
                "waitlist", true), manager));
        assertEquals("WAITLISTED", waitlisted.text("status"), "the desk's lease holds every seat");

        ok(api.post("/api/v1/sync/leases/return", Map.of("leaseIds", List.of(lease.get("leaseId").asText())),
                desk.token()));

        assertEquals("BOOKED", ok(api.get("/api/v1/bookings/" + waitlisted.text("id"), manager)).text("status"));
        assertEquals(0, fx().count("select seats_leased from time_slot where id = ?", slot));
        assertEquals(1, fx().count("select seats_taken from time_slot where id = ?", slot));
    }

    private GymFixtures fx() {
        return new GymFixtures(server);
    }

    private Desk desk() {
        String manager = server.login(Role.MANAGER);
        UUID location = fx().location("Europe/Berlin");
        String code = ok(api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), manager)).text("code");
        Response enrolled = ok(api.post("/api/v1/devices/enroll", Map.of("pairingCode", code, "name", "Desk",
                "kind", "FRONT_DESK"), null));
        String token = ok(api.post("/api/v1/devices/token", Map.of("deviceId", enrolled.text("deviceId"),
                "deviceSecret", enrolled.text("deviceSecret")), null)).text("accessToken");
        return new Desk(token, location);
    }

    private UUID slot(UUID location, int capacity) {
        String manager = server.login(Role.MANAGER);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3))
                .plus(Duration.ofMinutes(90L * NEXT_SLOT.getAndIncrement()));
        return fx().slot(manager, fx().classSession(manager, location, capacity), start, 60);
    }

    private static List<JsonNode> pullAll(String device, long after) {
        List<JsonNode> all = new java.util.ArrayList<>();
        long cursor = after;
        String held = "";
        for (int page = 0; page < 100; page++) {
            JsonNode body = ok(api.get("/api/v1/sync/pull?after=" + cursor + held + "&limit=500", device)).body();
            body.get("changes").forEach(all::add);
            cursor = body.get("cursor").asLong();
            held = "&heldUntil=" + body.get("window").get("until").asText();
            if (!body.get("hasMore").asBoolean()) {
                return all;
            }
        }
        throw new AssertionError("the feed never ended");
    }

    private static Response ok(Response r) {
        if (r.status() < 200 || r.status() > 299) {
            throw new AssertionError("Expected 2xx but got " + r);
        }
        return r;
    }
}
