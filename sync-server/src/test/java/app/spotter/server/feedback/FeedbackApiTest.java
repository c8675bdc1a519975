package app.spotter.server.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.CheckInFixtures;
import app.spotter.server.support.CheckInFixtures.Member;
import app.spotter.server.support.ServerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedbackApiTest extends ServerTest {

    private CheckInFixtures fx;
    private UUID club;

    @BeforeEach
    void arrange() {
        fx = new CheckInFixtures(server);
        club = fx.location();
    }

    private UUID attendedClass(Member m) {
        return fx.booking(m.id(), club, null, Instant.now().minus(1, ChronoUnit.DAYS), "ATTENDED");
    }

    private Response rate(Member m, UUID booking, Object rating, String comment) {
        Map<String, Object> body = comment == null ? Map.of("bookingId", booking.toString(), "rating", rating)
                : Map.of("bookingId", booking.toString(), "rating", rating, "comment", comment);
        return api.post("/api/v1/feedback", body, m.token());
    }

    @Test
    void aMemberRatesAnAttendedClassAndStaffSeeTheAverage() {
        Member ada = fx.member();
        Member bob = fx.member();
        UUID adaClass = attendedClass(ada);
        UUID session = fx.sessionOf(adaClass);
        Response r = rate(ada, adaClass, 5, "  Great spin class  ");
        assertEquals(201, r.status(), r.toString());
        assertEquals(5, r.body().get("rating").asInt());
        assertEquals("Great spin class", r.text("comment"));
        assertEquals(ada.id().toString(), r.text("memberId"));

        // bob attended another slot of the same session
        UUID bobClass = fx.booking(bob.id(), club, null, Instant.now().minus(2, ChronoUnit.DAYS), "ATTENDED");
        server.app().services().tx().run(s -> {
            var slot = s.find(app.spotter.server.schedule.TimeSlotRecord.class,
                    s.find(app.spotter.server.bookings.BookingRecord.class, bobClass).slotId);
            slot.sessionId = session;
        });
        assertEquals(201, rate(bob, bobClass, 4, null).status());

        // a trainer who does not teach the class does not read its ratings (need to know)
        assertEquals(404, api.get("/api/v1/sessions/" + session + "/feedback", server.login(Role.TRAINER)).status());
        Response list = api.get("/api/v1/sessions/" + session + "/feedback", server.login(Role.MANAGER));
        assertEquals(200, list.status(), list.toString());
        assertEquals(2, list.body().get("count").asInt());
        assertEquals(4.5, list.body().get("averageRating").asDouble());
        assertEquals("Great spin class", list.body().get("entries").get(0).get("comment").asText());
        assertEquals(403, api.get("/api/v1/sessions/" + session + "/feedback", ada.token()).status());
        assertEquals(404, api.get("/api/v1/sessions/" + UUID.randomUUID() + "/feedback", server.login(Role.ADMIN)).status());
    }

    @Test
    void aClassNotAttendedCannotBeRated() {
        Member m = fx.member();
        UUID booked = fx.booking(m.id(), club, null, Instant.now().plus(1, ChronoUnit.DAYS), "BOOKED");
        Response r = rate(m, booked, 4, null);
        assertEquals(422, r.status(), r.toString());
        assertEquals("NOT_ATTENDED", r.code());
    }

    @Test
    void aClassIsRatedOnlyOnce() {
        Member m = fx.member();
        UUID attended = attendedClass(m);
        assertEquals(201, rate(m, attended, 3, null).status());
        Response again = rate(m, attended, 5, "changed my mind");
        assertEquals(409, again.status(), again.toString());
        assertEquals("FEEDBACK_EXISTS", again.code());
    }

    @Test
    void aRatingOutsideOneToFiveIsRefused() {
        Member m = fx.member();
        UUID attended = attendedClass(m);
        Response six = rate(m, attended, 6, null);
        assertEquals(400, six.status(), six.toString());
        assertEquals("VALIDATION_FAILED", six.code());
        assertEquals("rating", six.text("field"));
        assertEquals("rating", rate(m, attended, 0, null).text("field"));
        assertEquals("rating", rate(m, attended, "five", null).text("field"));
        Response longComment = rate(m, attended, 4, "x".repeat(2001));
        assertEquals(400, longComment.status());
        assertEquals("comment", longComment.text("field"));
        Response noBooking = api.post("/api/v1/feedback", Map.of("rating", 4), m.token());
        assertEquals("bookingId", noBooking.text("field"));
    }

    @Test
    void anotherMembersBookingCannotBeRated() {
        Member owner = fx.member();
        Member stranger = fx.member();
        UUID attended = attendedClass(owner);
        Response r = rate(stranger, attended, 1, "spite");
        assertEquals(403, r.status(), r.toString());
        assertEquals("FORBIDDEN", r.code());
        assertEquals(201, rate(owner, attended, 5, null).status());
    }

    @Test
    void anUnknownBookingIsNotFound() {
        Response r = rate(fx.member(), UUID.randomUUID(), 5, null);
        assertEquals(404, r.status(), r.toString());
    }
}
