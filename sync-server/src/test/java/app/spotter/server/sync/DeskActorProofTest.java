package app.spotter.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.spotter.model.access.Role;
import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.model.common.MemberId;
import app.spotter.model.membership.PlanKind;
import app.spotter.model.sync.OperationProofs;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.SyncApi;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.DeskActors;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A desk proves who is acting (decision 0013): an operation's actor counts only with a proof signed
 * with that person's credential at that device, made while it was live; a kiosk or a scanner acts
 * only as itself; the manager who creates the pairing code sets the device's kind.
 */
class DeskActorProofTest extends ServerTest {

    /** As docs/sync.md states them. */
    private static final String PROOF_HEADER = "X-Spotter-Actor-Proof";
    private static final Duration CLOCK_SKEW = Duration.ofHours(6);

    private record Device(UUID id, String token, String kind, UUID location, AtomicInteger sequence) {
        long next() {
            return sequence.incrementAndGet();
        }
    }

    // ------------------------------------------------------------------ kiosk and scanner act as themselves

    @Test
    void aKioskNamingAnAdminInAnEditMemberIsRejected() {
        Device kiosk = device("KIOSK");
        UUID admin = UUID.fromString(ok(api.get("/api/v1/me", server.login(Role.ADMIN))).text("id"));
        String member = newMember();
        Response r = push(kiosk, List.of(op(kiosk.next(), "EDIT_MEMBER", admin,
                Map.of("kind", "EDIT_MEMBER", "memberId", member, "changes", Map.of("firstName", "Hacked")))));
        assertEquals(List.of("REJECTED"), statuses(r));
        assertEquals("DEVICE_KIND_FORBIDS", reason(r, 0));
        assertEquals("Edit", ok(api.get("/api/v1/members/" + member, server.login(Role.MANAGER))).text("firstName"));
    }

    @Test
    void aKioskGetsNoStaffCredentialAndLetsMembersInByQrAsItself() {
        Device kiosk = device("KIOSK");
        Response refused = api.post("/api/v1/sync/staff-credentials",
                Map.of("accessToken", server.login(Role.FRONT_DESK)), kiosk.token());
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("DEVICE_KIND_FORBIDS", refused.code());

        UUID member = fx().memberWithUnlimitedPlan().memberId();
        UUID checkIn = UUID.randomUUID();
        Response r = push(kiosk, List.of(
                op(kiosk.next(), "CHECK_IN", null, qrCheckIn(checkIn, member, card(member), null, null)),
                op(kiosk.next(), "CHECK_IN", null, checkIn(UUID.randomUUID(), member, "STAFF"))));
        assertEquals(List.of("APPLIED", "REJECTED"), statuses(r));
        assertEquals("DEVICE_KIND_FORBIDS", reason(r, 1));
        assertEquals(1, fx().count("select count(*) from check_in where id = ? and staff_user_id is null and device_id = ?",
                checkIn, kiosk.id()));
    }

    @Test
    void aFrontDeskInItsKioskModeLetsMembersInByQrAsItselfButNothingElse() {
        Device desk = device("FRONT_DESK");
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        Response r = push(desk, List.of(
                op(desk.next(), "CHECK_IN", null, qrCheckIn(UUID.randomUUID(), member, card(member), null, null)),
                op(desk.next(), "CHECK_IN", null, checkIn(UUID.randomUUID(), member, "STAFF"))));
        assertEquals(List.of("APPLIED", "REJECTED"), statuses(r));
        assertEquals("ACTOR_NOT_PROVEN", reason(r, 1));
    }

    // ------------------------------------------------------------------ a kiosk proves the member's card

