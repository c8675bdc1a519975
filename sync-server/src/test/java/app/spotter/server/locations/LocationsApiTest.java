package app.spotter.server.locations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.ServerTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocationsApiTest extends ServerTest {

    @Test
    void aManagerCreatesALocationWithRoomsAndEquipment() {
        String manager = server.login(Role.MANAGER);
        Response created = api.post("/api/v1/locations", Map.of("name", "Downtown", "timezone", "Asia/Kolkata"), manager);
        assertEquals(201, created.status(), created.toString());
        String id = created.text("id");
        Response room = api.post("/api/v1/locations/" + id + "/rooms", Map.of("name", "Studio A", "capacity", 20), manager);
        assertEquals(201, room.status(), room.toString());
        Response rower = api.post("/api/v1/locations/" + id + "/equipment", Map.of("name", "Rower 1"), manager);
        assertEquals(201, rower.status(), rower.toString());

        Response detail = api.get("/api/v1/locations/" + id, server.login(Role.MEMBER));
        assertEquals(200, detail.status(), detail.toString());
        assertEquals("Asia/Kolkata", detail.text("timezone"));
        assertEquals("Studio A", detail.body().get("rooms").get(0).get("name").asText());
        assertEquals(20, detail.body().get("rooms").get(0).get("capacity").asInt());
        assertEquals("Rower 1", detail.body().get("equipment").get(0).get("name").asText());

        Response all = api.get("/api/v1/locations", server.login(Role.FRONT_DESK));
        assertEquals(200, all.status());
        boolean listed = false;
        for (var l : all.body()) {
            listed |= l.get("id").asText().equals(id);
        }
        assertTrue(listed, all.toString());
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        Response r = api.post("/api/v1/locations", Map.of("name", "Nowhere", "timezone", "Mars/Olympus"),
                server.login(Role.ADMIN));
        assertEquals(400, r.status());
        assertEquals("VALIDATION_FAILED", r.code());
        assertEquals("timezone", r.text("field"));
    }

    @Test
    void frontDeskCannotCreateLocations() {
        Response r = api.post("/api/v1/locations", Map.of("name", "Desk's own", "timezone", "Europe/Berlin"),
                server.login(Role.FRONT_DESK));
        assertEquals(403, r.status());
        assertEquals("FORBIDDEN", r.code());
    }

    @Test
    void aRoomOfAnUnknownLocationIsNotFound() {
        Response r = api.post("/api/v1/locations/" + UUID.randomUUID() + "/rooms", Map.of("name", "Ghost"),
                server.login(Role.MANAGER));
        assertEquals(404, r.status());
        assertEquals("NOT_FOUND", r.code());
    }

    @Test
    void aRoomNeedsAPositiveCapacity() {
        String manager = server.login(Role.MANAGER);
        String id = api.post("/api/v1/locations", Map.of("name", "Uptown", "timezone", "Europe/Berlin"), manager).text("id");
        Response r = api.post("/api/v1/locations/" + id + "/rooms", Map.of("name", "Tiny", "capacity", 0), manager);
        assertEquals(400, r.status());
        assertEquals("capacity", r.text("field"));
    }
}
