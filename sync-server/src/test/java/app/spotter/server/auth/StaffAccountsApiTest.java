package app.spotter.server.auth;

import app.spotter.server.support.MovableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.ServerTest;
import app.spotter.server.support.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Staff accounts over real HTTP: password change ends the other sessions, admin-issued reset
 * tokens work once and expire, the TOTP second factor at login, and the gym setting that makes it
 * mandatory for admins. Every change leaves an audit entry.
 */
class StaffAccountsApiTest extends ServerTest {

    private static final String PASSWORD = "test-password-1";

    private record Staff(UUID id, String email, String access, String refresh) {
    }

    private Staff staff(Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@staff.test";
        var tokens = server.app().services().accounts().bootstrapAccount(email, PASSWORD, "Staff " + role, role, null);
        UUID id = UUID.fromString(api.get("/api/v1/me", tokens.accessToken()).text("id"));
        return new Staff(id, email, tokens.accessToken(), tokens.refreshToken());
    }

    private Response login(String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
    }

    private Response login(String email, String password, String totp) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password, "totp", totp), null);
    }

    // ------------------------------------------------------------------ password change

    @Test
    void changingThePasswordEndsEveryOtherSessionAndKeepsThisOne() {
        Staff anna = staff(Role.FRONT_DESK);
        Response otherDesk = login(anna.email(), PASSWORD);
        assertEquals(200, otherDesk.status(), otherDesk.toString());

        Response changed = api.post("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "a much longer one"), anna.access());
        assertEquals(200, changed.status(), changed.toString());
        assertNotNull(changed.text("refreshToken"));

        // the other sessions' refresh tokens are revoked, this session's new one works
        for (String old : List.of(anna.refresh(), otherDesk.text("refreshToken"))) {
            Response r = api.post("/api/v1/auth/refresh", Map.of("refreshToken", old), null);
            assertEquals(401, r.status(), r.toString());
        }
        assertEquals(200, api.post("/api/v1/auth/refresh", Map.of("refreshToken", changed.text("refreshToken")), null).status());
        assertEquals(401, login(anna.email(), PASSWORD).status());
        assertEquals(200, login(anna.email(), "a much longer one").status());
        assertTrue(auditActions(anna.id()).contains("PASSWORD_CHANGED"));
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        Staff ben = staff(Role.TRAINER);
        Response r = api.post("/api/v1/me/password", Map.of("currentPassword", "not it at all", "newPassword", "a new password"),
                ben.access());
        assertEquals(422, r.status(), r.toString());
        assertEquals("WRONG_PASSWORD", r.code());
        assertEquals("currentPassword", r.text("field"));
        Response tooShort = api.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "short"),
                ben.access());
        assertEquals(400, tooShort.status(), tooShort.toString());
        assertEquals("newPassword", tooShort.text("field"));
        assertEquals(200, login(ben.email(), PASSWORD).status());
        assertEquals(200, api.post("/api/v1/auth/refresh", Map.of("refreshToken", ben.refresh()), null).status());
    }

    // ------------------------------------------------------------------ reset links

    @Test
    void aResetTokenSetsThePasswordOnceAndEndsEverySession() {
        Staff admin = staff(Role.ADMIN);
        Staff carla = staff(Role.TRAINER);
        Response issued = api.post("/api/v1/staff/" + carla.id() + "/password-reset", null, admin.access());
        assertEquals(201, issued.status(), issued.toString());
        String token = issued.text("token");
        assertEquals(carla.id().toString(), issued.text("userId"));
        assertNotNull(issued.text("expiresAt"));
        assertTrue(Instant.parse(issued.text("expiresAt")).isBefore(Instant.now().plus(Duration.ofMinutes(61))));
        // stored only as its hash
        assertTrue(rawColumns("select token_hash from password_reset where user_id = ?", carla.id()).stream()
                .noneMatch(h -> h.contains(token)));

        Response reset = api.post("/api/v1/auth/password-reset", Map.of("token", token, "newPassword", "carla's new one"), null);
        assertEquals(204, reset.status(), reset.toString());
        assertEquals(200, login(carla.email(), "carla's new one").status());
        assertEquals(401, api.post("/api/v1/auth/refresh", Map.of("refreshToken", carla.refresh()), null).status());

        Response again = api.post("/api/v1/auth/password-reset", Map.of("token", token, "newPassword", "someone else's"), null);
        assertEquals(400, again.status(), again.toString());
        assertEquals("RESET_TOKEN_INVALID", again.code());
        assertEquals("token", again.text("field"));
        assertEquals(200, login(carla.email(), "carla's new one").status());
        List<String> audit = auditActions(carla.id());
        assertTrue(audit.contains("PASSWORD_RESET_ISSUED") && audit.contains("PASSWORD_RESET"), audit.toString());
    }

    @Test
    void aNewResetTokenReplacesTheEarlierOne() {
        Staff admin = staff(Role.ADMIN);
        Staff dan = staff(Role.FRONT_DESK);
        String first = api.post("/api/v1/staff/" + dan.id() + "/password-reset", null, admin.access()).text("token");
        String second = api.post("/api/v1/staff/" + dan.id() + "/password-reset", null, admin.access()).text("token");
        assertEquals("RESET_TOKEN_INVALID", api.post("/api/v1/auth/password-reset",
                Map.of("token", first, "newPassword", "first try pass"), null).code());
        assertEquals(204, api.post("/api/v1/auth/password-reset", Map.of("token", second, "newPassword", "second try pass"), null)
                .status());
    }

    @Test
    void onlyAnAdminResetsAnAdminAndMembersHaveNoStaffReset() {
        Staff manager = staff(Role.MANAGER);
        Staff admin = staff(Role.ADMIN);
        Response r = api.post("/api/v1/staff/" + admin.id() + "/password-reset", null, manager.access());
        assertEquals(403, r.status(), r.toString());
        assertEquals("FORBIDDEN", r.code());
        Staff member = staff(Role.MEMBER);
        assertEquals(404, api.post("/api/v1/staff/" + member.id() + "/password-reset", null, admin.access()).status());
        assertEquals(404, api.post("/api/v1/staff/" + UUID.randomUUID() + "/password-reset", null, admin.access()).status());
        assertEquals(400, api.post("/api/v1/staff/not-an-id/password-reset", null, admin.access()).status());
    }

    @Test
    void aResetTokenExpiresAfterAnHour() {
        MovableClock clock = new MovableClock(Instant.now());
        try (TestServer own = TestServer.start(database, clock)) {
            ApiClient client = own.client();
            String admin = own.login(Role.ADMIN);
            var trainer = own.account(Role.TRAINER);
            String id = client.get("/api/v1/me", trainer.accessToken()).text("id");
            String token = client.post("/api/v1/staff/" + id + "/password-reset", null, admin).text("token");
            clock.advance(Duration.ofMinutes(61));
            Response late = client.post("/api/v1/auth/password-reset", Map.of("token", token, "newPassword", "too late now"), null);
            assertEquals(400, late.status(), late.toString());
            assertEquals("RESET_TOKEN_INVALID", late.code());
        }
    }

    // ------------------------------------------------------------------ TOTP

    /** Enrols and confirms TOTP for a staff login; returns the secret. */
    private byte[] turnOnTotp(Staff s) {
        Response enrol = api.post("/api/v1/me/totp", null, s.access());
        assertEquals(200, enrol.status(), enrol.toString());
        String uri = enrol.text("otpauthUri");
        assertTrue(uri.startsWith("otpauth://totp/Spotter") && uri.contains("secret=" + enrol.text("secret")), uri);
        byte[] secret = Totp.base32Decode(enrol.text("secret"));
        Response wrong = api.post("/api/v1/me/totp/confirm", Map.of("code", wrongCode(secret)), s.access());
        assertEquals(422, wrong.status(), wrong.toString());
        Response ok = api.post("/api/v1/me/totp/confirm", Map.of("code", code(secret, 0)), s.access());
        assertEquals(204, ok.status(), ok.toString());
        return secret;
    }

    private static String code(byte[] secret, int stepsFromNow) {
        return Totp.code(secret, Totp.step(Instant.now()) + stepsFromNow, Totp.DIGITS);
    }

    private static String wrongCode(byte[] secret) {
        List<String> valid = List.of(code(secret, -1), code(secret, 0), code(secret, 1));
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", i);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }

    @Test
    void withTotpOnALoginNeedsTheCodeAndAWrongCodeLooksLikeAWrongPassword() {
        Staff erik = staff(Role.MANAGER);
        byte[] secret = turnOnTotp(erik);
        assertTrue(rawColumns("select totp_secret_enc from app_user where id = ?", erik.id()).get(0).startsWith("v1:"),
                "the secret is sealed at rest");

        Response missing = login(erik.email(), PASSWORD);
        assertEquals(401, missing.status(), missing.toString());
        assertEquals("TOTP_REQUIRED", missing.code());
        Response wrongPassword = login(erik.email(), "wrong password", code(secret, 1));
        assertEquals("INVALID_CREDENTIALS", wrongPassword.code());
        Response wrongCode = login(erik.email(), PASSWORD, wrongCode(secret));
        assertEquals(401, wrongCode.status());
        assertEquals("INVALID_CREDENTIALS", wrongCode.code());
        assertEquals(wrongPassword.text("message"), wrongCode.text("message"));

        // the next step's code (within the window) logs in once; the same code again does not
        String next = code(secret, 1);
        Response ok = login(erik.email(), PASSWORD, next);
        assertEquals(200, ok.status(), ok.toString());
        Response replay = login(erik.email(), PASSWORD, next);
        assertEquals(401, replay.status(), replay.toString());
        assertEquals("INVALID_CREDENTIALS", replay.code());
        List<String> audit = auditActions(erik.id());
        assertTrue(audit.contains("TOTP_ENROLMENT_STARTED") && audit.contains("TOTP_ENABLED"), audit.toString());
    }

    @Test
    void withoutTotpTheLoginIsUnchangedAndMembersHaveNoSecondFactor() {
        Staff fay = staff(Role.FRONT_DESK);
        assertEquals(200, login(fay.email(), PASSWORD).status());
        assertEquals(200, api.post("/api/v1/auth/login", Map.of("email", fay.email(), "password", PASSWORD, "totp", ""), null)
                .status());
        Staff member = staff(Role.MEMBER);
        Response r = api.post("/api/v1/me/totp", null, member.access());
        assertEquals(403, r.status(), r.toString());
        assertEquals("FORBIDDEN", r.code());
    }

    @Test
    void turningTotpOffTakesPasswordAndCode() {
        Staff gus = staff(Role.TRAINER);
        byte[] secret = turnOnTotp(gus);
        Response noPassword = api.post("/api/v1/me/totp/disable", Map.of("password", "wrong password", "code", code(secret, 0)),
                gus.access());
        assertEquals(422, noPassword.status(), noPassword.toString());
        assertEquals("WRONG_PASSWORD", noPassword.code());
        Response noCode = api.post("/api/v1/me/totp/disable", Map.of("password", PASSWORD, "code", wrongCode(secret)), gus.access());
        assertEquals(422, noCode.status(), noCode.toString());
        assertEquals("TOTP_CODE_WRONG", noCode.code());
        assertEquals("TOTP_REQUIRED", login(gus.email(), PASSWORD).code());
        Response off = api.post("/api/v1/me/totp/disable", Map.of("password", PASSWORD, "code", code(secret, 0)), gus.access());
        assertEquals(204, off.status(), off.toString());
        assertEquals(200, login(gus.email(), PASSWORD).status());
        assertTrue(auditActions(gus.id()).contains("TOTP_DISABLED"));
    }

    @Test
    void whenTheGymRequiresTotpAnAdminWithoutItCanOnlyEnrol() {
        Staff owner = staff(Role.ADMIN);
        Staff other = staff(Role.ADMIN);
        // the admin who requires it must have it on first
        Response early = api.put("/api/v1/settings/security", Map.of("totpRequiredForAdmins", true), owner.access());
        assertEquals(409, early.status(), early.toString());
        byte[] ownerSecret = turnOnTotp(owner);
        try {
            Response on = api.put("/api/v1/settings/security", Map.of("totpRequiredForAdmins", true), owner.access());
            assertEquals(200, on.status(), on.toString());
            assertEquals(true, api.get("/api/v1/settings/security", owner.access()).body().get("totpRequiredForAdmins").asBoolean());

            // an admin without TOTP: told to enrol everywhere else
            Response refused = api.get("/api/v1/audit?limit=1", other.access());
            assertEquals(403, refused.status(), refused.toString());
            assertEquals("TOTP_ENROLMENT_REQUIRED", refused.code());
            assertEquals(200, api.get("/api/v1/me", other.access()).status());
            // a manager is not affected
            assertEquals(200, api.get("/api/v1/members?limit=1", staff(Role.MANAGER).access()).status());
            // after enrolling, the same admin is let in
            turnOnTotp(other);
            assertEquals(200, api.get("/api/v1/audit?limit=1", other.access()).status());
            assertEquals(200, api.get("/api/v1/audit?limit=1", owner.access()).status());
            assertTrue(auditActions(null).contains("SECURITY_SETTINGS_CHANGED"));
        } finally {
            Response off = api.put("/api/v1/settings/security", Map.of("totpRequiredForAdmins", false), owner.access());
            assertEquals(200, off.status(), off.toString());
        }
        assertEquals(400, api.put("/api/v1/settings/security", Map.of(), owner.access()).status());
        assertTrue(ownerSecret.length > 0);
    }

    // ------------------------------------------------------------------ helpers

    private List<String> auditActions(UUID entity) {
        return entity == null
                ? rawColumns("select action from audit_entry where entity_type = 'GymSetting' and ? is null", null)
                : rawColumns("select action from audit_entry where entity_id = ?", entity.toString());
    }

    private List<String> rawColumns(String sql, Object parameter) {
        try (Connection c = server.app().database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter == null) {
                s.setNull(1, java.sql.Types.VARCHAR);
            } else {
                s.setObject(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