    @Test
    void aKioskCheckInWithoutTheMembersOwnCardIsRejectedAndSpendsNothing() {
        Device kiosk = device("KIOSK");
        UUID member = fx().member().memberId();
        UUID membership = fx().membership(member, fx().plan(PlanKind.CLASS_PACK, 10), 5);
        String forged = MemberQrCodes.sign(new MemberId(member), 0, Instant.now(),
                MemberQrCodes.newSigningKeys().getPrivate());
        String someoneElses = card(fx().memberWithUnlimitedPlan().memberId());
        UUID elsewhere = fx().location("Europe/Berlin");
        Map<String, Object> noCard = op(kiosk.next(), "CHECK_IN", null, qrCheckIn(UUID.randomUUID(), member, null, membership, null));
        Response r = push(kiosk, List.of(noCard,
                op(kiosk.next(), "CHECK_IN", null, qrCheckIn(UUID.randomUUID(), member, "SPOTTER1.garbage", membership, null)),
                op(kiosk.next(), "CHECK_IN", null, qrCheckIn(UUID.randomUUID(), member, forged, membership, null)),
                op(kiosk.next(), "CHECK_IN", null, qrCheckIn(UUID.randomUUID(), member, someoneElses, membership, null)),
                op(kiosk.next(), "CHECK_IN", null, qrCheckIn(UUID.randomUUID(), member, card(member), membership, elsewhere))));
        assertEquals(List.of("REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"), statuses(r));
        for (int i = 0; i < 4; i++) {
            assertEquals("CARD_NOT_PROVEN", reason(r, i), "operation " + i);
        }
        assertEquals("LOCATION_NOT_THIS_DEVICE", reason(r, 4));
        assertEquals(0, fx().count("select count(*) from check_in where member_id = ?", member));
        assertEquals(5, fx().creditBalance(membership));
        // stored once: the same operation resent answers the same, and still nothing is applied
        Response again = push(kiosk, List.of(noCard));
        assertEquals(List.of("REJECTED"), statuses(again));
        assertEquals("CARD_NOT_PROVEN", reason(again, 0));
        assertEquals(1, fx().count("select count(*) from sync_operation where op_id = ?", noCard.get("opId")));
        assertEquals(5, fx().creditBalance(membership));
    }

    @Test
    void aKioskCheckInWithTheMembersRealCardIsAppliedAndSpendsTheCredit() {
        Device kiosk = device("SCANNER");
        UUID member = fx().member().memberId();
        UUID membership = fx().membership(member, fx().plan(PlanKind.CLASS_PACK, 10), 5);
        UUID checkIn = UUID.randomUUID();
        Response r = push(kiosk, List.of(op(kiosk.next(), "CHECK_IN", null,
                qrCheckIn(checkIn, member, card(member) + "\n", membership, null))));
        assertEquals(List.of("APPLIED"), statuses(r));
        assertEquals(1, fx().count("select count(*) from check_in where id = ? and location_id = ? and staff_user_id is null",
                checkIn, kiosk.location()));
        assertEquals(4, fx().creditBalance(membership));
    }

    @Test
    void aRevokedCardLetsNoOneInButItsRefusalIsKept() {
        Device kiosk = device("KIOSK");
        UUID member = fx().member().memberId();
        UUID membership = fx().membership(member, fx().plan(PlanKind.CLASS_PACK, 10), 5);
        String old = card(member);
        ok(api.post("/api/v1/members/" + member + "/card/revoke", null, server.login(Role.MANAGER)));
        UUID admitted = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        Map<String, Object> refusal = qrCheckIn(refused, member, old, null, null);
        refusal.put("admitted", false);
        refusal.put("reason", "QR_REVOKED");
        Response r = push(kiosk, List.of(
                op(kiosk.next(), "CHECK_IN", null, qrCheckIn(admitted, member, old, membership, null)),
                op(kiosk.next(), "CHECK_IN", null, refusal)));
        assertEquals(List.of("REJECTED", "APPLIED"), statuses(r));
        assertEquals("CARD_NOT_PROVEN", reason(r, 0));
        assertEquals(0, fx().count("select count(*) from check_in where id = ?", admitted));
        assertEquals(1, fx().count("select count(*) from check_in where id = ? and admitted = false", refused));
        assertEquals(5, fx().creditBalance(membership));
    }

    // ------------------------------------------------------------------ a desk proves its staff

