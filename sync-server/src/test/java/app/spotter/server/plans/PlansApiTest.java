package app.spotter.server.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.ServerTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlansApiTest extends ServerTest {

    private static Map<String, Object> plan(String kind, Integer credits, Integer durationDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", kind + " plan");
        body.put("kind", kind);
        body.put("priceMinor", 4900);
        body.put("currency", "EUR");
        if (credits != null) {
            body.put("credits", credits);
        }
        if (durationDays != null) {
            body.put("durationDays", durationDays);
        }
        return body;
    }

    @Test
    void aClassPackWithoutCreditsIsRefusedOnTheCreditsField() {
        Response r = api.post("/api/v1/plans", plan("CLASS_PACK", null, null), server.login(Role.MANAGER));
        assertEquals(400, r.status(), r.toString());
        assertEquals("VALIDATION_FAILED", r.code());
        assertEquals("credits", r.text("field"));
    }

    @Test
    void aMonthlyPlanWithCreditsIsRefused() {
        Response r = api.post("/api/v1/plans", plan("RECURRING_MONTHLY", 10, null), server.login(Role.MANAGER));
        assertEquals(400, r.status());
        assertEquals("credits", r.text("field"));
    }

    @Test
    void aTrialNeedsItsDuration() {
        Response r = api.post("/api/v1/plans", plan("TRIAL", null, null), server.login(Role.MANAGER));
        assertEquals(400, r.status());
        assertEquals("durationDays", r.text("field"));
    }

    @Test
    void anUnknownKindIsAValidationErrorOnKind() {
        Response r = api.post("/api/v1/plans", plan("LIFETIME", null, null), server.login(Role.MANAGER));
        assertEquals(400, r.status());
        assertEquals("VALIDATION_FAILED", r.code());
        assertEquals("kind", r.text("field"));
    }

    @Test
    void aPlanAnswersWithItsPriceAsMoneyAndCanBeRepricedAndRetired() {
        String manager = server.login(Role.MANAGER);
        Response created = api.post("/api/v1/plans", plan("CLASS_PACK", 10, 90), manager);
        assertEquals(201, created.status(), created.toString());
        assertEquals(4900, created.body().get("price").get("minorUnits").asLong());
        assertEquals("EUR", created.body().get("price").get("currency").asText());
        assertEquals(10, created.body().get("credits").asInt());

        Response updated = api.put("/api/v1/plans/" + created.text("id"),
                Map.of("name", "Ten classes", "priceMinor", 5500, "active", false), manager);
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("Ten classes", updated.text("name"));
        assertEquals(5500, updated.body().get("price").get("minorUnits").asLong());
        assertFalse(updated.body().get("active").asBoolean());

        Response listed = api.get("/api/v1/plans", server.login(Role.MEMBER));
        assertEquals(200, listed.status());
        boolean found = false;
        for (var p : listed.body()) {
            found |= p.get("id").asText().equals(created.text("id")) && p.get("name").asText().equals("Ten classes");
        }
        assertEquals(true, found, listed.toString());
    }

    @Test
    void frontDeskCannotCreatePlans() {
        Response r = api.post("/api/v1/plans", plan("RECURRING_MONTHLY", null, null), server.login(Role.FRONT_DESK));
        assertEquals(403, r.status());
    }
}
