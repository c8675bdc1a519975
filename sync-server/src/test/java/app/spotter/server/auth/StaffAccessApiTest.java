package app.spotter.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.model.common.DeviceId;
import app.spotter.server.devices.DeviceRecord;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What desks learn about staff accounts ({@code GET /api/v1/sync/staff}): ids and whether they are
 * active, for staff only, nothing secret; and that a device's calls mark it as seen.
 */
class StaffAccessApiTest extends ServerTest {

    private static UUID device(UUID location) {
        DeviceRecord d = new DeviceRecord();
        d.id = UUID.randomUUID();
        d.name = "Desk " + d.id.toString().substring(0, 6);
        d.kind = "FRONT_DESK";
        d.locationId = location;
        d.secretHash = "not-used-by-these-tests";
        d.enrolledAt = Instant.now();
        server.app().services().tx().run(s -> s.persist(d));
        return d.id;
    }

    private static String token(UUID device) {
        return new AccessTokens(server.secrets().jwtSecret(), Clock.systemUTC()).issueDevice(new DeviceId(device));
    }

    private static UUID account(Role role) {
        String email = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@staff.test";
        String token = server.app().services().accounts().bootstrapAccount(email, "staff-pass-1", "Sam", role, null)
                .accessToken();
        return UUID.fromString(api.get("/api/v1/me", token).text("id"));
    }

    @Test
    void aDeviceLearnsWhichStaffAccountsAreActiveAndNothingElse() {
        UUID deskUser = account(Role.FRONT_DESK);
        UUID leaver = account(Role.TRAINER);
        UUID member = account(Role.MEMBER);
        server.app().services().tx().run(s -> s.createNativeQuery("update app_user set active = false where id = ?",
                Object.class).setParameter(1, leaver).executeUpdate());
        UUID device = device(new GymFixtures(server).location("Europe/Berlin"));

        ApiClient.Response r = api.get("/api/v1/sync/staff", token(device));

        assertEquals(200, r.status(), r.toString());
        Map<String, JsonNode> byId = new HashMap<>();
        r.body().forEach(a -> byId.put(a.get("userId").asText(), a));
        assertTrue(byId.get(deskUser.toString()).get("active").asBoolean());
        assertFalse(byId.get(leaver.toString()).get("active").asBoolean());
        assertFalse(byId.containsKey(member.toString()), "members are not staff");
        r.body().forEach(a -> assertEquals(2, a.size(), "only the id and the flag: " + a));
    }

    @Test
    void aDevicesCallsMarkItAsSeenForTheManagersList() {
        UUID device = device(new GymFixtures(server).location("Europe/Berlin"));
        assertNull(server.app().services().tx().inTransaction(s -> s.find(DeviceRecord.class, device).lastSeenAt));

        assertEquals(200, api.get("/api/v1/sync/staff", token(device)).status());

        Instant seen = server.app().services().tx().inTransaction(s -> s.find(DeviceRecord.class, device).lastSeenAt);
        assertNotNull(seen);
        String managerToken = server.login(Role.MANAGER);
        JsonNode listed = null;
        for (JsonNode d : api.get("/api/v1/devices", managerToken).body()) {
            if (d.get("id").asText().equals(device.toString())) {
                listed = d;
            }
        }
        assertNotNull(listed);
        assertFalse(listed.get("lastSeenAt").isNull(), listed.toString());
    }
}
