package app.spotter.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.DeskActors;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.ServerTest;
import app.spotter.server.sync.leases.SeatLeaseRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Enrollment, push, seat leases and the conflicts queue, over HTTP as a desk and a manager. */
class SyncPushTest extends ServerTest {

    private static final AtomicInteger NEXT_SLOT = new AtomicInteger();

    private record Desk(UUID id, String token, UUID locationId, AtomicInteger sequence) {
        long next() {
            return sequence.incrementAndGet();
        }
    }

    // ------------------------------------------------------------------ enrollment

    @Test
    void aDeviceEnrollsWithAPairingCodeAndAReusedCodeIsRefused() {
        String manager = server.login(Role.MANAGER);
        UUID location = fx().location("Europe/Berlin");
        Response code = api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), manager);
        assertEquals(201, code.status(), code.toString());
        assertTrue(code.text("code").matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}"), code.text("code"));

        Response enrolled = api.post("/api/v1/devices/enroll", Map.of("pairingCode", code.text("code"),
                "name", "Front desk 1", "kind", "FRONT_DESK"), null);
        assertEquals(201, enrolled.status(), enrolled.toString());
        assertEquals(location.toString(), enrolled.text("locationId"));
        assertEquals("Europe/Berlin", enrolled.text("zoneId"));
        assertEquals(ok(api.get("/api/v1/checkin/public-key", manager)).text("publicKey"),
                enrolled.text("memberCardPublicKey"));
        Response token = api.post("/api/v1/devices/token", Map.of("deviceId", enrolled.text("deviceId"),
                "deviceSecret", enrolled.text("deviceSecret")), null);
        assertEquals(200, token.status(), token.toString());
        assertEquals(200, api.post("/api/v1/sync/push", Map.of("operations", List.of()), token.text("accessToken")).status());

        Response again = api.post("/api/v1/devices/enroll", Map.of("pairingCode", code.text("code"),
                "name", "Front desk 2", "kind", "FRONT_DESK"), null);
        assertEquals(401, again.status());
        assertEquals("PAIRING_CODE_INVALID", again.code());
        Response wrongSecret = api.post("/api/v1/devices/token", Map.of("deviceId", enrolled.text("deviceId"),
                "deviceSecret", "not-the-secret"), null);
        assertEquals(401, wrongSecret.status());
        JsonNode listed = ok(api.get("/api/v1/devices", manager)).body();
        assertTrue(contains(listed, "id", enrolled.text("deviceId")), "the device is listed");
    }

    @Test
    void anExpiredPairingCodeIsRefused() {
        String manager = server.login(Role.MANAGER);
        UUID location = fx().location("Europe/Berlin");
        String code = ok(api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), manager)).text("code");
        server.app().services().tx().run(s -> s.createMutationQuery(
                        "update PairingCodeRecord p set p.expiresAt = :t where p.locationId = :l")
                .setParameter("t", Instant.now().minusSeconds(1)).setParameter("l", location).executeUpdate());
        Response r = api.post("/api/v1/devices/enroll", Map.of("pairingCode", code, "name", "Kiosk", "kind", "KIOSK"), null);
        assertEquals(401, r.status());
        assertEquals("PAIRING_CODE_INVALID", r.code());
        long used = server.app().services().tx().inTransaction(s -> s.createSelectionQuery(
                "select count(p) from PairingCodeRecord p where p.locationId = :l and p.usedAt is not null", Long.class)
                .setParameter("l", location).getSingleResult());
        assertEquals(0, used);
    }

    @Test
    void aRevokedDevicesTokenStopsWorking() {
        Desk desk = desk();
        assertEquals(200, api.post("/api/v1/sync/push", Map.of("operations", List.of()), desk.token()).status());
        Response revoked = api.post("/api/v1/devices/" + desk.id() + "/revoke", null, server.login(Role.MANAGER));
        assertEquals(200, revoked.status(), revoked.toString());
        assertNotNull(revoked.text("revokedAt"));
        Response push = api.post("/api/v1/sync/push", Map.of("operations", List.of()), desk.token());
        assertEquals(401, push.status());
        assertEquals("DEVICE_REVOKED", push.code());
    }

    // ------------------------------------------------------------------ push

    @Test
    void pushAppliesInOrderAndAResentBatchReturnsTheStoredOutcomes() {
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        UUID slot = slot(desk.locationId(), 5);
        UUID booking = UUID.randomUUID();
        UUID checkIn = UUID.randomUUID();
        List<Map<String, Object>> batch = List.of(
                op(desk.next(), "BOOK", actor, book(booking, slot, member, null)),
                op(desk.next(), "CHECK_IN", actor, checkIn(checkIn, member, null, false, false, Instant.now())));
        Response first = push(desk, batch);
        assertEquals(List.of("APPLIED", "APPLIED"), statuses(first));
        assertEquals(2, first.body().get("lastAppliedSequence").asLong());

        Response again = push(desk, batch);
        assertEquals(first.body().get("outcomes"), again.body().get("outcomes"));
        assertEquals(1, fx().count("select count(*) from booking where member_id = ?", member));
        assertEquals(1, fx().count("select seats_taken from time_slot where id = ?", slot));
        assertEquals(1, fx().count("select count(*) from check_in where member_id = ?", member));
        assertEquals(2, fx().count("select count(*) from sync_operation where device_id = ?", desk.id()));
    }

    @Test
    void aGapIsRefusedWithTheExpectedSequenceAndNothingAfterItIsApplied() {
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        UUID slot = slot(desk.locationId(), 5);
        Response r = push(desk, List.of(
                op(1, "BOOK", actor, book(UUID.randomUUID(), slot, member, null)),
                op(3, "CANCEL_BOOKING", actor, Map.of("kind", "CANCEL_BOOKING", "bookingId", UUID.randomUUID()))));
        assertEquals(200, r.status(), r.toString());
        assertEquals(List.of("APPLIED"), statuses(r));
        assertEquals(2, r.body().get("expectedSequence").asLong());
        assertEquals(1, r.body().get("lastAppliedSequence").asLong());
        assertEquals(1, fx().count("select count(*) from sync_operation where device_id = ?", desk.id()));

        Response onlyGap = push(desk, List.of(op(5, "CANCEL_BOOKING", actor,
                Map.of("kind", "CANCEL_BOOKING", "bookingId", UUID.randomUUID()))));
        assertEquals(List.of(), statuses(onlyGap));
        assertEquals(2, onlyGap.body().get("expectedSequence").asLong());
    }

    @Test
    void aRuleRefusalIsStoredDurablyAndTheSequenceMovesOn() {
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        UUID slot = slot(desk.locationId(), 5);
        UUID booking = UUID.randomUUID();
        Map<String, Object> cancel = Map.of("kind", "CANCEL_BOOKING", "bookingId", booking);
        List<Map<String, Object>> batch = List.of(
                op(1, "BOOK", actor, book(booking, slot, member, null)),
                op(2, "CANCEL_BOOKING", actor, cancel),
                op(3, "CANCEL_BOOKING", actor, cancel));
        Response r = push(desk, batch);
        assertEquals(List.of("APPLIED", "APPLIED", "REJECTED"), statuses(r));
        assertEquals("NOT_CANCELLABLE", r.body().get("outcomes").get(2).get("reason").asText());
        assertEquals(3, r.body().get("lastAppliedSequence").asLong());
        assertNull(r.body().get("expectedSequence").isNull() ? null : r.body().get("expectedSequence"));

        Response resent = push(desk, List.of(batch.get(2)));
        assertEquals(List.of("REJECTED"), statuses(resent));
        assertEquals("NOT_CANCELLABLE", resent.body().get("outcomes").get(0).get("reason").asText());
        assertEquals("REJECTED", text("select status from sync_operation where device_id = ? and sequence = 3", desk.id()));
    }

    @Test
    void refusalsInsideALongBatchUndoOnlyTheirOwnOperation() {
        // 120 operations span three shared transactions; the refusals sit inside the first and third
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        UUID other = fx().memberWithUnlimitedPlan().memberId();
        UUID slot = slot(desk.locationId(), 1);
        UUID lost = UUID.randomUUID();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            batch.add(switch (i) {
                case 10 -> op(desk.next(), "BOOK", actor, book(UUID.randomUUID(), slot, other, null));
                case 60 -> op(desk.next(), "BOOK", actor, book(lost, slot, member, null));
                case 100 -> op(desk.next(), "CANCEL_BOOKING", actor,
                        Map.of("kind", "CANCEL_BOOKING", "bookingId", UUID.randomUUID()));
                default -> op(desk.next(), "CHECK_IN", actor,
                        checkIn(UUID.randomUUID(), member, null, false, false, Instant.now()));
            });
        }
        Response r = push(desk, batch);
        List<String> statuses = statuses(r);
        assertEquals(120, statuses.size());
        assertEquals("CONFLICT", statuses.get(60));
        assertEquals("TENTATIVE_BOOKING_LOST", text("select kind from sync_conflict where id = ?",
                UUID.fromString(r.body().get("outcomes").get(60).get("conflictId").asText())));
        assertEquals("REJECTED", statuses.get(100));
        assertEquals(118, statuses.stream().filter("APPLIED"::equals).count());
        assertEquals(120, r.body().get("lastAppliedSequence").asLong());
        assertEquals(117, fx().count("select count(*) from check_in where member_id = ?", member));
        assertEquals(0, fx().count("select count(*) from booking where id = ?", lost));
        assertEquals(1, fx().count("select seats_taken from time_slot where id = ?", slot));
        assertEquals(120, fx().count("select count(*) from sync_operation where device_id = ?", desk.id()));
        assertEquals("REJECTED", text("select status from sync_operation where device_id = ? and sequence = 101", desk.id()));
    }

    @Test
    void aStaffActorWithoutThePermissionIsRejectedForbidden() {
        Desk desk = desk();
        UUID trainer = staff(Role.TRAINER);
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        UUID slot = slot(desk.locationId(), 5);
        Response r = push(desk, List.of(op(1, "BOOK", trainer, book(UUID.randomUUID(), slot, member, null))));
        // an id that is no staff member's cannot be proven at all (DeskActorProofTest has the rest)
        Response unknown = ok(api.post("/api/v1/sync/push", Map.of("operations", List.of(
                op(2, "BOOK", UUID.randomUUID(), book(UUID.randomUUID(), slot, member, null)))), desk.token()));
        assertEquals(List.of("REJECTED"), statuses(r));
        assertEquals("FORBIDDEN", r.body().get("outcomes").get(0).get("reason").asText());
        assertEquals(List.of("REJECTED"), statuses(unknown));
        assertEquals("ACTOR_NOT_PROVEN", unknown.body().get("outcomes").get(0).get("reason").asText());
        assertEquals(0, fx().count("select count(*) from booking where member_id = ?", member));
    }

    @Test
    void malformedPushBodiesAreRefusedWith400() {
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        for (Object body : List.of("{", "[]", "{\"operations\": null}",
                Map.of("operations", List.of(Map.of("sequence", 1))),
                Map.of("operations", List.of(op(1, "BOOK", actor, Map.of("kind", "NOT_A_KIND")))),
                Map.of("operations", List.of(op(0, "CANCEL_BOOKING", actor, Map.of("kind", "CANCEL_BOOKING",
                        "bookingId", UUID.randomUUID())))))) {
            Response r = api.post("/api/v1/sync/push", body, desk.token());
            assertEquals(400, r.status(), body + " -> " + r);
            assertNotNull(r.code(), r.toString());
        }
        assertEquals(0, fx().count("select last_sequence from device where id = ?", desk.id()));
        // a payload of another type can never apply: REJECTED once (decision 0017), not a 400 for ever
        Response mismatched = push(desk, List.of(op(1, "BOOK", actor, Map.of("kind", "CANCEL_BOOKING",
                "bookingId", UUID.randomUUID()))));
        assertEquals("INVALID_OPERATION:payload", mismatched.body().get("outcomes").get(0).get("reason").asText());
        assertEquals(1, fx().count("select last_sequence from device where id = ?", desk.id()));
    }

    // ------------------------------------------------------------------ seat leases

    @Test
    void leasedSeatsAreHonouredAfterTheSlotFilledOnlineAndATentativeBookingBeyondThemIsAConflict() {
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        String manager = server.login(Role.MANAGER);
        UUID slot = slot(desk.locationId(), 3);
        JsonNode leases = ok(api.post("/api/v1/sync/leases", Map.of("slotIds", List.of(slot), "seatsPerSlot", 2),
                desk.token())).body().get("leases");
        assertEquals(1, leases.size());
        assertEquals(2, leases.get(0).get("seats").asInt());
        UUID leaseId = UUID.fromString(leases.get(0).get("leaseId").asText());
        assertEquals(1, ok(api.get("/api/v1/slots/" + slot, manager)).body().get("seatsLeft").asInt());

        // online, one seat is left for everybody else
        assertEquals(201, api.post("/api/v1/bookings", Map.of("slotId", slot, "memberId",
                fx().memberWithUnlimitedPlan().memberId()), manager).status());
        Response full = api.post("/api/v1/bookings", Map.of("slotId", slot, "memberId",
                fx().memberWithUnlimitedPlan().memberId()), manager);
        assertEquals("SLOT_FULL", full.code());

        UUID a = fx().memberWithUnlimitedPlan().memberId();
        UUID b = fx().memberWithUnlimitedPlan().memberId();
        UUID c = fx().memberWithUnlimitedPlan().memberId();
        UUID tentative = UUID.randomUUID();
        Response r = push(desk, List.of(
                op(desk.next(), "BOOK", actor, book(UUID.randomUUID(), slot, a, leaseId)),
                op(desk.next(), "BOOK", actor, book(UUID.randomUUID(), slot, b, leaseId)),
                op(desk.next(), "BOOK", actor, book(tentative, slot, c, null))));
        assertEquals(List.of("APPLIED", "APPLIED", "CONFLICT"), statuses(r));
        JsonNode lost = r.body().get("outcomes").get(2);
        assertEquals("SLOT_FULL", lost.get("reason").asText());
        assertEquals(3, fx().count("select seats_taken from time_slot where id = ?", slot));
        assertEquals(0, fx().count("select seats_leased from time_slot where id = ?", slot));
        assertEquals(0, fx().count("select count(*) from booking where id = ?", tentative));

        JsonNode conflict = ok(api.get("/api/v1/conflicts/" + lost.get("conflictId").asText(), manager)).body();
        assertEquals("TENTATIVE_BOOKING_LOST", conflict.get("kind").asText());
        assertEquals(slot.toString(), conflict.get("facts").get("slotId").asText());
        assertEquals(c.toString(), conflict.get("facts").get("memberId").asText());
        assertEquals("[\"ACCEPT\",\"ADD_SEAT\"]", conflict.get("resolutions").toString());
        assertTrue(contains(ok(api.get("/api/v1/conflicts?status=OPEN", manager)).body(), "id",
                lost.get("conflictId").asText()), "listed as open");

        // ADD_SEAT: one more seat, and the desk's booking is seated under its own id
        Response resolved = api.post("/api/v1/conflicts/" + lost.get("conflictId").asText() + "/resolve",
                Map.of("resolution", "ADD_SEAT"), manager);
        assertEquals(200, resolved.status(), resolved.toString());
        assertEquals(4, fx().count("select capacity from time_slot where id = ?", slot));
        assertEquals("BOOKED", text("select status from booking where id = ?", tentative));
    }

    @Test
    void returningALeaseFreesItsSeats() {
        Desk desk = desk();
        String manager = server.login(Role.MANAGER);
        UUID slot = slot(desk.locationId(), 2);
        JsonNode lease = ok(api.post("/api/v1/sync/leases", Map.of("slotIds", List.of(slot), "seatsPerSlot", 2),
                desk.token())).body().get("leases").get(0);
        // asking again tops up, never duplicates
        JsonNode again = ok(api.post("/api/v1/sync/leases", Map.of("slotIds", List.of(slot), "seatsPerSlot", 2),
                desk.token())).body().get("leases");
        assertEquals(lease.get("leaseId"), again.get(0).get("leaseId"));
        assertEquals(1, fx().count("select count(*) from seat_lease where slot_id = ?", slot));
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        assertEquals("SLOT_FULL", api.post("/api/v1/bookings", Map.of("slotId", slot, "memberId", member), manager).code());

        Response returned = api.post("/api/v1/sync/leases/return", Map.of("leaseIds", List.of(lease.get("leaseId").asText())),
                desk.token());
        assertEquals(200, returned.status(), returned.toString());
        assertEquals(0, fx().count("select seats_leased from time_slot where id = ?", slot));
        assertEquals(201, api.post("/api/v1/bookings", Map.of("slotId", slot, "memberId", member), manager).status());
    }

    @Test
    void aBookingOnALeaseThatExpiredOfflineOnAFullSlotIsALeaseExpiredConflict() {
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        String manager = server.login(Role.MANAGER);
        UUID slot = slot(desk.locationId(), 1);
        UUID leaseId = UUID.fromString(ok(api.post("/api/v1/sync/leases", Map.of("slotIds", List.of(slot),
                "seatsPerSlot", 1), desk.token())).body().get("leases").get(0).get("leaseId").asText());
        server.app().services().tx().run(s -> s.find(SeatLeaseRecord.class, leaseId).expiresAt = Instant.now().minusSeconds(5));
        // the expired lease gives its seat back, and it is sold online
        assertEquals(201, api.post("/api/v1/bookings", Map.of("slotId", slot, "memberId",
                fx().memberWithUnlimitedPlan().memberId()), manager).status());

        UUID booking = UUID.randomUUID();
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        Response r = push(desk, List.of(op(desk.next(), "BOOK", actor, book(booking, slot, member, leaseId))));
        assertEquals(List.of("CONFLICT"), statuses(r));
        assertEquals("LEASE_EXPIRED_OFFLINE", r.body().get("outcomes").get(0).get("reason").asText());
        JsonNode conflict = ok(api.get("/api/v1/conflicts/" + r.body().get("outcomes").get(0).get("conflictId").asText(),
                manager)).body();
        assertEquals("LEASE_EXPIRED_OFFLINE", conflict.get("kind").asText());
        assertEquals(0, fx().count("select count(*) from booking where id = ?", booking));
    }

    // ------------------------------------------------------------------ check-ins

    @Test
    void twoDesksSpendingTheLastCreditOfflineOverdrawAndWaivingFixesTheBalance() {
        Desk morning = desk();
        Desk evening = desk();
        UUID actor = staff(Role.FRONT_DESK);
        String manager = server.login(Role.MANAGER);
        UUID member = fx().member().memberId();
        UUID membership = fx().membership(member, fx().plan(PlanKind.CLASS_PACK, 1), 1);
        Instant now = Instant.now();
        Response first = push(morning, List.of(op(morning.next(), "CHECK_IN", actor,
                checkIn(UUID.randomUUID(), member, membership, true, false, now.minus(Duration.ofHours(8))))));
        assertEquals(List.of("APPLIED"), statuses(first));
        Response second = push(evening, List.of(op(evening.next(), "CHECK_IN", actor,
                checkIn(UUID.randomUUID(), member, membership, true, false, now.minus(Duration.ofMinutes(5))))));
        assertEquals(List.of("CONFLICT"), statuses(second));
        assertEquals("CREDIT_OVERDRAWN", second.body().get("outcomes").get(0).get("reason").asText());
        assertEquals(-1, fx().creditBalance(membership));
        assertEquals(2, fx().count("select count(*) from check_in where member_id = ? and admitted = true", member));

        String conflictId = second.body().get("outcomes").get(0).get("conflictId").asText();
        Response waived = api.post("/api/v1/conflicts/" + conflictId + "/resolve", Map.of("resolution", "WAIVE"), manager);
        assertEquals(200, waived.status(), waived.toString());
        assertEquals("RESOLVED", waived.text("status"));
        assertEquals(0, fx().creditBalance(membership));
    }

    @Test
    void aSecondAdmissionInTheSameVisitFromAnotherDeskIsNotCountedTwice() {
        Desk one = desk();
        Desk two = desk();
        UUID actor = staff(Role.FRONT_DESK);
        UUID member = fx().member().memberId();
        UUID membership = fx().membership(member, fx().plan(PlanKind.CLASS_PACK, 5), 5);
        Instant now = Instant.now();
        assertEquals(List.of("APPLIED"), statuses(push(one, List.of(op(one.next(), "CHECK_IN", actor,
                checkIn(UUID.randomUUID(), member, membership, true, false, now.minusSeconds(60)))))));
        Response r = push(two, List.of(op(two.next(), "CHECK_IN", actor,
                checkIn(UUID.randomUUID(), member, membership, true, false, now))));
        assertEquals(List.of("APPLIED"), statuses(r));
        assertEquals("ALREADY_CHECKED_IN", r.body().get("outcomes").get(0).get("reason").asText());
        assertEquals(4, fx().creditBalance(membership));
        assertEquals(1, fx().count("select count(*) from check_in where member_id = ? and admitted = true", member));
    }

    @Test
    void anEntryOnGraceBecomesAConflictTheManagerAcknowledges() {
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        String manager = server.login(Role.MANAGER);
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        Response r = push(desk, List.of(op(desk.next(), "CHECK_IN", actor,
                checkIn(UUID.randomUUID(), member, null, false, true, Instant.now()))));
        assertEquals(List.of("CONFLICT"), statuses(r));
        assertEquals("OFFLINE_ENTRY_ON_GRACE", r.body().get("outcomes").get(0).get("reason").asText());
        String id = r.body().get("outcomes").get(0).get("conflictId").asText();
        assertEquals("[\"ACKNOWLEDGE\"]", ok(api.get("/api/v1/conflicts/" + id, manager)).body().get("resolutions").toString());
        Response ack = api.post("/api/v1/conflicts/" + id + "/resolve", Map.of("resolution", "ACKNOWLEDGE"), manager);
        assertEquals("RESOLVED", ack.text("status"));
        assertTrue(contains(ok(api.get("/api/v1/conflicts?status=RESOLVED", manager)).body(), "id", id));
        assertTrue(!contains(ok(api.get("/api/v1/conflicts?status=OPEN", manager)).body(), "id", id));
    }

    // ------------------------------------------------------------------ member edits

    @Test
    void concurrentEditsOfDifferentFieldsBothApply() {
        Desk a = desk();
        Desk b = desk();
        UUID actor = staff(Role.FRONT_DESK);
        Response member = newMember();
        String id = member.text("id");
        String base = member.text("versionVector");
        assertEquals(List.of("APPLIED"), statuses(push(a, List.of(edit(a, actor, id, base, "phone", "+49 30 111")))));
        assertEquals(List.of("APPLIED"), statuses(push(b, List.of(edit(b, actor, id, base, "email", "new@edit.spotter.app")))));
        Response now = ok(api.get("/api/v1/members/" + id, server.login(Role.MANAGER)));
        assertEquals("+49 30 111", now.text("phone"));
        assertEquals("new@edit.spotter.app", now.text("email"));
        assertEquals(0, fx().count("select count(*) from sync_conflict where entity_id = ?", id));
    }

    @Test
    void concurrentEditsOfTheSameFieldConflictAndTakeDeviceAppliesTheOtherValue() {
        Desk a = desk();
        Desk b = desk();
        UUID actor = staff(Role.FRONT_DESK);
        String manager = server.login(Role.MANAGER);
        Response member = newMember();
        String id = member.text("id");
        String base = member.text("versionVector");
        assertEquals(List.of("APPLIED"), statuses(push(a, List.of(edit(a, actor, id, base, "phone", "+49 30 111")))));
        Response r = push(b, List.of(edit(b, actor, id, base, "phone", "+49 30 222")));
        assertEquals(List.of("CONFLICT"), statuses(r));
        assertEquals("+49 30 111", ok(api.get("/api/v1/members/" + id, manager)).text("phone"));
        String conflictId = r.body().get("outcomes").get(0).get("conflictId").asText();
        JsonNode conflict = ok(api.get("/api/v1/conflicts/" + conflictId, manager)).body();
        assertEquals("SAME_FIELD_EDIT", conflict.get("kind").asText());
        assertEquals("+49 30 111", conflict.get("facts").get("serverValue").asText());
        assertEquals("+49 30 222", conflict.get("facts").get("deviceValue").asText());
        assertEquals(1, fx().count("select count(*) from sync_conflict where entity_id = ?", id));

        assertEquals(200, api.post("/api/v1/conflicts/" + conflictId + "/resolve", Map.of("resolution", "TAKE_DEVICE"),
                manager).status());
        assertEquals("+49 30 222", ok(api.get("/api/v1/members/" + id, manager)).text("phone"));
    }

    @Test
    void anOnlineEditOfTheSameFieldConcurrentWithADeskEditIsAConflict() {
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        String manager = server.login(Role.MANAGER);
        Response member = newMember();
        String id = member.text("id");
        String base = member.text("versionVector");
        assertEquals(200, api.put("/api/v1/members/" + id, Map.of("phone", "+49 30 333"), manager).status());
        Response r = push(desk, List.of(edit(desk, actor, id, base, "phone", "+49 30 444")));
        assertEquals(List.of("CONFLICT"), statuses(r));
        assertEquals("+49 30 333", ok(api.get("/api/v1/members/" + id, manager)).text("phone"));
        // a desk that had seen the online edit just applies
        String seen = ok(api.get("/api/v1/members/" + id, manager)).text("versionVector");
        assertEquals(List.of("APPLIED"), statuses(push(desk, List.of(edit(desk, actor, id, seen, "phone", "+49 30 555")))));
        assertEquals("+49 30 555", ok(api.get("/api/v1/members/" + id, manager)).text("phone"));
    }

    @Test
    void resolvingTwiceIsIdempotentAndADifferentResolutionIsRefused() {
        Desk desk = desk();
        UUID actor = staff(Role.FRONT_DESK);
        String manager = server.login(Role.MANAGER);
        UUID member = fx().memberWithUnlimitedPlan().memberId();
        Response r = push(desk, List.of(op(desk.next(), "CHECK_IN", actor,
                checkIn(UUID.randomUUID(), member, null, false, true, Instant.now()))));
        String id = r.body().get("outcomes").get(0).get("conflictId").asText();
        Response unknown = api.post("/api/v1/conflicts/" + id + "/resolve", Map.of("resolution", "WAIVE"), manager);
        assertEquals(400, unknown.status());
        assertEquals("resolution", unknown.text("field"));
        Response first = ok(api.post("/api/v1/conflicts/" + id + "/resolve", Map.of("resolution", "ACKNOWLEDGE"), manager));
        Response second = ok(api.post("/api/v1/conflicts/" + id + "/resolve", Map.of("resolution", "ACKNOWLEDGE"), manager));
        assertEquals(first.body(), second.body());
        assertEquals(1, fx().count("select count(*) from audit_entry where action = 'CONFLICT_RESOLVED' and entity_id = ?", id));
        // the same resolution from a desk (RESOLVE_CONFLICT) is as harmless
        Response fromDesk = push(desk, List.of(op(desk.next(), "RESOLVE_CONFLICT", staff(Role.MANAGER),
                Map.of("kind", "RESOLVE_CONFLICT", "conflictId", id, "resolution", "ACKNOWLEDGE"))));
        assertEquals(List.of("APPLIED"), statuses(fromDesk));
        Response tentative = push(desk, List.of(op(desk.next(), "RESOLVE_CONFLICT", staff(Role.MANAGER),
                Map.of("kind", "RESOLVE_CONFLICT", "conflictId", id, "resolution", "NOPE"))));
        assertEquals("VALIDATION_FAILED", tentative.body().get("outcomes").get(0).get("reason").asText());
        Response nope = api.post("/api/v1/conflicts/" + UUID.randomUUID() + "/resolve", Map.of("resolution", "ACCEPT"), manager);
        assertEquals(404, nope.status());
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

    private Desk desk() {
        String manager = server.login(Role.MANAGER);
        UUID location = fx().location("Europe/Berlin");
        String code = ok(api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), manager)).text("code");
        Response enrolled = ok(api.post("/api/v1/devices/enroll", Map.of("pairingCode", code, "name", "Desk",
                "kind", "FRONT_DESK"), null));
        String token = ok(api.post("/api/v1/devices/token", Map.of("deviceId", enrolled.text("deviceId"),
                "deviceSecret", enrolled.text("deviceSecret")), null)).text("accessToken");
        return new Desk(UUID.fromString(enrolled.text("deviceId")), token, location, new AtomicInteger());
    }

    private UUID staff(Role role) {
        return actors.staff(server.login(role));
    }

    /** A class slot at the location, each test's slot at its own hour two days ahead. */
    private UUID slot(UUID location, int capacity) {
        String manager = server.login(Role.MANAGER);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2))
                .plus(Duration.ofMinutes(90L * NEXT_SLOT.getAndIncrement()));
        return fx().slot(manager, fx().classSession(manager, location, capacity), start, 60);
    }

    private Response newMember() {
        return ok(api.post("/api/v1/members", Map.of("firstName", "Edit", "lastName", "Me",
                "email", "edit-" + UUID.randomUUID().toString().substring(0, 8) + "@edit.spotter.app"),
                server.login(Role.MANAGER)));
    }

    private static Map<String, Object> op(long sequence, String type, UUID actor, Map<String, Object> payload) {
        return op(sequence, type, actor, payload, Map.of());
    }

    private static Map<String, Object> op(long sequence, String type, UUID actor, Map<String, Object> payload,
                                          Map<String, String> readVersions) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("opId", UUID.randomUUID());
        op.put("sequence", sequence);
        op.put("type", type);
        op.put("hlc", Map.of("wallMillis", System.currentTimeMillis(), "counter", 0, "node", "desk"));
        op.put("actor", actor);
        op.put("readVersions", readVersions);
        op.put("payload", payload);
        return op;
    }

    private static Map<String, Object> book(UUID booking, UUID slot, UUID member, UUID lease) {
        Map<String, Object> p = new HashMap<>(Map.of("kind", "BOOK", "bookingId", booking, "slotId", slot,
                "memberId", member, "waitlist", false));
        p.put("leaseId", lease);
        return p;
    }

    private static Map<String, Object> checkIn(UUID checkIn, UUID member, UUID membership, boolean consumesCredit,
                                               boolean onGrace, Instant at) {
        Map<String, Object> p = new HashMap<>(Map.of("kind", "CHECK_IN", "checkInId", checkIn, "memberId", member,
                "method", "STAFF", "decidedAt", at.toString(), "admitted", true, "reason", onGrace ? "ON_GRACE" : "OK",
                "onGrace", onGrace, "consumesCredit", consumesCredit));
        p.put("membershipId", membership);
        return p;
    }

    private static Map<String, Object> edit(Desk desk, UUID actor, String member, String base, String field, String value) {
        return op(desk.next(), "EDIT_MEMBER", actor, Map.of("kind", "EDIT_MEMBER", "memberId", member,
                "changes", Map.of(field, value)), Map.of(member, base));
    }

    /** Pushes the operations as the desk does: each signed by its actor's credential at this desk. */
    private Response push(Desk desk, List<Map<String, Object>> ops) {
        return ok(api.post("/api/v1/sync/push", Map.of("operations", actors.signed(desk.token(), desk.id(), ops)),
                desk.token()));
    }

    private static List<String> statuses(Response r) {
        List<String> out = new ArrayList<>();
        r.body().get("outcomes").forEach(o -> out.add(o.get("status").asText()));
        return out;
    }

    private String text(String sql, Object param) {
        return server.app().services().tx().inTransaction(s -> {
            Object v = s.createNativeQuery(sql.replace("?", ":p"), Object.class).setParameter("p", param).getSingleResult();
            return v == null ? null : v.toString();
        });
    }

    private static boolean contains(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(field).asText())) {
                return true;
            }
        }
        return false;
    }

    private static Response ok(Response r) {
        if (r.status() < 200 || r.status() > 299) {
            throw new AssertionError("Expected 2xx but got " + r);
        }
        return r;
    }
}
