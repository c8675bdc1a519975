package app.spotter.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.ServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthApiTest extends ServerTest {

    private Response register(String email) {
        return api.post("/api/v1/auth/register",
                Map.of("email", email, "password", "correct horse", "name", "Ada Lovelace", "timezone", "Europe/Berlin"), null);
    }

    @Test
    void aNewMemberRegistersAndSeesTheirProfile() {
        Response r = register("ada@example.com");
        assertEquals(201, r.status(), r.toString());
        Response me = api.get("/api/v1/me", r.text("accessToken"));
        assertEquals(200, me.status(), me.toString());
        assertEquals("ada@example.com", me.text("email"));
        assertEquals("MEMBER", me.text("role"));
        assertEquals("Europe/Berlin", me.text("timezone"));
        assertNotNull(me.text("memberId"));
    }

    @Test
    void theSameEmailCannotRegisterTwice() {
        register("twice@example.com");
        Response again = register("TWICE@example.com");
        assertEquals(409, again.status());
        assertEquals("EMAIL_TAKEN", again.code());
        assertEquals("email", again.text("field"));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        register("pw@example.com");
        Response r = api.post("/api/v1/auth/login", Map.of("email", "pw@example.com", "password", "wrong password"), null);
        assertEquals(401, r.status());
        assertEquals("INVALID_CREDENTIALS", r.code());
        Response unknown = api.post("/api/v1/auth/login", Map.of("email", "nobody@example.com", "password", "wrong password"), null);
        assertEquals("INVALID_CREDENTIALS", unknown.code());
    }

    @Test
    void aRefreshTokenRotatesAndItsReuseRevokesTheWholeFamily() {
        register("rotate@example.com");
        Response login = api.post("/api/v1/auth/login", Map.of("email", "rotate@example.com", "password", "correct horse"), null);
        String first = login.text("refreshToken");
        Response second = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first), null);
        assertEquals(200, second.status(), second.toString());
        assertNotEquals(first, second.text("refreshToken"));

        Response reuse = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first), null);
        assertEquals(401, reuse.status());
        assertEquals("TOKEN_REUSED", reuse.code());
        // the legitimate newer token died with its family
        Response afterTheft = api.post("/api/v1/auth/refresh", Map.of("refreshToken", second.text("refreshToken")), null);
        assertEquals(401, afterTheft.status());
    }

    @Test
    void logoutEndsTheRefreshToken() {
        Response r = register("logout@example.com");
        assertEquals(204, api.post("/api/v1/auth/logout", Map.of("refreshToken", r.text("refreshToken")), r.text("accessToken")).status());
        assertEquals(401, api.post("/api/v1/auth/refresh", Map.of("refreshToken", r.text("refreshToken")), null).status());
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        Response r = api.get("/api/v1/me", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        assertEquals(401, r.status());
        assertEquals("TOKEN_INVALID", r.code());
        assertTrue(api.get("/api/v1/me", null).status() == 401);
    }
}
