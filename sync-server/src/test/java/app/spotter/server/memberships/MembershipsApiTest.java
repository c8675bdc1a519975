package app.spotter.server.memberships;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi.TokenPair;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembershipsApiTest extends ServerTest {

    /** The server runs on the UTC system clock and these members have no home location. */
    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private String manager() {
        return server.login(Role.MANAGER);
    }

    private String plan(String token, String kind, Integer credits, Integer durationDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", kind + " " + UUID.randomUUID().toString().substring(0, 6));
        body.put("kind", kind);
        body.put("priceMinor", 3900);
        body.put("currency", "EUR");
        if (credits != null) {
            body.put("credits", credits);
        }
        if (durationDays != null) {
            body.put("durationDays", durationDays);
        }
        Response r = api.post("/api/v1/plans", body, token);
        assertEquals(201, r.status(), r.toString());
        return r.text("id");
    }

    private String member(String token) {
        Response r = api.post("/api/v1/members", Map.of("firstName", "Serena", "lastName", "W" + UUID.randomUUID()), token);
        assertEquals(201, r.status(), r.toString());
        return r.text("id");
    }

    private Response assign(String token, String memberId, String planId, LocalDate startsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", planId);
        if (startsOn != null) {
            body.put("startsOn", startsOn.toString());
        }
        return api.post("/api/v1/members/" + memberId + "/memberships", body, token);
    }

    private JsonNode only(Response list) {
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.body().size(), list.toString());
        return list.body().get(0);
    }

    @Test
    void aMonthlyPlanRunsOneMonthLessADay() {
        String m = manager();
        Response r = assign(m, member(m), plan(m, "RECURRING_MONTHLY", null, null), LocalDate.of(2026, 1, 31));
        assertEquals(201, r.status(), r.toString());
        assertEquals("ACTIVE", r.text("status"));
        assertEquals("2026-01-31", r.text("startsOn"));
        assertEquals("2026-02-27", r.text("endsOn"));
        assertTrue(r.body().get("credits").isNull());
    }

    @Test
    void aMonthlyPlanStartsTodayByDefaultAndStandsActive() {
        String m = manager();
        Response r = assign(m, member(m), plan(m, "RECURRING_MONTHLY", null, null), null);
        assertEquals(201, r.status(), r.toString());
        assertEquals(today().toString(), r.text("startsOn"));
        assertEquals(today().plusMonths(1).minusDays(1).toString(), r.text("endsOn"));
        assertEquals("ACTIVE", r.text("standing"));
    }

    @Test
    void anAnnualPlanAndATrialTakeTheirPeriods() {
        String m = manager();
        String member = member(m);
        Response annual = assign(m, member, plan(m, "RECURRING_ANNUAL", null, null), LocalDate.of(2025, 3, 15));
        assertEquals("2026-03-14", annual.text("endsOn"));
        Response trial = assign(m, member, plan(m, "TRIAL", null, 7), LocalDate.of(2026, 3, 1));
        assertEquals("TRIAL", trial.text("status"));
        assertEquals("2026-03-07", trial.text("endsOn"));
    }

    @Test
    void aClassPackOfTenCreditsHasABalanceOfTen() {
        String m = manager();
        String member = member(m);
        Response r = assign(m, member, plan(m, "CLASS_PACK", 10, null), null);
        assertEquals(201, r.status(), r.toString());
        assertEquals(10, r.body().get("credits").asInt());
        assertTrue(r.body().get("endsOn").isNull(), "a pack without a duration is open-ended");

        Response ledger = api.get("/api/v1/memberships/" + r.text("id") + "/credits", m);
        assertEquals(200, ledger.status(), ledger.toString());
        assertEquals(10, ledger.body().get("balance").asInt());
        assertEquals(1, ledger.body().get("entries").size());
        assertEquals("PURCHASE", ledger.body().get("entries").get(0).get("reason").asText());
        assertEquals(10, ledger.body().get("entries").get(0).get("delta").asInt());
        assertEquals(10, only(api.get("/api/v1/members/" + member + "/memberships", m)).get("credits").asInt());
    }

    @Test
    void staffAdjustCreditsWithAReasonButNotBelowZero() {
        String m = manager();
        String id = assign(m, member(m), plan(m, "CLASS_PACK", 5, 60), null).text("id");
        Response noReason = api.post("/api/v1/memberships/" + id + "/credits", Map.of("delta", 2), m);
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.text("field"));
        Response plus = api.post("/api/v1/memberships/" + id + "/credits", Map.of("delta", 2, "reason", "Goodwill"), m);
        assertEquals(201, plus.status(), plus.toString());
        assertEquals(7, plus.body().get("balance").asInt());
        Response tooMuch = api.post("/api/v1/memberships/" + id + "/credits", Map.of("delta", -8, "reason", "Oops"), m);
        assertEquals(422, tooMuch.status());
        assertEquals("CREDITS_BELOW_ZERO", tooMuch.code());
        assertEquals(7, api.get("/api/v1/memberships/" + id + "/credits", m).body().get("balance").asInt());
    }

    @Test
    void aFreezeMakesTheMembershipFrozenThatDayAndExtendsItsEnd() {
        String m = manager();
        String member = member(m);
        Response created = assign(m, member, plan(m, "RECURRING_MONTHLY", null, null), today().minusDays(3));
        LocalDate endsOn = LocalDate.parse(created.text("endsOn"));
        Response frozen = api.post("/api/v1/memberships/" + created.text("id") + "/freeze",
                Map.of("from", today().toString(), "to", today().plusDays(9).toString()), m);
        assertEquals(200, frozen.status(), frozen.toString());
        assertEquals(endsOn.plusDays(10).toString(), frozen.text("endsOn"));

        JsonNode listed = only(api.get("/api/v1/members/" + member + "/memberships", m));
        assertEquals("FROZEN", listed.get("standing").asText());
        assertEquals("ACTIVE", listed.get("status").asText());
        assertEquals(today().toString(), listed.get("freezes").get(0).get("from").asText());
    }

    @Test
    void anOverlappingFreezeIsRefused() {
        String m = manager();
        String id = assign(m, member(m), plan(m, "RECURRING_ANNUAL", null, null), today()).text("id");
        assertEquals(200, api.post("/api/v1/memberships/" + id + "/freeze",
                Map.of("from", today().plusDays(10).toString(), "to", today().plusDays(20).toString()), m).status());
        Response overlap = api.post("/api/v1/memberships/" + id + "/freeze",
                Map.of("from", today().plusDays(20).toString(), "to", today().plusDays(25).toString()), m);
        assertEquals(409, overlap.status(), overlap.toString());
        assertEquals("FREEZE_OVERLAPS", overlap.code());
        assertEquals(1, api.get("/api/v1/memberships/" + id, m).body().get("freezes").size());
    }

    @Test
    void aFreezeEndingBeforeItStartsOrLongerThanNinetyDaysIsRefused() {
        String m = manager();
        String id = assign(m, member(m), plan(m, "RECURRING_ANNUAL", null, null), today()).text("id");
        Response backwards = api.post("/api/v1/memberships/" + id + "/freeze",
                Map.of("from", today().plusDays(5).toString(), "to", today().plusDays(4).toString()), m);
        assertEquals(400, backwards.status());
        assertEquals("to", backwards.text("field"));
        Response tooLong = api.post("/api/v1/memberships/" + id + "/freeze",
                Map.of("from", today().toString(), "to", today().plusDays(90).toString()), m);
        assertEquals(422, tooLong.status());
        assertEquals("FREEZE_TOO_LONG", tooLong.code());
    }

    @Test
    void unfreezingEndsTheFreezeTheDayBeforeAndGivesTheDaysBack() {
        String m = manager();
        Response created = assign(m, member(m), plan(m, "RECURRING_MONTHLY", null, null), today().minusDays(1));
        String id = created.text("id");
        LocalDate endsOn = LocalDate.parse(created.text("endsOn"));
        api.post("/api/v1/memberships/" + id + "/freeze",
                Map.of("from", today().minusDays(1).toString(), "to", today().plusDays(8).toString()), m);
        Response thawed = api.post("/api/v1/memberships/" + id + "/unfreeze", Map.of("on", today().toString()), m);
        assertEquals(200, thawed.status(), thawed.toString());
        assertEquals(today().minusDays(1).toString(), thawed.body().get("freezes").get(0).get("to").asText());
        assertEquals(endsOn.plusDays(1).toString(), thawed.text("endsOn"));
        assertEquals("ACTIVE", thawed.text("standing"));
        Response again = api.post("/api/v1/memberships/" + id + "/unfreeze", "", m);
        assertEquals(409, again.status(), again.toString());
        assertEquals("NOT_FROZEN", again.code());
    }

    @Test
    void aCancelledMembershipStandsCancelledAndCannotBeFrozen() {
        String m = manager();
        String id = assign(m, member(m), plan(m, "RECURRING_MONTHLY", null, null), today()).text("id");
        Response cancelled = api.post("/api/v1/memberships/" + id + "/cancel", null, m);
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("CANCELLED", cancelled.text("status"));
        assertEquals("CANCELLED", cancelled.text("standing"));
        assertNotNull(cancelled.text("cancelledAt"));
        Response freeze = api.post("/api/v1/memberships/" + id + "/freeze",
                Map.of("from", today().toString(), "to", today().plusDays(1).toString()), m);
        assertEquals(409, freeze.status());
        assertEquals("MEMBERSHIP_CANCELLED", freeze.code());
        assertEquals("MEMBERSHIP_CANCELLED", api.post("/api/v1/memberships/" + id + "/cancel", null, m).code());
    }

    @Test
    void aPlanChangeEffectiveTodaySwitchesThePlan() {
        String m = manager();
        String member = member(m);
        String monthly = plan(m, "RECURRING_MONTHLY", null, null);
        String annual = plan(m, "RECURRING_ANNUAL", null, null);
        String id = assign(m, member, monthly, today().minusDays(10)).text("id");
        Response changed = api.post("/api/v1/memberships/" + id + "/change-plan",
                Map.of("planId", annual, "effectiveOn", today().toString()), m);
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(annual, changed.text("planId"));
        assertEquals(today().plusYears(1).minusDays(1).toString(), changed.text("endsOn"));
        JsonNode change = changed.body().get("changes").get(0);
        assertEquals(monthly, change.get("fromPlanId").asText());
        assertTrue(change.get("appliedAt").isTextual(), changed.toString());
        assertEquals(annual, only(api.get("/api/v1/members/" + member + "/memberships", m)).get("planId").asText());
    }

    @Test
    void aPlanChangeForLaterWaitsUntilItsDay() {
        String m = manager();
        String monthly = plan(m, "RECURRING_MONTHLY", null, null);
        String pack = plan(m, "CLASS_PACK", 8, null);
        String id = assign(m, member(m), monthly, today()).text("id");
        Response scheduled = api.post("/api/v1/memberships/" + id + "/change-plan",
                Map.of("planId", pack, "effectiveOn", today().plusDays(3).toString()), m);
        assertEquals(200, scheduled.status(), scheduled.toString());
        assertEquals(monthly, scheduled.text("planId"));
        assertTrue(scheduled.body().get("changes").get(0).get("appliedAt").isNull());
    }

    @Test
    void anInactivePlanCannotBeSold() {
        String m = manager();
        String planId = plan(m, "RECURRING_MONTHLY", null, null);
        assertEquals(200, api.put("/api/v1/plans/" + planId, Map.of("active", false), m).status());
        Response r = assign(m, member(m), planId, null);
        assertEquals(409, r.status());
        assertEquals("PLAN_INACTIVE", r.code());
    }

    @Test
    void unknownIdsAreNotFound() {
        String m = manager();
        assertEquals(404, assign(m, UUID.randomUUID().toString(), plan(m, "RECURRING_MONTHLY", null, null), null).status());
        Response unknownPlan = assign(m, member(m), UUID.randomUUID().toString(), null);
        assertEquals(404, unknownPlan.status());
        assertEquals("planId", unknownPlan.text("field"));
        assertEquals(404, api.post("/api/v1/memberships/" + UUID.randomUUID() + "/cancel", null, m).status());
        assertEquals(404, api.get("/api/v1/memberships/" + UUID.randomUUID() + "/credits", m).status());
    }

    @Test
    void aMemberReadsTheirOwnMembershipsButNotAnothers() {
        String m = manager();
        TokenPair me = server.account(Role.MEMBER);
        String myId = api.get("/api/v1/me", me.accessToken()).text("memberId");
        String monthly = plan(m, "RECURRING_MONTHLY", null, null);
        String mine = assign(m, myId, monthly, today()).text("id");
        String other = member(m);
        String theirs = assign(m, other, monthly, today()).text("id");

        assertEquals(mine, only(api.get("/api/v1/members/" + myId + "/memberships", me.accessToken())).get("id").asText());
        Response forbidden = api.get("/api/v1/members/" + other + "/memberships", me.accessToken());
        assertEquals(403, forbidden.status());
        assertEquals("FORBIDDEN", forbidden.code());
        assertEquals(403, api.get("/api/v1/memberships/" + theirs + "/credits", me.accessToken()).status());
        assertEquals(403, api.post("/api/v1/memberships/" + mine + "/cancel", null, me.accessToken()).status());
    }

    @Test
    void malformedMembershipBodiesAreRefusedWithTheField() {
        String m = manager();
        String member = member(m);
        Response unknown = api.post("/api/v1/members/" + member + "/memberships",
                Map.of("planId", UUID.randomUUID().toString(), "discount", 10), m);
        assertEquals(400, unknown.status());
        assertEquals("UNKNOWN_FIELD", unknown.code());
        assertEquals("discount", unknown.text("field"));
        Response wrongType = api.post("/api/v1/members/" + member + "/memberships",
                Map.of("planId", "not-a-uuid"), m);
        assertEquals(400, wrongType.status(), wrongType.toString());
        assertEquals("VALIDATION_FAILED", wrongType.code());
        assertEquals("planId", wrongType.text("field"));
        Response badDate = api.post("/api/v1/memberships/" + UUID.randomUUID() + "/freeze",
                Map.of("from", "2026-02-30", "to", "2026-03-02"), m);
        assertEquals(400, badDate.status());
        assertEquals("from", badDate.text("field"));
    }
}