    @Test
    void aDeskPushingAsStaffWhoNeverLoggedInThereIsRejected() {
        Device desk = device("FRONT_DESK");
        UUID stranger = UUID.fromString(ok(api.get("/api/v1/me", server.login(Role.FRONT_DESK))).text("id"));
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        Response r = push(desk, List.of(op(desk.next(), "CHECK_IN", stranger, checkIn(UUID.randomUUID(), member, "STAFF"))));
        assertEquals(List.of("REJECTED"), statuses(r));
        assertEquals("ACTOR_NOT_PROVEN", reason(r, 0));
        assertEquals(0, fx().count("select count(*) from check_in where member_id = ?", member));
    }

    @Test
    void staffWhoLoggedInAtTheDeskActThroughItsSignature() {
        Device desk = device("FRONT_DESK");
        UUID staff = actors.staff(server.login(Role.FRONT_DESK));
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        Response r = push(desk, List.of(actors.signed(desk.token(), desk.id(),
                op(desk.next(), "CHECK_IN", staff, checkIn(UUID.randomUUID(), member, "STAFF")))));
        assertEquals(List.of("APPLIED"), statuses(r));
        assertEquals(1, fx().count("select count(*) from check_in where member_id = ? and staff_user_id = ?", member, staff));
        assertEquals(1, fx().count("select count(*) from audit_entry where action = 'STAFF_CREDENTIAL_ISSUED' and actor_id = ?"
                + " and entity_id = ?", staff, desk.id().toString()));
    }

    @Test
    void aProofOfAnAlteredOperationIsRejected() {
        Device desk = device("FRONT_DESK");
        UUID staff = actors.staff(server.login(Role.FRONT_DESK));
        String member = newMember();
        Map<String, Object> signed = actors.signed(desk.token(), desk.id(), op(desk.next(), "EDIT_MEMBER", staff,
                Map.of("kind", "EDIT_MEMBER", "memberId", member, "changes", Map.of("firstName", "Edith"))));
        Map<String, Object> altered = new LinkedHashMap<>(signed);
        altered.put("payload", Map.of("kind", "EDIT_MEMBER", "memberId", member, "changes", Map.of("firstName", "Mallory")));
        Response r = push(desk, List.of(altered));
        assertEquals(List.of("REJECTED"), statuses(r));
        assertEquals("ACTOR_NOT_PROVEN", reason(r, 0));

        Map<String, Object> replayed = new LinkedHashMap<>(signed);
        replayed.put("sequence", desk.next());
        replayed.put("opId", UUID.randomUUID());
        assertEquals("ACTOR_NOT_PROVEN", reason(push(desk, List.of(replayed)), 0), "opId and sequence are signed too");
        assertEquals("Edit", ok(api.get("/api/v1/members/" + member, server.login(Role.MANAGER))).text("firstName"));
    }

    @Test
    void aProofWithAnotherDevicesCredentialIsRejected() {
        Device mine = device("FRONT_DESK");
        Device theirs = device("FRONT_DESK");
        UUID staff = actors.staff(server.login(Role.FRONT_DESK));
        SyncApi.StaffCredential borrowed = actors.credential(theirs.token(), theirs.id(), staff);
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        Map<String, Object> op = op(mine.next(), "CHECK_IN", staff, checkIn(UUID.randomUUID(), member, "STAFF"));
        // signed as if the borrowed credential were this desk's, and as the other desk would sign it
        Response r = push(mine, List.of(DeskActors.withProof(op, borrowed.credentialId(), borrowed.key(), mine.id())));
        assertEquals("ACTOR_NOT_PROVEN", reason(r, 0));
        Map<String, Object> next = op(mine.next(), "CHECK_IN", staff, checkIn(UUID.randomUUID(), member, "STAFF"));
        r = push(mine, List.of(DeskActors.withProof(next, borrowed.credentialId(), borrowed.key(), theirs.id())));
        assertEquals("ACTOR_NOT_PROVEN", reason(r, 0));
        assertEquals(0, fx().count("select count(*) from check_in where member_id = ?", member));
    }

