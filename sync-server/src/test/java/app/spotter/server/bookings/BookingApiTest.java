package app.spotter.server.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.spotter.model.access.Role;
import app.spotter.model.membership.MembershipStatus;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.GymFixtures.Member;
import app.spotter.server.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingApiTest extends ServerTest {

    private GymFixtures gym() {
        return new GymFixtures(server);
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    }

    private UUID slot(int capacity, Instant start) {
        return gym().classSlot(server.login(Role.MANAGER), capacity, start);
    }

    /** A member on a class pack with the given credits; returns the member and the membership. */
    private record PackMember(Member member, UUID membership) {
    }

    private PackMember packMember(int credits) {
        GymFixtures gym = gym();
        Member m = gym.member();
        return new PackMember(m, gym.membership(m.memberId(), gym.plan(PlanKind.CLASS_PACK, 10), credits));
    }

    private static Response book(UUID slot, Member m, boolean waitlist) {
        return api.post("/api/v1/bookings", Map.of("slotId", slot, "waitlist", waitlist), m.token());
    }

    private static String statusOf(String bookingId, Member m) {
        return api.get("/api/v1/bookings/" + bookingId, m.token()).text("status");
    }

    @Test
    void aMemberBooksASeatAndPaysOneCredit() {
        UUID slot = slot(5, inDays(2));
        PackMember p = packMember(3);
        Response r = book(slot, p.member(), false);
        assertEquals(201, r.status(), r.toString());
        assertEquals("BOOKED", r.text("status"));
        assertEquals(p.member().memberId().toString(), r.text("memberId"));
        assertEquals("true", r.text("creditCharged"));
        assertEquals(2, gym().creditBalance(p.membership()));
        assertEquals(1, gym().count("select count(*) from credit_entry where membership_id = ? and reason = 'BOOKING'"
                + " and booking_id = ?", p.membership(), UUID.fromString(r.text("id"))));
        assertEquals(1, gym().count("select seats_taken from time_slot where id = ?", slot));
    }

    @Test
    void aTimelyCancelFreesTheSeatForTheWaitlistInTheSameRequest() {
        UUID slot = slot(1, inDays(2));
        PackMember booked = packMember(5);
        PackMember waiting = packMember(5);
        Response seat = book(slot, booked.member(), false);
        Response place = book(slot, waiting.member(), true);
        assertEquals("WAITLISTED", place.text("status"), place.toString());
        assertEquals(1, place.body().get("waitlistRank").asLong());
        assertEquals(5, gym().creditBalance(waiting.membership()), "a waitlist place costs nothing");

        Response cancel = api.delete("/api/v1/bookings/" + seat.text("id"), booked.member().token());
        assertEquals(200, cancel.status(), cancel.toString());
        assertEquals("CANCELLED", cancel.text("status"));
        assertEquals(5, gym().creditBalance(booked.membership()), "the canceller's credit came back");

        Response promoted = api.get("/api/v1/bookings/" + place.text("id"), waiting.member().token());
        assertEquals("BOOKED", promoted.text("status"));
        assertNull(promoted.text("waitlistRank"));
        assertEquals(4, gym().creditBalance(waiting.membership()), "the promoted member paid on promotion");
        assertEquals(1, gym().count("select seats_taken from time_slot where id = ?", slot));
    }

    @Test
    void aWaitlistedMemberWhoseMembershipFrozeIsSkippedAndTheNextOneIsPromoted() {
        UUID slot = slot(1, inDays(2));
        PackMember booked = packMember(5);
        PackMember frozen = packMember(5);
        PackMember next = packMember(5);
        Response seat = book(slot, booked.member(), false);
        Response first = book(slot, frozen.member(), true);
        Response second = book(slot, next.member(), true);
        assertEquals(2, second.body().get("waitlistRank").asLong());
        gym().setStatus(frozen.membership(), MembershipStatus.FROZEN);

        assertEquals(200, api.delete("/api/v1/bookings/" + seat.text("id"), booked.member().token()).status());

        assertEquals("WAITLISTED", statusOf(first.text("id"), frozen.member()));
        assertEquals("BOOKED", statusOf(second.text("id"), next.member()));
        assertEquals(5, gym().creditBalance(frozen.membership()));
        assertEquals(4, gym().creditBalance(next.membership()));
    }

    @Test
    void aLateCancelForfeitsTheCredit() {
        UUID slot = slot(5, Instant.now().plus(Duration.ofHours(3)));
        PackMember p = packMember(5);
        Response seat = book(slot, p.member(), false);
        assertEquals(4, gym().creditBalance(p.membership()));

        Response cancel = api.delete("/api/v1/bookings/" + seat.text("id"), p.member().token());
        assertEquals(200, cancel.status(), cancel.toString());
        assertEquals("LATE_CANCELLED", cancel.text("status"));
        assertEquals(4, gym().creditBalance(p.membership()));
        assertEquals(0, gym().count("select seats_taken from time_slot where id = ?", slot));
    }

    @Test
    void aStartedClassCannotBeBooked() {
        UUID slot = slot(5, Instant.now().minus(Duration.ofMinutes(10)));
        Response r = book(slot, gym().memberWithUnlimitedPlan(), false);
        assertEquals(422, r.status());
        assertEquals("SLOT_EXPIRED", r.code());
    }

    @Test
    void aClassBeyondTheBookingWindowCannotBeBookedYet() {
        Response r = book(slot(5, inDays(30)), gym().memberWithUnlimitedPlan(), false);
        assertEquals(422, r.status());
        assertEquals("OUTSIDE_BOOKING_WINDOW", r.code());
    }

    @Test
    void theSameSlotCannotBeBookedTwice() {
        UUID slot = slot(5, inDays(2));
        Member m = gym().memberWithUnlimitedPlan();
        assertEquals(201, book(slot, m, false).status());
        Response again = book(slot, m, true);
        assertEquals(409, again.status());
        assertEquals("ALREADY_BOOKED", again.code());
        assertEquals(1, gym().count("select count(*) from booking where slot_id = ?", slot));
    }

    @Test
    void aFrozenMemberCannotBook() {
        PackMember p = packMember(5);
        gym().setStatus(p.membership(), MembershipStatus.FROZEN);
        Response r = book(slot(5, inDays(2)), p.member(), false);
        assertEquals(422, r.status());
        assertEquals("MEMBERSHIP_FROZEN", r.code());
        assertEquals(5, gym().creditBalance(p.membership()));
    }

    @Test
    void aMemberWithoutCreditsCannotBook() {
        Response r = book(slot(5, inDays(2)), packMember(0).member(), false);
        assertEquals(422, r.status());
        assertEquals("NO_CREDITS_LEFT", r.code());
    }

    @Test
    void aMemberWithoutMembershipCannotBook() {
        Response r = book(slot(5, inDays(2)), gym().member(), false);
        assertEquals(422, r.status());
        assertEquals("NO_ACTIVE_MEMBERSHIP", r.code());
    }

    @Test
    void aMemberCannotBookForAnotherMember() {
        Member me = gym().memberWithUnlimitedPlan();
        Member other = gym().memberWithUnlimitedPlan();
        Response r = api.post("/api/v1/bookings", Map.of("slotId", slot(5, inDays(2)), "memberId", other.memberId()),
                me.token());
        assertEquals(403, r.status());
        assertEquals("FORBIDDEN", r.code());
        assertEquals(0, gym().count("select count(*) from booking where member_id = ?", other.memberId()));
    }

    @Test
    void aMemberCannotCancelOrReadAnotherMembersBookings() {
        Member owner = gym().memberWithUnlimitedPlan();
        Member other = gym().memberWithUnlimitedPlan();
        Response seat = book(slot(5, inDays(2)), owner, false);
        assertEquals(403, api.delete("/api/v1/bookings/" + seat.text("id"), other.token()).status());
        assertEquals(404, api.get("/api/v1/bookings/" + seat.text("id"), other.token()).status());
        assertEquals(403, api.get("/api/v1/members/" + owner.memberId() + "/bookings", other.token()).status());
        assertEquals("BOOKED", statusOf(seat.text("id"), owner));
    }

    @Test
    void theFrontDeskBooksForAMemberAndMustNameTheMember() {
        String desk = server.login(Role.FRONT_DESK);
        Member m = gym().memberWithUnlimitedPlan();
        UUID slot = slot(5, inDays(2));
        Response missing = api.post("/api/v1/bookings", Map.of("slotId", slot), desk);
        assertEquals(400, missing.status());
        assertEquals("memberId", missing.text("field"));
        Response r = api.post("/api/v1/bookings", Map.of("slotId", slot, "memberId", m.memberId()), desk);
        assertEquals(201, r.status(), r.toString());
        assertEquals(m.memberId().toString(), r.text("memberId"));

        Response who = api.get("/api/v1/slots/" + slot + "/bookings", desk);
        assertEquals(200, who.status());
        assertEquals(1, who.body().size());
        assertEquals("BOOKED", who.body().get(0).get("status").asText());
    }

    @Test
    void aMemberSeesUpcomingAndPastBookingsInTheirZone() {
        Member m = gym().memberWithUnlimitedPlan();
        Response seat = book(slot(5, inDays(3)), m, false);
        Response upcoming = api.get("/api/v1/members/" + m.memberId() + "/bookings?scope=upcoming&tz=Asia/Tokyo", m.token());
        assertEquals(200, upcoming.status(), upcoming.toString());
        assertEquals(1, upcoming.body().size());
        assertEquals(seat.text("id"), upcoming.body().get(0).get("id").asText());
        String startsAt = upcoming.body().get(0).get("startsAt").asText();
        assertEquals("+09:00", startsAt.substring(startsAt.length() - 6));
        Response past = api.get("/api/v1/members/" + m.memberId() + "/bookings?scope=past", m.token());
        assertEquals(0, past.body().size());
        assertEquals(400, api.get("/api/v1/members/" + m.memberId() + "/bookings?scope=soon", m.token()).status());
    }

    @Test
    void theDeskMarksAttendanceAndMembersCannot() {
        Member m = gym().memberWithUnlimitedPlan();
        Response seat = book(slot(5, inDays(1)), m, false);
        assertEquals(403, api.post("/api/v1/bookings/" + seat.text("id") + "/attended", Map.of(), m.token()).status());
        String desk = server.login(Role.FRONT_DESK);
        Response attended = api.post("/api/v1/bookings/" + seat.text("id") + "/attended", Map.of(), desk);
        assertEquals(200, attended.status(), attended.toString());
        assertEquals("ATTENDED", attended.text("status"));
        Response noShow = api.post("/api/v1/bookings/" + seat.text("id") + "/no-show", Map.of(), desk);
        assertEquals(422, noShow.status(), "nobody is a no-show before the class starts");
        assertEquals("SLOT_NOT_STARTED", noShow.code());
    }

    @Test
    void malformedBookingRequestsAreRefusedWithTheField() {
        Member m = gym().memberWithUnlimitedPlan();
        UUID slot = slot(5, inDays(2));

        Response unknown = api.post("/api/v1/bookings", Map.of("slotId", slot, "seat", 3), m.token());
        assertEquals(400, unknown.status());
        assertEquals("UNKNOWN_FIELD", unknown.code());
        assertEquals("seat", unknown.text("field"));

        Response wrongType = api.post("/api/v1/bookings", Map.of("slotId", slot, "waitlist", "yes"), m.token());
        assertEquals(400, wrongType.status(), wrongType.toString());
        assertEquals("waitlist", wrongType.text("field"));

        Response numberId = api.post("/api/v1/bookings", Map.of("slotId", 42), m.token());
        assertEquals(400, numberId.status(), numberId.toString());
        assertEquals("slotId", numberId.text("field"));

        Response badId = api.post("/api/v1/bookings", Map.of("slotId", "not-a-uuid"), m.token());
        assertEquals(400, badId.status(), badId.toString());
        assertEquals("slotId", badId.text("field"));

        Response missing = api.post("/api/v1/bookings", Map.of("waitlist", true), m.token());
        assertEquals(400, missing.status());
        assertEquals("slotId", missing.text("field"));

        Response badPath = api.get("/api/v1/slots/12345/bookings", server.login(Role.FRONT_DESK));
        assertEquals(400, badPath.status());
        assertEquals("id", badPath.text("field"));

        Response noSlot = api.post("/api/v1/bookings", Map.of("slotId", UUID.randomUUID()), m.token());
        assertEquals(404, noSlot.status());
        assertEquals(400, api.post("/api/v1/bookings", "{not json", m.token()).status());
        assertEquals(0, gym().count("select count(*) from booking where member_id = ?", m.memberId()));
    }
}
