package app.spotter.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.model.checkin.MemberCard;
import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.DeskActors;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the desk's members screen sends and reads: a sign-up with a plan, unfreezing, the signed card
 * code on the member feed, and health notes for the staff member at the desk.
 */
class DeskMemberOperationsTest extends ServerTest {

    private record Desk(UUID id, String token, AtomicInteger sequence) {
        long next() {
            return sequence.incrementAndGet();
        }
    }

    @Test
    void aMemberSignedUpAtTheDeskWithAPlanGetsTheMembershipUnderTheDesksId() {
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        UUID plan = new GymFixtures(server).plan(PlanKind.CLASS_PACK, 10);
        UUID member = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        Response r = push(desk, List.of(
                op(desk.next(), "REGISTER_MEMBER", actor, Map.of("kind", "REGISTER_MEMBER", "memberId", member,
                        "firstName", "Counter", "lastName", "Signup")),
                op(desk.next(), "ASSIGN_MEMBERSHIP", actor, Map.of("kind", "ASSIGN_MEMBERSHIP", "membershipId", membership,
                        "memberId", member, "planId", plan))));
        assertEquals(List.of("APPLIED", "APPLIED"), statuses(r));
        JsonNode m = ok(api.get("/api/v1/memberships/" + membership, server.login(Role.MANAGER))).body();
        assertEquals(member.toString(), m.get("memberId").asText());
        assertEquals(plan.toString(), m.get("planId").asText());
        assertEquals(10, new GymFixtures(server).creditBalance(membership));

        // the same membership id again (a retry under a new sequence) changes nothing
        Response again = push(desk, List.of(op(desk.next(), "ASSIGN_MEMBERSHIP", actor, Map.of("kind",
                "ASSIGN_MEMBERSHIP", "membershipId", membership, "memberId", member, "planId", plan))));
        assertEquals(List.of("APPLIED"), statuses(again));
        assertEquals(10, new GymFixtures(server).creditBalance(membership));
    }

    @Test
    void aFrozenMembershipIsUnfrozenFromTheDeskAndAnUnfrozenOneIsRefused() {
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        GymFixtures fx = new GymFixtures(server);
        UUID membership = fx.membership(fx.member().memberId(), fx.plan(PlanKind.RECURRING_MONTHLY, null), 0);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        Response frozen = push(desk, List.of(op(desk.next(), "FREEZE_MEMBERSHIP", actor, Map.of("kind",
                "FREEZE_MEMBERSHIP", "membershipId", membership, "from", today.toString(),
                "to", today.plusDays(13).toString()))));
        assertEquals(List.of("APPLIED"), statuses(frozen));
        assertEquals(1L, fx.count("select count(*) from membership_freeze where membership_id = ?", membership));

        Response unfrozen = push(desk, List.of(op(desk.next(), "UNFREEZE_MEMBERSHIP", actor, Map.of("kind",
                "UNFREEZE_MEMBERSHIP", "membershipId", membership, "on", today.toString()))));
        assertEquals(List.of("APPLIED"), statuses(unfrozen));
        assertEquals(0L, fx.count("select count(*) from membership_freeze where membership_id = ?", membership),
                "unfrozen on the freeze's first day: the freeze is gone");

        Response twice = push(desk, List.of(op(desk.next(), "UNFREEZE_MEMBERSHIP", actor, Map.of("kind",
                "UNFREEZE_MEMBERSHIP", "membershipId", membership, "on", today.toString()))));
        assertEquals(List.of("REJECTED"), statuses(twice));
        assertEquals("NOT_FROZEN", twice.body().get("outcomes").get(0).get("reason").asText());
    }

    @Test
    void theMemberFeedCarriesASignedCardCodeOfTheCurrentCard() {
        Desk desk = desk();
        UUID member = new GymFixtures(server).member().memberId();
        JsonNode row = memberRow(desk, member);
        String code = row.get("cardCode").asText();
        var key = MemberQrCodes.decodePublicKey(ok(api.get("/api/v1/checkin/public-key",
                server.login(Role.MANAGER))).text("publicKey"));
        Optional<MemberCard> card = MemberQrCodes.verify(code, key);
        assertTrue(card.isPresent(), "the code verifies with the gym's public key: " + code);
        assertEquals(member, card.get().member().value());
        assertEquals(row.get("cardVersion").asInt(), card.get().cardVersion());
        assertTrue(!row.has("healthNotesEncrypted") && !row.has("pinHash"), "no secrets on the feed: " + row);

        ok(api.post("/api/v1/members/" + member + "/card/revoke", Map.of(), server.login(Role.MANAGER)));
        Optional<MemberCard> reissued = MemberQrCodes.verify(memberRow(desk, member).get("cardCode").asText(), key);
        assertEquals(card.get().cardVersion() + 1, reissued.orElseThrow().cardVersion(), "a reissue brings a new code");
    }

