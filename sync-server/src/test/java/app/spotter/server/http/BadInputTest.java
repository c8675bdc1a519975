package app.spotter.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import app.spotter.model.access.Role;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.ServerTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Input that used to answer 500 (issue 8, item 6): lengths over a column, null list entries and
 * dates far outside any calendar a gym uses. Each is a 400 that names the field.
 */
class BadInputTest extends ServerTest {

    private static final String LONG_NAME = "N".repeat(150);
    private static final String FAR_DATE = "+999999999-12-31";

    private static void assertRefused(Response r, String field) {
        assertEquals(400, r.status(), r.toString());
        assertEquals("VALIDATION_FAILED", r.code(), r.toString());
        assertEquals(field, r.text("field"), r.toString());
        assertNotNull(r.text("message"));
        assertFalse(r.raw().contains("Exception"), r.raw());
    }

    private static String email() {
        return "bad-input-" + UUID.randomUUID().toString().substring(0, 8) + "@test.spotter.app";
    }

    @Test
    void aStudioRegistrationWithANameLongerThanAMemberNameIsRefused() {
        Response r = api.post("/api/register/", Map.of("email", email(), "password", "long enough 1",
                "name", LONG_NAME, "role", "client"), null);
        assertRefused(r, "name");
    }

    @Test
    void anApiRegistrationWithANameLongerThanAMemberNameIsRefused() {
        Response r = api.post("/api/v1/auth/register", Map.of("email", email(), "password", "long enough 1",
                "name", LONG_NAME), null);
        assertRefused(r, "name");
    }

    @Test
    void aNullPermissionIsRefused() {
        Response r = api.put("/api/v1/roles/TRAINER/permissions", "{\"permissions\":[null]}", server.login(Role.ADMIN));
        assertRefused(r, "permissions");
    }

    @Test
    void aMembershipStartingInYearNineHundredMillionIsRefused() {
        GymFixtures fx = new GymFixtures(server);
        UUID plan = fx.plan(PlanKind.RECURRING_MONTHLY, null);
        UUID member = fx.member().memberId();
        Response r = api.post("/api/v1/members/" + member + "/memberships",
                Map.of("planId", plan, "startsOn", FAR_DATE), server.login(Role.MANAGER));
        assertRefused(r, "startsOn");
    }

    @Test
    void theCheckInsOfADayInYearNineHundredMillionAreRefused() {
        Response r = api.get("/api/v1/check-ins?date=" + FAR_DATE, server.login(Role.MANAGER));
        assertRefused(r, "date");
    }

    @Test
    void aDateBeforeNineteenHundredInAQueryIsRefused() {
        Response r = api.get("/api/v1/check-ins?date=1899-12-31", server.login(Role.MANAGER));
        assertRefused(r, "date");
    }

    // ------------------------------------------------------------------ found by ApiFuzzTest

    @Test
    void aNumberWhereTextGoesIsRefusedNotStoredAsText() {
        String token = server.login(Role.MEMBER);
        Response r = api.put("/api/v1/me", "{\"name\":12345}", token);
        assertEquals(400, r.status(), r.toString());
        assertEquals("VALIDATION_FAILED", r.code(), r.toString());
        assertEquals("name", r.text("field"), r.toString());
        assertEquals(400, api.put("/api/v1/me", "{\"name\":true}", token).status());
    }

    @Test
    void aNulCharacterInTextIsRefusedNamingTheField() {
        Response register = api.post("/api/v1/auth/register", "{\"email\":\"" + email()
                + "\",\"password\":\"long enough 1\",\"name\":\"fu\\u0000zz\"}", null);
        assertRefused(register, "name");
        Response login = api.post("/api/v1/auth/login", "{\"email\":\"fu\\u0000zz\",\"password\":\"long enough 1\"}", null);
        assertRefused(login, "email");
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefusedNamingIt() {
        Response r = api.get("/api/v1/members?q=%00", server.login(Role.MANAGER));
        assertRefused(r, "q");
    }

    @Test
    void aRequestJettyCannotParseAnswersTheErrorShape() {
        Response r = api.get("/api/v1/locations/%00", server.login(Role.ADMIN));
        assertEquals(400, r.status(), r.toString());
        assertEquals("BAD_REQUEST", r.code(), r.toString());
        assertNotNull(r.text("message"));
        assertFalse(r.raw().contains("<h1>"), r.raw());
    }

    @Test
    void aHugeQrCodeIsRefusedWhateverTheMethod() {
        UUID member = new GymFixtures(server).memberWithUnlimitedPlan().memberId();
        Response r = api.post("/api/v1/check-ins", Map.of("method", "STAFF", "memberId", member.toString(),
                "qr", "x".repeat(20_000)), server.login(Role.ADMIN));
        assertRefused(r, "qr");
        assertEquals(0, new GymFixtures(server).count("select count(*) from check_in where member_id = ?", member));
    }

    @Test
    void aMalformedMemberIdBesideAQrCheckInIsRefusedAndRecordsNothing() {
        long before = new GymFixtures(server).count("select count(*) from check_in where admitted = ?", false);
        Response r = api.post("/api/v1/check-ins", Map.of("method", "QR", "qr", "fuzz", "memberId", "x".repeat(300)),
                server.login(Role.ADMIN));
        assertRefused(r, "memberId");
        assertEquals(before, new GymFixtures(server).count("select count(*) from check_in where admitted = ?", false));
    }
}
