package app.spotter.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx with the one error body, never a stack trace or a 500. */
class ErrorShapeTest extends ServerTest {

    private static void assertError(Response r, int status, String code) {
        assertEquals(status, r.status(), r.toString());
        assertEquals(code, r.code(), r.toString());
        assertNotNull(r.text("message"));
        assertFalse(r.raw().contains("Exception"), "leaks internals: " + r.raw());
        assertFalse(r.raw().contains("\tat "), "leaks a stack trace: " + r.raw());
    }

    @Test
    void malformedJsonIsA400() {
        assertError(api.post("/api/v1/auth/login", "{\"email\": \"a@b.c\", ", null), 400, "MALFORMED_JSON");
    }

    @Test
    void anEmptyBodyIsA400() {
        assertError(api.post("/api/v1/auth/login", "", null), 400, "MALFORMED_JSON");
    }

    @Test
    void anUnknownFieldIsA400NamingIt() {
        Response r = api.post("/api/v1/auth/login", "{\"email\":\"a@b.c\",\"password\":\"x\",\"isAdmin\":true}", null);
        assertError(r, 400, "UNKNOWN_FIELD");
        assertEquals("isAdmin", r.text("field"));
    }

    @Test
    void aWrongTypeIsA400NamingTheField() {
        Response r = api.post("/api/v1/auth/login", "{\"email\":{\"nested\":1},\"password\":\"x\"}", null);
        assertError(r, 400, "VALIDATION_FAILED");
        assertEquals("email", r.text("field"));
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIsA400() {
        assertError(api.post("/api/v1/auth/login", "[1,2,3]", null), 400, "VALIDATION_FAILED");
    }

    @Test
    void anOversizedBodyIsA413() {
        String huge = "{\"email\":\"" + "a".repeat(200_000) + "\",\"password\":\"x\"}";
        assertError(api.post("/api/v1/auth/login", huge, null), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void anInvalidEmailOnRegistrationNamesTheField() {
        Response r = api.post("/api/v1/auth/register", "{\"email\":\"not-an-email\",\"password\":\"long enough\",\"name\":\"X\"}", null);
        assertError(r, 400, "VALIDATION_FAILED");
        assertEquals("email", r.text("field"));
    }

    @Test
    void anUnknownTimeZoneNamesTheField() {
        Response r = api.post("/api/v1/auth/register",
                "{\"email\":\"tz@example.com\",\"password\":\"long enough\",\"name\":\"X\",\"timezone\":\"Mars/Olympus\"}", null);
        assertError(r, 400, "VALIDATION_FAILED");
        assertEquals("timezone", r.text("field"));
    }

    @Test
    void anUnknownRouteIsAJson404() {
        assertError(api.get("/api/v1/no-such-thing", null), 404, "NOT_FOUND");
    }

    @Test
    void aProtectedRouteWithoutTokenIsA401() {
        assertError(api.get("/api/v1/me", null), 401, "UNAUTHORIZED");
    }

    @Test
    void aMemberCallingAnAdminRouteIsA403() {
        assertError(api.get("/api/v1/roles", server.login(app.spotter.model.access.Role.MEMBER)), 403, "FORBIDDEN");
    }
}