    @Test
    void aDeactivatedStaffMembersOperationsCountOnlyUntilTheDeactivation() {
        Device desk = device("FRONT_DESK");
        UUID staff = actors.staff(server.login(Role.FRONT_DESK));
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        // made offline while the account was active, pushed after the deactivation
        Map<String, Object> madeBefore = actors.signed(desk.token(), desk.id(),
                op(desk.next(), "CHECK_IN", staff, checkIn(before, member, "STAFF")));
        Response deactivated = api.post("/api/v1/staff/" + staff + "/deactivate", null, server.login(Role.MANAGER));
        assertEquals(200, deactivated.status(), deactivated.toString());
        // made after it: later than the deactivation by more than a desk clock may be off
        Map<String, Object> late = op(desk.next(), "CHECK_IN", staff, checkIn(after, member, "STAFF"));
        late.put("hlc", Map.of("wallMillis", Instant.now().plus(CLOCK_SKEW).plus(Duration.ofMinutes(5))
                .toEpochMilli(), "counter", 0, "node", "desk"));
        Response r = push(desk, List.of(madeBefore, actors.signed(desk.token(), desk.id(), late)));
        assertEquals(List.of("APPLIED", "REJECTED"), statuses(r));
        assertEquals("ACTOR_NOT_PROVEN", reason(r, 1));
        assertEquals(1, fx().count("select count(*) from check_in where id = ?", before));
        assertEquals(0, fx().count("select count(*) from check_in where id = ?", after));
        assertEquals(1, fx().count("select count(*) from audit_entry where action = 'STAFF_DEACTIVATED' and entity_id = ?",
                staff.toString()));
    }

    @Test
    void anOperationDatedBeforeItsCredentialWasIssuedIsRejected() {
        Device desk = device("FRONT_DESK");
        UUID staff = actors.staff(server.login(Role.FRONT_DESK));
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        UUID backdated = UUID.randomUUID();
        // a desk holding the key cannot stretch a 14-day credential by backdating its clock
        Map<String, Object> old = op(desk.next(), "CHECK_IN", staff, checkIn(backdated, member, "STAFF"));
        old.put("hlc", Map.of("wallMillis", Instant.now().minus(CLOCK_SKEW).minus(Duration.ofDays(1)).toEpochMilli(),
                "counter", 0, "node", "desk"));
        Response r = push(desk, List.of(actors.signed(desk.token(), desk.id(), old)));
        assertEquals(List.of("REJECTED"), statuses(r));
        assertEquals("ACTOR_NOT_PROVEN", reason(r, 0));
        assertEquals(0, fx().count("select count(*) from check_in where id = ?", backdated));
    }

    @Test
    void aPasswordChangeEndsTheDeskCredentialsOfTheOldPassword() {
        Device desk = device("FRONT_DESK");
        var login = server.account(Role.FRONT_DESK);
        UUID staff = actors.staff(login.accessToken());
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        actors.credential(desk.token(), desk.id(), staff);
        Response changed = api.post("/api/v1/me/password", Map.of("currentPassword", "test-password-1",
                "newPassword", "a-new-password-2"), login.accessToken());
        assertEquals(200, changed.status(), changed.toString());
        UUID after = UUID.randomUUID();
        Map<String, Object> late = op(desk.next(), "CHECK_IN", staff, checkIn(after, member, "STAFF"));
        late.put("hlc", Map.of("wallMillis", Instant.now().plus(CLOCK_SKEW).plus(Duration.ofMinutes(5)).toEpochMilli(),
                "counter", 0, "node", "desk"));
        Response r = push(desk, List.of(actors.signed(desk.token(), desk.id(), late)));
        assertEquals(List.of("REJECTED"), statuses(r));
        assertEquals("ACTOR_NOT_PROVEN", reason(r, 0));
    }

    @Test
    void anAdminWithoutTheRequiredSecondFactorGetsNoDeskCredential() {
        Device desk = device("FRONT_DESK");
        // an admin with TOTP turns the gym's rule on; another admin without it asks for a desk credential
        String withTotp = server.login(Role.ADMIN);
        Response enrol = ok(api.post("/api/v1/me/totp", null, withTotp));
        byte[] secret = app.spotter.server.auth.Totp.base32Decode(enrol.text("secret"));
        String code = app.spotter.server.auth.Totp.code(secret, app.spotter.server.auth.Totp.step(Instant.now()),
                app.spotter.server.auth.Totp.DIGITS);
        ok(api.post("/api/v1/me/totp/confirm", Map.of("code", code), withTotp));
        ok(api.put("/api/v1/settings/security", Map.of("totpRequiredForAdmins", true), withTotp));
        try {
            Response refused = api.post("/api/v1/sync/staff-credentials", Map.of("accessToken", server.login(Role.ADMIN)),
                    desk.token());
            assertEquals(403, refused.status(), refused.toString());
            assertEquals("TOTP_ENROLMENT_REQUIRED", refused.code());
        } finally {
            // the setting is the gym's: the other tests of this class use admins without TOTP
            ok(api.put("/api/v1/settings/security", Map.of("totpRequiredForAdmins", false), withTotp));
        }
    }

