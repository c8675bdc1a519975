package app.spotter.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a stranger gets from public registration: an instructor a pending account without a token
 * or any staff right until a manager approves it; a client a member on no membership, or on the
 * gym's free-trial plan with its end date, once per person; never a door PIN.
 */
class PublicRegistrationTest extends ServerTest {

    private static final String PASSWORD = "pass-word-1";

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@register.example";
    }

    private Response studioRegister(String email, String role) {
        return api.post("/api/register/", Map.of("email", email, "password", PASSWORD, "name", "Priya Stranger",
                "role", role), null);
    }

    private Response studioLogin(String email, String password) {
        return api.post("/api/login/", Map.of("email", email, "password", password), null);
    }

    private String pendingIdOf(String manager, String email) {
        Response pending = api.get("/api/v1/staff/pending", manager);
        assertEquals(200, pending.status(), pending.toString());
        for (JsonNode p : pending.body()) {
            if (p.get("email").asText().equals(email)) {
                return p.get("id").asText();
            }
        }
        return null;
    }

    @Test
    void aStrangerRegisteringAsInstructorGetsNoTokenAndNoStaffRights() {
        String email = email("instructor");
        Response reg = studioRegister(email, "instructor");
        assertEquals(202, reg.status(), reg.toString());
        assertEquals("pending_approval", reg.text("status"));
        assertEquals("instructor", reg.text("role"));
        assertNull(reg.text("access"), "a pending instructor gets no token");
        assertNull(reg.text("refresh"), "a pending instructor gets no token");

        // the right password says "pending"; a wrong one says what every wrong password says
        Response login = studioLogin(email, PASSWORD);
        assertEquals(403, login.status(), login.toString());
        assertEquals("ACCOUNT_PENDING_APPROVAL", login.code());
        Response v1 = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
        assertEquals(403, v1.status(), v1.toString());
        assertEquals("ACCOUNT_PENDING_APPROVAL", v1.code());
        Response wrong = studioLogin(email, "not-the-password");
        assertEquals(401, wrong.status(), wrong.toString());
        assertEquals("INVALID_CREDENTIALS", wrong.code());
    }

    @Test
    void aManagerApprovesAPendingInstructorWhoThenWorksAsTheSeedDescribes() {
        String manager = server.login(Role.MANAGER);
        String email = email("approved");
        assertEquals(202, studioRegister(email, "instructor").status());
        String id = pendingIdOf(manager, email);
        assertNotNull(id, "the manager sees the pending instructor");

        // the front desk cannot approve (STAFF_MANAGE), the pending account still cannot log in
        Response byDesk = api.post("/api/v1/staff/" + id + "/approve", null, server.login(Role.FRONT_DESK));
        assertEquals(403, byDesk.status(), byDesk.toString());
        assertEquals(403, studioLogin(email, PASSWORD).status());

        Response approved = api.post("/api/v1/staff/" + id + "/approve", null, manager);
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("TRAINER", approved.text("role"));
        assertNull(pendingIdOf(manager, email), "no longer pending");
        Response again = api.post("/api/v1/staff/" + id + "/approve", null, manager);
        assertEquals(409, again.status(), again.toString());
        assertEquals("NOT_PENDING", again.code());

        Response login = studioLogin(email, PASSWORD);
        assertEquals(200, login.status(), login.toString());
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
        Response created = api.post("/api/sessions/create/", Map.of("title", "Approved Yoga", "time_slots",
                java.util.List.of(Map.of("start_time", start.toString(), "end_time", start.plusSeconds(3600).toString(),
                        "capacity", 5))), login.text("access"));
        assertEquals(201, created.status(), created.toString());

        // audited with the manager as actor
        boolean audited = false;
        for (JsonNode e : api.get("/api/v1/audit?limit=50&entityType=UserAccount", server.login(Role.ADMIN)).body()
                .get("entries")) {
            audited |= e.get("action").asText().equals("STAFF_APPROVED") && e.get("entityId").asText().equals(id)
                    && "MANAGER".equals(e.get("actorRole").asText());
        }
        assertTrue(audited, "the approval is in the audit log");
    }

    @Test
    void aRejectedInstructorNeverLogsIn() {
        String manager = server.login(Role.MANAGER);
        String email = email("rejected");
        assertEquals(202, studioRegister(email, "instructor").status());
        String id = pendingIdOf(manager, email);
        Response rejected = api.post("/api/v1/staff/" + id + "/reject", null, manager);
        assertEquals(204, rejected.status(), rejected.toString());
        Response login = studioLogin(email, PASSWORD);
        assertEquals(401, login.status(), login.toString());
        assertEquals("INVALID_CREDENTIALS", login.code());
        assertEquals(409, api.post("/api/v1/staff/" + id + "/approve", null, manager).status());
    }

    @Test
    void anInstructorRegistrationAnswersAlikeForATakenEmail() {
        String email = email("taken");
        Response first = studioRegister(email, "instructor");
        Response second = studioRegister(email, "instructor");
        assertEquals(202, second.status(), second.toString());
        assertEquals(first.body().size(), second.body().size());
        assertEquals(first.text("status"), second.text("status"));
        // a member's address too: the answer does not tell that an account exists
        String memberEmail = email("member");
        assertEquals(201, studioRegister(memberEmail, "client").status());
        Response overMember = studioRegister(memberEmail, "instructor");
        assertEquals(202, overMember.status(), overMember.toString());
        // and the client login of that address is untouched
        assertEquals(200, studioLogin(memberEmail, PASSWORD).status());
    }

    @Test
    void aTakenEmailAtClientRegistrationGetsAGenericAnswer() {
        String email = email("client");
        assertEquals(201, studioRegister(email, "client").status());
        Response again = studioRegister(email, "client");
        assertEquals(409, again.status(), again.toString());
        assertFalse(again.raw().toLowerCase(java.util.Locale.ROOT).contains("already exists"), again.raw());
    }

    @Test
    void theMemberRegistrationOfApiV1CreatesMembersOnly() {
        Response r = api.post("/api/v1/auth/register", Map.of("email", email("v1"), "password", PASSWORD,
                "name", "V One", "role", "TRAINER"), null);
        assertEquals(400, r.status(), r.toString());
        Response ok = api.post("/api/v1/auth/register", Map.of("email", email("v1"), "password", PASSWORD,
                "name", "V One"), null);
        assertEquals(201, ok.status(), ok.toString());
        Response me = api.get("/api/v1/me", ok.text("accessToken"));
        assertEquals("MEMBER", me.text("role"));
        assertNotNull(me.text("memberId"));
    }

    @Test
    void aClientGetsNoMembershipThenTheFreeTrialOncePerPerson() {
        String admin = server.login(Role.ADMIN);
        // no plan is marked as the free trial: a member on no membership, who cannot book, with no PIN
        String email = email("client");
        Response reg = studioRegister(email, "client");
        assertEquals(201, reg.status(), reg.toString());
        assertNotNull(reg.text("access"));
        String memberId = api.get("/api/v1/me", reg.text("access")).text("memberId");
        Response memberships = api.get("/api/v1/members/" + memberId + "/memberships", admin);
        assertEquals(200, memberships.status(), memberships.toString());
        assertEquals(0, memberships.body().size(), "no membership: " + memberships);
        assertFalse(api.get("/api/v1/members/" + memberId, admin).body().get("pinSet").asBoolean());

        // the gym marks a plan as its free trial (PLANS_MANAGE); the plan record says so
        Response plan = api.post("/api/v1/plans", Map.of("name", "Try us " + UUID.randomUUID().toString().substring(0, 6),
                "kind", "TRIAL", "priceMinor", 0, "currency", "EUR", "durationDays", 7, "freeTrial", true), admin);
        assertEquals(201, plan.status(), plan.toString());
        assertTrue(plan.body().get("freeTrial").asBoolean());
        String planId = plan.text("id");
        Response byDesk = api.put("/api/v1/plans/" + planId, Map.of("freeTrial", false), server.login(Role.FRONT_DESK));
        assertEquals(403, byDesk.status());

        String trialEmail = email("trial");
        Response trial = studioRegister(trialEmail, "client");
        assertEquals(201, trial.status(), trial.toString());
        String trialMember = api.get("/api/v1/me", trial.text("access")).text("memberId");
        JsonNode list = api.get("/api/v1/members/" + trialMember + "/memberships", admin).body();
        assertEquals(1, list.size(), list.toString());
        JsonNode m = list.get(0);
        assertEquals(planId, m.get("planId").asText());
        assertNotNull(m.get("endsOn"), m.toString());
        assertFalse(m.get("endsOn").isNull(), "a trial ends: " + m);
        LocalDate startsOn = LocalDate.parse(m.get("startsOn").asText());
        assertEquals(startsOn.plusDays(6), LocalDate.parse(m.get("endsOn").asText()));
        assertTrue(!startsOn.isAfter(LocalDate.now(ZoneId.of("Pacific/Kiritimati"))));

        // the same person known at the desk by e-mail, who had the trial there: no second trial online
        String deskEmail = email("desk");
        Response deskMember = api.post("/api/v1/members", Map.of("firstName", "Desk", "lastName", "Known",
                "email", deskEmail), admin);
        assertEquals(201, deskMember.status(), deskMember.toString());
        assertEquals(201, api.post("/api/v1/members/" + deskMember.text("id") + "/memberships",
                Map.of("planId", planId, "startsOn", LocalDate.now().toString()), admin).status());
        Response again = studioRegister(deskEmail, "client");
        assertEquals(201, again.status(), again.toString());
        String againMember = api.get("/api/v1/me", again.text("access")).text("memberId");
        assertEquals(0, api.get("/api/v1/members/" + againMember + "/memberships", admin).body().size(),
                "one trial per person");

        // the flag can be taken off again; then registration opens no membership
        Response off = api.put("/api/v1/plans/" + planId, Map.of("freeTrial", false), admin);
        assertEquals(200, off.status(), off.toString());
        assertFalse(off.body().get("freeTrial").asBoolean());
        Response after = studioRegister(email("after"), "client");
        String afterMember = api.get("/api/v1/me", after.text("access")).text("memberId");
        assertEquals(0, api.get("/api/v1/members/" + afterMember + "/memberships", admin).body().size());
    }
}
