package app.spotter.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An operation that can never apply (a value longer than its column, a malformed payload) is
 * REJECTED once with a stable reason and stored as its outcome, so a desk's outbox moves on; a resend
 * gets the same stored outcome. It used to answer 500 on every resend (issue 8, item 6).
 */
class PushInvalidOperationTest extends ServerTest {

    private record Desk(UUID id, String token) {
    }

    @Test
    void anHlcNodeLongerThanItsColumnIsRejectedOnceAndTheNextOperationApplies() {
        Desk desk = desk();
        UUID actor = staff();
        Map<String, Object> bad = op(1, actor, register("Ok"), "n".repeat(200));
        Map<String, Object> good = op(2, actor, register("Next"), "desk");

        Response first = push(desk, List.of(bad, good));
        assertEquals(List.of("REJECTED", "APPLIED"), statuses(first), first.toString());
        assertEquals("INVALID_OPERATION:hlc.node", first.body().get("outcomes").get(0).get("reason").asText());
        assertEquals(2, first.body().get("lastAppliedSequence").asLong());

        Response again = push(desk, List.of(bad, good));
        assertEquals(first.body().get("outcomes"), again.body().get("outcomes"));
        assertEquals(2, count("select count(*) from sync_operation where device_id = ?", desk.id()));
    }

    @Test
    void anHlcNodeLongerThanItsColumnAloneIsRejectedInTheOneByOnePath() {
        Desk desk = desk();
        Response first = push(desk, List.of(op(1, staff(), register("Solo"), "n".repeat(500))));
        assertEquals(List.of("REJECTED"), statuses(first), first.toString());
        Response again = push(desk, List.of(op(1, staff(), register("Solo"), "n".repeat(500))));
        assertEquals(200, again.status(), again.toString());
        assertEquals(1, again.body().get("lastAppliedSequence").asLong());
    }

    @Test
    void aFirstNameLongerThanAMemberNameIsRejectedNamingTheField() {
        Desk desk = desk();
        UUID actor = staff();
        Map<String, Object> bad = op(1, actor, register("F".repeat(150)), "desk");
        Response first = push(desk, List.of(bad, op(2, actor, register("Fine"), "desk")));
        assertEquals(List.of("REJECTED", "APPLIED"), statuses(first), first.toString());
        assertEquals("INVALID_OPERATION:payload.firstName", first.body().get("outcomes").get(0).get("reason").asText());
        Response again = push(desk, List.of(bad));
        assertEquals(first.body().get("outcomes").get(0), again.body().get("outcomes").get(0));
    }

    @Test
    void anEditThatSetsATooLongFirstNameIsRejectedNamingTheField() {
        Desk desk = desk();
        UUID actor = staff();
        UUID member = UUID.randomUUID();
        Map<String, Object> registered = register("Edit");
        registered.put("memberId", member);
        Map<String, Object> edit = new HashMap<>(Map.of("kind", "EDIT_MEMBER", "memberId", member,
                "changes", Map.of("firstName", "E".repeat(300))));
        Response r = push(desk, List.of(op(1, actor, registered, "desk"), op(2, actor, edit, "desk")));
        assertEquals(List.of("APPLIED", "REJECTED"), statuses(r), r.toString());
        assertEquals("INVALID_OPERATION:payload.changes.firstName", r.body().get("outcomes").get(1).get("reason").asText());
    }

    @Test
    void aFreezeInYearNineHundredMillionIsRejectedNamingTheField() {
        Desk desk = desk();
        Map<String, Object> freeze = new HashMap<>(Map.of("kind", "FREEZE_MEMBERSHIP", "membershipId", UUID.randomUUID(),
                "from", "2026-01-01", "to", "+999999999-12-31"));
        // no desk could sign this (its own reader refuses the date); the bounds are checked before the proof
        Response r = ok(api.post("/api/v1/sync/push", Map.of("operations", List.of(op(1, staff(), freeze, "desk"))),
                desk.token()));
        assertEquals(List.of("REJECTED"), statuses(r), r.toString());
        assertEquals("INVALID_OPERATION:payload.to", r.body().get("outcomes").get(0).get("reason").asText());
    }

    @Test
    void aNulCharacterRejectsItsOperationOnceNotTheWholePush() {
        Desk desk = desk();
        UUID actor = staff();
        // no desk could sign this (its own reader refuses NUL); the bounds are checked before the proof
        Map<String, Object> bad = op(1, actor, register("Nul\u0000Name"), "desk");
        Response first = ok(api.post("/api/v1/sync/push", Map.of("operations", List.of(bad)), desk.token()));
        assertEquals(List.of("REJECTED"), statuses(first), first.toString());
        assertEquals("INVALID_OPERATION:payload", first.body().get("outcomes").get(0).get("reason").asText());
        Response next = push(desk, List.of(op(2, actor, register("After"), "desk")));
        assertEquals(List.of("APPLIED"), statuses(next), next.toString());
        Response again = ok(api.post("/api/v1/sync/push", Map.of("operations", List.of(bad)), desk.token()));
        assertEquals(List.of("REJECTED"), statuses(again), "a resend gets the stored outcome: " + again);
    }

    // ------------------------------------------------------------------ helpers

    private Desk desk() {
        String manager = server.login(Role.MANAGER);
        UUID location = new GymFixtures(server).location("Europe/Berlin");
        String code = ok(api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), manager)).text("code");
        Response enrolled = ok(api.post("/api/v1/devices/enroll", Map.of("pairingCode", code, "name", "Desk",
                "kind", "FRONT_DESK"), null));
        String token = ok(api.post("/api/v1/devices/token", Map.of("deviceId", enrolled.text("deviceId"),
                "deviceSecret", enrolled.text("deviceSecret")), null)).text("accessToken");
        return new Desk(UUID.fromString(enrolled.text("deviceId")), token);
    }

    /** A front-desk staff member logged in at the desk, as a desk proves it (decision 0013). */
    private UUID staff() {
        return actors().staff(server.login(Role.FRONT_DESK));
    }

    private app.spotter.server.support.DeskActors actors;

    private app.spotter.server.support.DeskActors actors() {
        if (actors == null) {
            actors = new app.spotter.server.support.DeskActors(api);
        }
        return actors;
    }

    private static Map<String, Object> register(String firstName) {
        return new HashMap<>(Map.of("kind", "REGISTER_MEMBER", "memberId", UUID.randomUUID(),
                "firstName", firstName, "lastName", "Pushed"));
    }

    private static Map<String, Object> op(long sequence, UUID actor, Map<String, Object> payload, String node) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("opId", UUID.nameUUIDFromBytes((payload.toString() + sequence + node).getBytes()));
        op.put("sequence", sequence);
        op.put("type", payload.get("kind"));
        op.put("hlc", Map.of("wallMillis", System.currentTimeMillis(), "counter", 0, "node", node));
        op.put("actor", actor);
        op.put("readVersions", Map.of());
        op.put("payload", payload);
        return op;
    }

    private Response push(Desk desk, List<Map<String, Object>> ops) {
        return ok(api.post("/api/v1/sync/push", Map.of("operations", actors().signed(desk.token(), desk.id(), ops)),
                desk.token()));
    }

    private static List<String> statuses(Response r) {
        return r.body().get("outcomes").valueStream().map(o -> o.get("status").asText()).toList();
    }

    private long count(String sql, Object param) {
        return new GymFixtures(server).count(sql, param);
    }

    private static Response ok(Response r) {
        assertEquals(true, r.status() < 300, r.toString());
        return r;
    }
}
