package app.spotter.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.CheckInFixtures;
import app.spotter.server.support.CheckInFixtures.Member;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditApiTest extends ServerTest {

    private String checkInSomeone() {
        CheckInFixtures fx = new CheckInFixtures(server);
        Member m = fx.member();
        fx.activeMonthly(m.id());
        Response r = api.post("/api/v1/check-ins", Map.of("method", "STAFF", "memberId", m.id().toString()),
                server.login(Role.FRONT_DESK));
        assertEquals(201, r.status(), r.toString());
        return r.text("checkInId");
    }

    @Test
    void anAdminReadsTheCheckInsInTheAuditLog() {
        String checkIn = checkInSomeone();
        Response r = api.get("/api/v1/audit?entityType=CheckIn&limit=100", server.login(Role.ADMIN));
        assertEquals(200, r.status(), r.toString());
        JsonNode entry = null;
        for (JsonNode e : r.body().get("entries")) {
            assertEquals("CheckIn", e.get("entityType").asText());
            if (checkIn.equals(e.get("entityId").asText())) {
                entry = e;
            }
        }
        assertNotNull(entry, r.toString());
        assertEquals("CHECK_IN", entry.get("action").asText());
        assertEquals("FRONT_DESK", entry.get("actorRole").asText());
        assertTrue(entry.get("after").isObject(), "after is JSON, not a string: " + entry);
        assertTrue(entry.get("after").get("admitted").asBoolean());
        assertEquals("OK", entry.get("after").get("reason").asText());
        assertTrue(entry.get("before").isNull());
    }

    @Test
    void theFrontDeskCannotReadTheAuditLog() {
        Response r = api.get("/api/v1/audit", server.login(Role.FRONT_DESK));
        assertEquals(403, r.status(), r.toString());
        assertEquals("FORBIDDEN", r.code());
    }

    @Test
    void theAuditLogPagesBackwardsInTime() {
        checkInSomeone();
        checkInSomeone();
        String admin = server.login(Role.ADMIN);
        Response first = api.get("/api/v1/audit?limit=1", admin);
        assertEquals(200, first.status(), first.toString());
        assertEquals(1, first.body().get("entries").size());
        String cursor = first.text("nextBefore");
        assertNotNull(cursor);
        Response second = api.get("/api/v1/audit?limit=1&before=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), admin);
        assertEquals(200, second.status(), second.toString());
        JsonNode older = second.body().get("entries").get(0);
        JsonNode newer = first.body().get("entries").get(0);
        assertNotEquals(newer.get("id").asText(), older.get("id").asText());
        assertTrue(java.time.OffsetDateTime.parse(older.get("at").asText())
                .isBefore(java.time.OffsetDateTime.parse(newer.get("at").asText())));

        assertEquals("before", api.get("/api/v1/audit?before=yesterday", admin).text("field"));
        assertEquals("limit", api.get("/api/v1/audit?limit=0", admin).text("field"));
    }
}