    @Test
    void healthNotesGoToADeskOnlyForAStaffMemberWithTheHealthNotesPermission() {
        Desk desk = desk();
        String id = ok(api.post("/api/v1/members", Map.of("firstName", "Knee", "lastName", "Injury",
                "healthNotes", "left knee: no jumping"), server.login(Role.MANAGER))).text("id");
        Response manager = actors.healthNotes(desk.token(), desk.id(), staff(Role.MANAGER), id);
        assertEquals(200, manager.status(), manager.toString());
        assertEquals("left knee: no jumping", manager.text("healthNotes"));

        Response frontDesk = actors.healthNotes(desk.token(), desk.id(), staff(Role.FRONT_DESK), id);
        assertEquals(403, frontDesk.status(), frontDesk.toString());
        assertEquals("FORBIDDEN", frontDesk.code());
        Response noActor = api.get("/api/v1/sync/members/" + id + "/health-notes", desk.token());
        assertEquals(400, noActor.status());
        assertEquals("actor", noActor.body().get("field").asText());
        Response badActor = api.get("/api/v1/sync/members/" + id + "/health-notes?actor=nobody", desk.token());
        assertEquals(400, badActor.status());
        Response unknownActor = api.get("/api/v1/sync/members/" + id + "/health-notes?actor=" + UUID.randomUUID(),
                desk.token());
        assertEquals(403, unknownActor.status());
        Response unknownMember = actors.healthNotes(desk.token(), desk.id(), staff(Role.MANAGER), UUID.randomUUID());
        assertEquals(404, unknownMember.status());
        Response staffToken = api.get("/api/v1/sync/members/" + id + "/health-notes?actor=" + staff(Role.MANAGER),
                server.login(Role.MANAGER));
        assertEquals(401, staffToken.status(), "a staff token is not a device token");
    }

    // ------------------------------------------------------------------ helpers

    private DeskActors actors;

    @BeforeEach
    void staffLogInAtDesks() {
        actors = new DeskActors(api);
    }

    private JsonNode memberRow(Desk desk, UUID member) {
        String after = null;
        while (true) {
            JsonNode page = ok(api.get("/api/v1/sync/snapshot?entityType=member&limit=1000"
                    + (after == null ? "" : "&after=" + after), desk.token())).body();
            for (JsonNode row : page.get("rows")) {
                if (member.toString().equals(row.get("id").asText())) {
                    return row;
                }
            }
            if (page.get("nextAfter").isNull()) {
                throw new AssertionError("member " + member + " is not in the snapshot");
            }
            after = page.get("nextAfter").asText();
        }
    }

    private Desk desk() {
        String manager = server.login(Role.MANAGER);
        UUID location = new GymFixtures(server).location("Europe/Berlin");
        String code = ok(api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), manager)).text("code");
        Response enrolled = ok(api.post("/api/v1/devices/enroll", Map.of("pairingCode", code, "name", "Desk",
                "kind", "FRONT_DESK"), null));
        String token = ok(api.post("/api/v1/devices/token", Map.of("deviceId", enrolled.text("deviceId"),
                "deviceSecret", enrolled.text("deviceSecret")), null)).text("accessToken");
        return new Desk(UUID.fromString(enrolled.text("deviceId")), token, new AtomicInteger());
    }

    private UUID staff(Role role) {
        return actors.staff(server.login(role));
    }

    private static Map<String, Object> op(long sequence, String type, UUID actor, Map<String, Object> payload) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("opId", UUID.randomUUID());
        op.put("sequence", sequence);
        op.put("type", type);
        op.put("hlc", Map.of("wallMillis", System.currentTimeMillis(), "counter", 0, "node", "desk"));
        op.put("actor", actor);
        op.put("readVersions", Map.of());
        op.put("payload", payload);
        return op;
    }

    private Response push(Desk desk, List<Map<String, Object>> ops) {
        return ok(api.post("/api/v1/sync/push", Map.of("operations", actors.signed(desk.token(), desk.id(), ops)),
                desk.token()));
    }

    private static List<String> statuses(Response r) {
        return r.body().get("outcomes").findValuesAsText("status");
    }

    private static Response ok(Response r) {
        if (r.status() < 200 || r.status() > 299) {
            throw new AssertionError("Expected 2xx but got " + r);
        }
        return r;
    }
}