    // ------------------------------------------------------------------ health notes at the desk

    @Test
    void healthNotesForAnUnprovenActorAreRefused() {
        Device desk = device("FRONT_DESK");
        UUID manager = UUID.fromString(ok(api.get("/api/v1/me", server.login(Role.MANAGER))).text("id"));
        String member = newMember();
        String path = "/api/v1/sync/members/" + member + "/health-notes";
        Response unproven = api.get(path + "?actor=" + manager, desk.token());
        assertEquals(403, unproven.status(), unproven.toString());
        assertEquals("ACTOR_NOT_PROVEN", unproven.code());

        UUID staff = actors.staff(server.login(Role.MANAGER));
        SyncApi.StaffCredential c = actors.credential(desk.token(), desk.id(), staff);
        String fresh = OperationProofs.requestProof(c.credentialId(), c.key(), "GET", path, new UserId(staff),
                System.currentTimeMillis());
        Response proven = api.send("GET", path + "?actor=" + staff, null, desk.token(),
                Map.of(PROOF_HEADER, fresh));
        assertEquals(200, proven.status(), proven.toString());
        String stale = OperationProofs.requestProof(c.credentialId(), c.key(), "GET", path, new UserId(staff),
                System.currentTimeMillis() - Duration.ofMinutes(10).toMillis());
        assertEquals(403, api.send("GET", path + "?actor=" + staff, null, desk.token(),
                Map.of(PROOF_HEADER, stale)).status());
        assertEquals(403, api.send("GET", path + "?actor=" + manager, null, desk.token(),
                Map.of(PROOF_HEADER, fresh)).status(), "the proof names its own actor");
    }

    // ------------------------------------------------------------------ the manager sets the kind

