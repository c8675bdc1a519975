package app.spotter.server.bookings;

import app.spotter.model.access.Permission;
import app.spotter.model.api.BookingsApi.BookingView;
import app.spotter.model.api.BookingsApi.NewBooking;
import app.spotter.model.common.BookingId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import app.spotter.server.auth.Caller;
import app.spotter.server.http.Access;
import app.spotter.server.http.ApiException;
import app.spotter.server.http.Json;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Locale;

/** HTTP for bookings, waitlist places, cancellations and attendance. */
public final class BookingHandler {

    private final BookingService bookings;
    private final ObjectMapper json;

    public BookingHandler(BookingService bookings, ObjectMapper json) {
        this.bookings = bookings;
        this.json = json;
    }

    public void register(Routes routes) {
        Access own = Access.anyOf(Permission.BOOKINGS_OWN, Permission.BOOKINGS_ANY);
        routes.post("/api/v1/bookings", own, "Book a seat or a waitlist place", this::book)
                .accepts(NewBooking.class).returns(201, BookingView.class);
        routes.get("/api/v1/bookings/{id}", Access.anyOf(Permission.BOOKINGS_OWN, Permission.BOOKINGS_ANY,
                Permission.SCHEDULE_READ), "One booking", this::get)
                .returns(200, BookingView.class);
        routes.delete("/api/v1/bookings/{id}", own, "Cancel a booking; the seat goes to the waitlist", this::cancel)
                .returns(200, BookingView.class);
        routes.post("/api/v1/bookings/{id}/attended", Access.anyOf(Permission.CHECKINS_WRITE),
                "Mark a booked member as attended", ctx -> attendance(ctx, true)).returns(200, BookingView.class);
        routes.post("/api/v1/bookings/{id}/no-show", Access.anyOf(Permission.CHECKINS_WRITE),
                "Mark a booked member as a no-show", ctx -> attendance(ctx, false)).returns(200, BookingView.class);
        routes.get("/api/v1/members/{id}/bookings", Access.anyOf(Permission.BOOKINGS_ANY, Permission.SCHEDULE_READ,
                Permission.BOOKINGS_OWN), "A member's upcoming or past bookings (?scope=upcoming|past)", this::ofMember)
                .returnsListOf(BookingView.class);
        routes.get("/api/v1/slots/{id}/bookings", Access.anyOf(Permission.SCHEDULE_READ),
                "Who is booked and waitlisted on a slot", this::ofSlot)
                .returnsListOf(BookingView.class);
    }

    private void book(Context ctx) {
        NewBooking r = Json.read(ctx, json, NewBooking.class);
        ctx.status(201).json(bookings.book(Caller.of(ctx), r.slotId(), r.memberId(), Boolean.TRUE.equals(r.waitlist()),
                Params.responseZone(ctx, null)));
    }

    private void get(Context ctx) {
        ctx.json(bookings.booking(Caller.of(ctx), Params.id(ctx, "id", BookingId::new), Params.responseZone(ctx, null)));
    }

    private void cancel(Context ctx) {
        ctx.json(bookings.cancel(Caller.of(ctx), Params.id(ctx, "id", BookingId::new), Params.responseZone(ctx, null)));
    }

    private void attendance(Context ctx, boolean attended) {
        ctx.json(bookings.markAttendance(Caller.of(ctx), Params.id(ctx, "id", BookingId::new), attended,
                Params.responseZone(ctx, null)));
    }

    private void ofMember(Context ctx) {
        String raw = Params.query(ctx, "scope").orElse("upcoming");
        BookingService.Scope scope;
        try {
            scope = BookingService.Scope.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("scope", "scope must be upcoming or past");
        }
        ctx.json(bookings.bookingsOf(Caller.of(ctx), Params.id(ctx, "id", MemberId::new), scope,
                Params.responseZone(ctx, null)));
    }

    private void ofSlot(Context ctx) {
        ctx.json(bookings.bookingsOfSlot(Caller.of(ctx), Params.id(ctx, "id", SlotId::new), Params.responseZone(ctx, null)));
    }
}
