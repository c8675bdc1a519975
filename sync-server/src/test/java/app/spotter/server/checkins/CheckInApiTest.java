package app.spotter.server.checkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.model.checkin.MemberCard;
import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.SpotterApp;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.CheckInFixtures;
import app.spotter.server.support.CheckInFixtures.Member;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckInApiTest extends ServerTest {

    private CheckInFixtures fx;
    private String desk;
    private UUID club;

    @BeforeEach
    void arrange() {
        fx = new CheckInFixtures(server);
        desk = server.login(Role.FRONT_DESK);
        club = fx.location();
    }

    private Response checkIn(Map<String, Object> body) {
        Map<String, Object> withClub = new HashMap<>(body);
        withClub.putIfAbsent("locationId", club.toString());
        return api.post("/api/v1/check-ins", withClub, desk);
    }

    private Response staffCheckIn(Member m) {
        return checkIn(Map.of("method", "STAFF", "memberId", m.id().toString()));
    }

    private Response qrCheckIn(String qr) {
        return checkIn(Map.of("method", "QR", "qr", qr));
    }

    private Response pinCheckIn(Member m, String pin) {
        return checkIn(Map.of("method", "PIN", "memberNumber", m.number(), "pin", pin));
    }

    private String card(Member m) {
        Response r = api.get("/api/v1/members/" + m.id() + "/card", desk);
        assertEquals(200, r.status(), r.toString());
        return r.text("qrPayload");
    }

    private static void assertDecision(Response r, boolean admitted, String reason) {
        assertEquals(201, r.status(), r.toString());
        assertEquals(admitted, r.body().get("admitted").asBoolean(), r.toString());
        assertEquals(reason, r.text("reason"), r.toString());
    }

    @Test
    void aMemberWithAnActiveMonthlyPlanIsLetInByStaff() {
        Member m = fx.member();
        fx.activeMonthly(m.id());
        Response r = staffCheckIn(m);
        assertDecision(r, true, "OK");
        assertEquals("Welcome!", r.text("message"));
        assertEquals(m.id().toString(), r.body().get("member").get("id").asText());
        assertEquals(m.number(), r.body().get("member").get("number").asText());
        assertEquals("TM", r.body().get("member").get("initials").asText());
        assertEquals("Monthly unlimited", r.text("planName"));
        assertTrue(r.body().get("creditsLeft").isNull());
        assertFalse(r.body().get("onGrace").asBoolean());
        assertEquals("STAFF", r.text("method"));
        assertNotNull(r.text("checkInId"));
    }

    @Test
    void aMemberIsLetInByScanningTheirCard() {
        Member m = fx.member();
        fx.activeMonthly(m.id());
        Response r = qrCheckIn(card(m));
        assertDecision(r, true, "OK");
        assertEquals(m.id().toString(), r.body().get("member").get("id").asText());
        assertEquals("QR", r.text("method"));
    }

    @Test
    void aMemberIsLetInWithTheirPin() {
        Member m = fx.member();
        fx.activeMonthly(m.id());
        fx.setPin(m.id(), "4711");
        Response r = pinCheckIn(m, "4711");
        assertDecision(r, true, "OK");
        assertEquals(m.id().toString(), r.body().get("member").get("id").asText());
    }

    @Test
    void aSecondScanWithinTheVisitIsAlreadyCheckedIn() {
        Member m = fx.member();
        fx.activeMonthly(m.id());
        assertDecision(staffCheckIn(m), true, "OK");
        Response again = qrCheckIn(card(m));
        assertDecision(again, false, "ALREADY_CHECKED_IN");
        assertEquals(m.id().toString(), again.body().get("member").get("id").asText());
    }

    @Test
    void aFrozenMembershipIsRefused() {
        Member m = fx.member();
        fx.membership(m.id(), fx.plan(PlanKind.RECURRING_MONTHLY, "Monthly"), "FROZEN", fx.today().minusDays(10),
                fx.today().plusDays(20));
        Response r = staffCheckIn(m);
        assertDecision(r, false, "MEMBERSHIP_FROZEN");
        assertEquals("Membership frozen", r.text("message"));
        assertEquals("Monthly", r.text("planName"));
    }

    @Test
    void aMembershipExpiredTwoDaysAgoIsLetInOnGrace() {
        Member m = fx.member();
        fx.membership(m.id(), fx.plan(PlanKind.RECURRING_MONTHLY, "Monthly"), "ACTIVE", fx.today().minusDays(32),
                fx.today().minusDays(2));
        Response r = staffCheckIn(m);
        assertDecision(r, true, "ON_GRACE");
        assertTrue(r.body().get("onGrace").asBoolean());
    }

    @Test
    void aMembershipExpiredTenDaysAgoIsRefused() {
        Member m = fx.member();
        fx.membership(m.id(), fx.plan(PlanKind.RECURRING_MONTHLY, "Monthly"), "ACTIVE", fx.today().minusDays(40),
                fx.today().minusDays(10));
        assertDecision(staffCheckIn(m), false, "MEMBERSHIP_EXPIRED");
    }

    @Test
    void aClassPackVisitTakesTheLastCreditAndTheNextVisitIsRefused() {
        Member m = fx.member();
        UUID pack = fx.classPack(m.id(), 1);
        Response first = staffCheckIn(m);
        assertDecision(first, true, "OK");
        assertEquals(0, first.body().get("creditsLeft").asInt());
        assertEquals(0, fx.creditBalance(pack));

        fx.ageCheckIns(m.id(), 5); // the first visit was this morning
        Response next = staffCheckIn(m);
        assertDecision(next, false, "NO_CREDITS_LEFT");
        assertEquals(0, fx.creditBalance(pack));
    }

    @Test
    void aMemberWithABookingNowAttendsItWithoutPayingASecondCredit() {
        Member m = fx.member();
        UUID pack = fx.classPack(m.id(), 3);
        fx.credit(pack, -1, "BOOKING"); // the booking took its credit already
        UUID booking = fx.booking(m.id(), club, pack, Instant.now().plus(20, ChronoUnit.MINUTES), "BOOKED");
        Response r = staffCheckIn(m);
        assertDecision(r, true, "OK");
        assertEquals(booking.toString(), r.text("bookingId"));
        assertEquals("ATTENDED", fx.bookingStatus(booking));
        assertEquals(2, fx.creditBalance(pack));
        assertEquals(2, r.body().get("creditsLeft").asInt());
    }

    @Test
    void anEveningClassDoesNotMakeAMorningVisitFree() {
        Member m = fx.member();
        UUID pack = fx.classPack(m.id(), 3);
        UUID booking = fx.booking(m.id(), club, pack, Instant.now().plus(8, ChronoUnit.HOURS), "BOOKED");
        Response r = staffCheckIn(m);
        assertDecision(r, true, "OK");
        assertTrue(r.body().get("bookingId").isNull());
        assertEquals("BOOKED", fx.bookingStatus(booking));
        assertEquals(2, fx.creditBalance(pack));
    }

    @Test
    void aTamperedCardIsInvalid() {
        Member m = fx.member();
        fx.activeMonthly(m.id());
        String qr = card(m);
        Member other = fx.member();
        String forged = qr.replace(m.id().toString(), other.id().toString());
        Response r = qrCheckIn(forged);
        assertDecision(r, false, "QR_INVALID");
        assertTrue(r.body().get("member").isNull());
        assertDecision(qrCheckIn("not a card at all"), false, "QR_INVALID");
    }

    @Test
    void aReissuedCardRevokesTheOldOne() {
        Member m = fx.member();
        fx.activeMonthly(m.id());
        String old = card(m);
        Response revoke = api.post("/api/v1/members/" + m.id() + "/card/revoke", Map.of(), desk);
        assertEquals(200, revoke.status(), revoke.toString());
        assertEquals(2, revoke.body().get("cardVersion").asInt());

        Response r = qrCheckIn(old);
        assertDecision(r, false, "QR_REVOKED");
        assertEquals(m.id().toString(), r.body().get("member").get("id").asText());

        Response list = api.get("/api/v1/checkin/revocations", desk);
        assertEquals(200, list.status(), list.toString());
        JsonNode entry = find(list.body(), "memberId", m.id().toString());
        assertNotNull(entry, list.toString());
        assertEquals(2, entry.get("minimumCardVersion").asInt());

        assertDecision(qrCheckIn(revoke.text("qrPayload")), true, "OK");
    }

    @Test
    void fiveWrongPinsLockThePinEvenForTheRightOne() {
        Member m = fx.member();
        fx.activeMonthly(m.id());
        fx.setPin(m.id(), "4711");
        for (int i = 1; i <= 4; i++) {
            Response wrong = pinCheckIn(m, "0000");
            assertDecision(wrong, false, "PIN_WRONG");
            assertTrue(wrong.body().get("member").isNull(), "a wrong PIN must not reveal whose number it is");
            assertEquals(i, fx.memberRow(m.id()).pinFailedAttempts);
        }
        assertDecision(pinCheckIn(m, "0000"), false, "PIN_LOCKED");
        var row = fx.memberRow(m.id());
        assertEquals(0, row.pinFailedAttempts);
        assertNotNull(row.pinLockedUntil);
        assertTrue(row.pinLockedUntil.isAfter(Instant.now().plus(14, ChronoUnit.MINUTES)));

        assertDecision(pinCheckIn(m, "4711"), false, "PIN_LOCKED");
        // staff can still let the member in
        assertDecision(staffCheckIn(m), true, "OK");
    }

    @Test
    void aCorrectPinResetsTheWrongPinCount() {
        Member m = fx.member();
        fx.activeMonthly(m.id());
        fx.setPin(m.id(), "4711");
        assertDecision(pinCheckIn(m, "1234"), false, "PIN_WRONG");
        assertDecision(pinCheckIn(m, "1234"), false, "PIN_WRONG");
        assertEquals(2, fx.memberRow(m.id()).pinFailedAttempts);
        assertDecision(pinCheckIn(m, "4711"), true, "OK");
        assertEquals(0, fx.memberRow(m.id()).pinFailedAttempts);
    }

    @Test
    void theServersCardVerifiesOfflineWithThePublishedKey() {
        Member m = fx.member();
        Response key = api.get("/api/v1/checkin/public-key", m.token());
        assertEquals(200, key.status(), key.toString());
        assertEquals("Ed25519", key.text("algorithm"));
        assertEquals("member-card", key.text("keyId"));

        Response own = api.get("/api/v1/members/" + m.id() + "/card", m.token());
        assertEquals(200, own.status(), own.toString());
        Optional<MemberCard> card = MemberQrCodes.verify(own.text("qrPayload"),
                MemberQrCodes.decodePublicKey(key.text("publicKey")));
        assertTrue(card.isPresent());
        assertEquals(m.id(), card.get().member().value());
        assertEquals(1, card.get().cardVersion());
        assertEquals(m.number(), own.text("memberNumber"));
    }

    @Test
    void aMemberGetsOnlyTheirOwnCard() {
        Member m = fx.member();
        Member other = fx.member();
        Response r = api.get("/api/v1/members/" + other.id() + "/card", m.token());
        assertEquals(403, r.status(), r.toString());
        assertEquals("FORBIDDEN", r.code());
        assertEquals(404, api.get("/api/v1/members/" + UUID.randomUUID() + "/card", desk).status());
        assertEquals(403, api.post("/api/v1/members/" + m.id() + "/card/revoke", Map.of(), m.token()).status());
    }

    @Test
    void thePrivateKeyIsStoredEncrypted() {
        MemberCardSigner signer = server.app().services().cardSigner();
        String raw = MemberQrCodes.encodePrivateKey(signer.privateKey());
        ServerKeyRecord row = server.app().services().tx().inTransaction(s -> s.find(ServerKeyRecord.class, MemberCardSigner.KEY_ID));
        assertNotNull(row);
        assertFalse(row.privateEncrypted.contains(raw));
        assertFalse(row.privateEncrypted.contains(raw.substring(0, 20)));
        assertThrows(IllegalArgumentException.class, () -> MemberQrCodes.decodePrivateKey(row.privateEncrypted));
        assertEquals(row.publicKey, MemberQrCodes.encodePublicKey(signer.publicKey()));
    }

    @Test
    void serverProcessesStartingTogetherCreateOneSharedKey() throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String keyId = "race-" + UUID.randomUUID().toString().substring(0, 8);
        var tx = server.app().services().tx();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> keys = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                MemberCardSigner process = new MemberCardSigner(tx, secret, Clock.systemUTC(), keyId);
                keys.add(pool.submit(() -> {
                    start.await();
                    return MemberQrCodes.encodePublicKey(process.publicKey());
                }));
            }
            start.countDown();
            Set<String> distinct = new java.util.HashSet<>();
            for (Future<String> f : keys) {
                distinct.add(f.get());
            }
            assertEquals(1, distinct.size());
            long rows = tx.inTransaction(s -> s.createSelectionQuery(
                    "select count(k) from ServerKeyRecord k where k.id = :id", Long.class).setParameter("id", keyId).getSingleResult());
            assertEquals(1, rows);
        } finally {
            pool.shutdownNow();
        }

        // A second process on the same database publishes the same key and accepts this one's cards.
        Member m = fx.member();
        fx.activeMonthly(m.id());
        String qr = card(m);
        try (SpotterApp sibling = server.startSibling(Clock.systemUTC())) {
            ApiClient other = new ApiClient(sibling.baseUrl());
            assertEquals(api.get("/api/v1/checkin/public-key", desk).text("publicKey"),
                    other.get("/api/v1/checkin/public-key", desk).text("publicKey"));
            Response r = other.post("/api/v1/check-ins", Map.of("method", "QR", "qr", qr), desk);
            assertDecision(r, true, "OK");
        }
    }

    @Test
    void twoDesksScanningTheSameMemberAtOnceLetThemInOnce() throws Exception {
        Member m = fx.member();
        UUID pack = fx.classPack(m.id(), 5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Response> scan = () -> {
                start.await();
                return staffCheckIn(m);
            };
            Future<Response> a = pool.submit(scan);
            Future<Response> b = pool.submit(scan);
            start.countDown();
            List<Response> both = List.of(a.get(), b.get());
            both.forEach(r -> assertEquals(201, r.status(), r.toString()));
            Map<String, Long> reasons = both.stream().collect(Collectors.groupingBy(r -> r.text("reason"), Collectors.counting()));
            assertEquals(Map.of("OK", 1L, "ALREADY_CHECKED_IN", 1L), reasons);
            assertEquals(4, fx.creditBalance(pack));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownMemberIsNotFound() {
        Response r = checkIn(Map.of("method", "STAFF", "memberId", UUID.randomUUID().toString()));
        assertEquals(404, r.status(), r.toString());
        assertEquals("UNKNOWN_MEMBER", r.code());
    }

    /** The kiosk's number pad must not tell a stranger which member numbers exist. */
    @Test
    void anUnknownMemberNumberAnswersExactlyLikeAWrongPin() {
        Member m = fx.member();
        fx.activeMonthly(m.id());
        fx.setPin(m.id(), "4711");
        String unknown = "M9" + String.format("%05d", new java.util.Random().nextInt(100_000));
        for (int i = 1; i <= 5; i++) {
            Response known = pinCheckIn(m, "0000");
            Response stranger = checkIn(Map.of("method", "PIN", "memberNumber", unknown, "pin", "0000"));
            assertEquals(known.status(), stranger.status(), stranger.toString());
            assertEquals(known.text("admitted"), stranger.text("admitted"), stranger.toString());
            assertEquals(known.text("reason"), stranger.text("reason"), "attempt " + i + ": " + stranger);
            assertEquals(known.text("message"), stranger.text("message"), stranger.toString());
            assertEquals(known.body().get("member"), stranger.body().get("member"), stranger.toString());
            assertEquals(known.body().size(), stranger.body().size(), stranger.toString());
        }
        // the fifth wrong PIN locked both alike, and the lock holds for the unknown number too
        assertDecision(checkIn(Map.of("method", "PIN", "memberNumber", unknown, "pin", "0000")), false, "PIN_LOCKED");
    }

    /** First tries of a fresh unknown number at once meet like a real number's: no 409 from a race. */
    @Test
    void parallelTriesOfAnUnknownNumberAnswerLikeWrongPins() throws Exception {
        String unknown = "M8" + String.format("%05d", new java.util.Random().nextInt(100_000));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tries.add(pool.submit(() -> {
                    go.await();
                    return checkIn(Map.of("method", "PIN", "memberNumber", unknown, "pin", "0000"));
                }));
            }
            go.countDown();
            for (Future<Response> f : tries) {
                Response r = f.get();
                assertEquals(201, r.status(), r.toString());
                assertTrue(List.of("PIN_WRONG", "PIN_LOCKED").contains(r.text("reason")), r.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badCheckInRequestsAreRefusedWithTheField() {
        Response noMethod = api.post("/api/v1/check-ins", Map.of("memberId", UUID.randomUUID().toString()), desk);
        assertEquals(400, noMethod.status(), noMethod.toString());
        assertEquals("method", noMethod.text("field"));
        Response wrongMethod = checkIn(Map.of("method", "FACE"));
        assertEquals(400, wrongMethod.status(), wrongMethod.toString());
        assertEquals("method", wrongMethod.text("field"));
        Response badId = checkIn(Map.of("method", "STAFF", "memberId", "nope"));
        assertEquals(400, badId.status());
        assertEquals("memberId", badId.text("field"));
        Response noPin = checkIn(Map.of("method", "PIN", "memberNumber", "M001001"));
        assertEquals("pin", noPin.text("field"));
        Response noQr = checkIn(Map.of("method", "QR"));
        assertEquals("qr", noQr.text("field"));
        Response badLocation = api.post("/api/v1/check-ins",
                Map.of("method", "STAFF", "memberId", UUID.randomUUID().toString(), "locationId", "x"), desk);
        assertEquals("locationId", badLocation.text("field"));
        Response member = api.post("/api/v1/check-ins", Map.of("method", "QR", "qr", "x"), fx.member().token());
        assertEquals(403, member.status());
    }

    @Test
    void theDeskListsTheDaysCheckInsAndWhoIsPresent() {
        Member in = fx.member();
        fx.activeMonthly(in.id());
        Member refused = fx.member();
        String first = staffCheckIn(in).text("checkInId");
        String second = staffCheckIn(refused).text("checkInId");

        Response day = api.get("/api/v1/check-ins?locationId=" + club + "&date=" + fx.today(), desk);
        assertEquals(200, day.status(), day.toString());
        assertEquals(2, day.body().size(), day.toString());
        assertEquals(second, day.body().get(0).get("id").asText()); // newest first
        assertEquals("NO_ACTIVE_MEMBERSHIP", day.body().get(0).get("reason").asText());
        assertEquals(first, day.body().get(1).get("id").asText());
        assertTrue(day.body().get(1).get("decidedAt").asText().endsWith("+01:00")
                || day.body().get(1).get("decidedAt").asText().endsWith("+02:00"), day.toString());

        Response present = api.get("/api/v1/check-ins/present?locationId=" + club, desk);
        assertEquals(200, present.status(), present.toString());
        assertEquals(1, present.body().size(), present.toString());
        assertEquals(in.id().toString(), present.body().get(0).get("member").get("id").asText());

        Response yesterday = api.get("/api/v1/check-ins?locationId=" + club + "&date=" + fx.today().minusDays(1), desk);
        assertEquals(0, yesterday.body().size());
        assertEquals(400, api.get("/api/v1/check-ins?date=yesterday", desk).status());
        assertEquals(403, api.get("/api/v1/check-ins", in.token()).status());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        return null;
    }
}