    @Test
    void theDeviceCannotChooseItsKind() {
        String manager = server.login(Role.MANAGER);
        UUID location = fx().location("Europe/Berlin");
        String code = ok(api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location, "kind", "KIOSK"),
                manager)).text("code");
        Response chosen = api.post("/api/v1/devices/enroll", Map.of("pairingCode", code, "name", "Desk?",
                "kind", "FRONT_DESK"), null);
        assertEquals(400, chosen.status(), chosen.toString());
        assertEquals("DEVICE_KIND_MISMATCH", chosen.code());
        assertEquals("kind", chosen.body().get("field").asText());
        Response enrolled = ok(api.post("/api/v1/devices/enroll", Map.of("pairingCode", code, "name", "Kiosk"), null));
        assertEquals("KIOSK", enrolled.text("kind"));
        assertEquals("KIOSK", text("select kind from device where id = ?", UUID.fromString(enrolled.text("deviceId"))));
    }

    @Test
    void aPairingCodeWithoutKindEnrollsAFrontDesk() {
        Device desk = device(null);
        assertEquals("FRONT_DESK", text("select kind from device where id = ?", desk.id()));
    }

    @Test
    void aManagerChangesADevicesKindAndItIsAudited() {
        Device desk = device("FRONT_DESK");
        UUID staff = actors.staff(server.login(Role.FRONT_DESK));
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        Map<String, Object> signed = actors.signed(desk.token(), desk.id(),
                op(desk.next(), "CHECK_IN", staff, checkIn(UUID.randomUUID(), member, "STAFF")));
        String manager = server.login(Role.MANAGER);
        UUID managerId = UUID.fromString(ok(api.get("/api/v1/me", manager)).text("id"));

        assertEquals(403, api.put("/api/v1/devices/" + desk.id() + "/kind", Map.of("kind", "SCANNER"),
                server.login(Role.FRONT_DESK)).status());
        Response changed = api.put("/api/v1/devices/" + desk.id() + "/kind", Map.of("kind", "SCANNER"), manager);
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("SCANNER", changed.text("kind"));
        assertEquals(1, fx().count("select count(*) from audit_entry where action = 'DEVICE_KIND_CHANGED' and actor_id = ?"
                + " and entity_id = ?", managerId, desk.id().toString()));
        // a scanner acts for no one, whatever it signed as a desk
        Response r = push(desk, List.of(signed));
        assertEquals("DEVICE_KIND_FORBIDS", reason(r, 0));
        Response bad = api.put("/api/v1/devices/" + desk.id() + "/kind", Map.of(), manager);
        assertEquals(400, bad.status());
        assertEquals("kind", bad.body().get("field").asText());
    }

    // ------------------------------------------------------------------ helpers

    private DeskActors actors;

    @BeforeEach
    void staffLogInAtDesks() {
        actors = new DeskActors(api);
    }

    private GymFixtures fx() {
        return new GymFixtures(server);
    }

    private Device device(String kind) {
        String manager = server.login(Role.MANAGER);
        UUID location = fx().location("Europe/Berlin");
        Map<String, Object> request = new HashMap<>(Map.of("locationId", location));
        if (kind != null) {
            request.put("kind", kind);
        }
        String code = ok(api.post("/api/v1/devices/pairing-codes", request, manager)).text("code");
        Map<String, Object> enroll = new HashMap<>(Map.of("pairingCode", code, "name", "Device"));
        if (kind != null) {
            enroll.put("kind", kind);
        }
        Response enrolled = ok(api.post("/api/v1/devices/enroll", enroll, null));
        String token = ok(api.post("/api/v1/devices/token", Map.of("deviceId", enrolled.text("deviceId"),
                "deviceSecret", enrolled.text("deviceSecret")), null)).text("accessToken");
        return new Device(UUID.fromString(enrolled.text("deviceId")), token, kind, location, new AtomicInteger());
    }

    private String newMember() {
        return ok(api.post("/api/v1/members", Map.of("firstName", "Edit", "lastName", "Me",
                "email", "proof-" + UUID.randomUUID().toString().substring(0, 8) + "@edit.spotter.app"),
                server.login(Role.MANAGER))).text("id");
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

    private static Map<String, Object> checkIn(UUID checkIn, UUID member, String method) {
        return Map.of("kind", "CHECK_IN", "checkInId", checkIn, "memberId", member, "method", method,
                "decidedAt", Instant.now().toString(), "admitted", true, "reason", "OK", "onGrace", false,
                "consumesCredit", false);
    }

    /** An actor-less QR check-in as a kiosk records it: admitted, spending a credit when a membership is named. */
    private static Map<String, Object> qrCheckIn(UUID checkIn, UUID member, String card, UUID membership, UUID location) {
        Map<String, Object> p = new HashMap<>(checkIn(checkIn, member, "QR"));
        p.put("card", card);
        p.put("membershipId", membership);
        p.put("consumesCredit", membership != null);
        p.put("locationId", location);
        return p;
    }

    /** The member's current card, as the server signs it. */
    private String card(UUID member) {
        return ok(api.get("/api/v1/members/" + member + "/card", server.login(Role.MANAGER))).text("qrPayload");
    }

    private Response push(Device device, List<Map<String, Object>> ops) {
        return ok(api.post("/api/v1/sync/push", Map.of("operations", ops), device.token()));
    }

    private static List<String> statuses(Response r) {
        return r.body().get("outcomes").findValuesAsText("status");
    }

    private static String reason(Response r, int i) {
        return r.body().get("outcomes").get(i).get("reason").asText();
    }

    private String text(String sql, Object param) {
        return server.app().services().tx().inTransaction(s -> {
            Object v = s.createNativeQuery(sql.replace("?", ":p"), Object.class).setParameter("p", param).getSingleResult();
            return v == null ? null : v.toString();
        });
    }

    private static Response ok(Response r) {
        if (r.status() < 200 || r.status() > 299) {
            throw new AssertionError("Expected 2xx but got " + r);
        }
        return r;
    }
}
