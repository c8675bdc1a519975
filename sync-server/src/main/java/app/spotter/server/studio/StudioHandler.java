package app.spotter.server.studio;

import app.spotter.model.access.Permission;
import app.spotter.model.api.StudioApi;
import app.spotter.model.common.BookingId;
import app.spotter.model.common.SessionId;
import app.spotter.server.auth.Caller;
import app.spotter.server.http.Access;
import app.spotter.server.http.Json;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.ZoneId;

/**
 * HTTP of the fitness-studio API: the seed's paths with trailing slashes and snake_case JSON.
 * Times answer in the caller's zone ({@code ?tz=}, else profile, else the studio's).
 */
public final class StudioHandler {

    private final StudioService studio;
    private final ObjectMapper snake;

    private final app.spotter.server.auth.LoginThrottle throttle;

    public StudioHandler(StudioService studio, ObjectMapper snake, app.spotter.server.auth.LoginThrottle throttle) {
        this.studio = studio;
        this.snake = snake;
        this.throttle = throttle;
    }

    public void register(Routes routes) {
        Access instructor = Access.anyOf(Permission.SESSIONS_OWN, Permission.SESSIONS_ANY);
        Access client = Access.anyOf(Permission.BOOKINGS_OWN);
        routes.post("/api/register/", Access.open(), "Register a client (201, logged in, on no membership or the gym's"
                        + " free trial) or an instructor (202, status pending_approval, no tokens until a manager approves)",
                this::register)
                .accepts(StudioApi.RegisterRequest.class).returns(201, StudioApi.RegisteredUser.class).throttled();
        routes.post("/api/login/", Access.open(), "Log in with e-mail and password", this::login)
                .accepts(StudioApi.LoginRequest.class).returns(200, StudioApi.Tokens.class).throttled();
        routes.post("/api/refresh-token/", Access.open(), "New access token from a refresh token", this::refresh)
                .accepts(StudioApi.RefreshRequest.class).returns(200, StudioApi.Tokens.class);
        routes.post("/api/sessions/create/", instructor, "Create a session with its time slots (instructor)", this::create)
                .accepts(StudioApi.SessionInput.class).returns(201, StudioApi.Session.class);
        routes.get("/api/sessions/instructor/", instructor, "The instructor's own sessions", this::instructorSessions)
                .returnsListOf(StudioApi.Session.class);
        routes.put("/api/sessions/{id}/update/", instructor, "Update a session (owning instructor)", this::update)
                .accepts(StudioApi.SessionInput.class).returns(200, StudioApi.Session.class);
        routes.delete("/api/sessions/{id}/delete/", instructor, "Delete a session (owning instructor)", this::delete)
                .returns(204, null);
        routes.get("/api/sessions/{id}/", instructor, "A session with the bookings of every slot (owning instructor)",
                this::ownerView).returns(200, StudioApi.Session.class);
        routes.get("/api/public/sessions/", Access.open(), "Upcoming sessions with seats (public)", this::upcoming)
                .returnsListOf(StudioApi.Session.class);
        routes.get("/api/public/sessions/{id}/", Access.open(), "A session's upcoming slots (public)", this::publicSession)
                .returns(200, StudioApi.Session.class);
        routes.post("/api/bookings/", client, "Book a time slot (client)", this::book)
                .accepts(StudioApi.BookingRequest.class).returns(201, StudioApi.Booking.class);
        routes.get("/api/bookings/", client, "The client's upcoming and past bookings", this::myBookings)
                .returns(200, StudioApi.MyBookings.class);
        routes.delete("/api/bookings/{id}/", client, "Cancel a booking (client)", this::cancel).returns(204, null);
    }

    private void register(Context ctx) {
        StudioApi.RegisterRequest r = Json.read(ctx, snake, StudioApi.RegisterRequest.class);
        StudioApi.RegisteredUser user = throttle.registration(ctx.ip(), () -> studio.register(r));
        send(ctx, StudioService.PENDING_APPROVAL.equals(user.status()) ? 202 : 201, user);
    }

    private void login(Context ctx) {
        StudioApi.LoginRequest r = Json.read(ctx, snake, StudioApi.LoginRequest.class);
        send(ctx, 200, throttle.login(r.email(), ctx.ip(), () -> studio.login(r)));
    }

    private void refresh(Context ctx) {
        send(ctx, 200, studio.refresh(Json.read(ctx, snake, StudioApi.RefreshRequest.class)));
    }

    private void create(Context ctx) {
        send(ctx, 201, studio.create(Caller.of(ctx), Json.read(ctx, snake, StudioApi.SessionInput.class), zone(ctx)));
    }

    private void instructorSessions(Context ctx) {
        send(ctx, 200, studio.instructorSessions(Caller.of(ctx), zone(ctx)));
    }

    private void update(Context ctx) {
        send(ctx, 200, studio.update(Caller.of(ctx), Params.id(ctx, "id", SessionId::new),
                Json.read(ctx, snake, StudioApi.SessionInput.class), zone(ctx)));
    }

    private void delete(Context ctx) {
        studio.delete(Caller.of(ctx), Params.id(ctx, "id", SessionId::new));
        ctx.status(204);
    }

    private void ownerView(Context ctx) {
        send(ctx, 200, studio.ownerView(Caller.of(ctx), Params.id(ctx, "id", SessionId::new), zone(ctx)));
    }

    private void upcoming(Context ctx) {
        send(ctx, 200, studio.upcoming(zone(ctx)));
    }

    private void publicSession(Context ctx) {
        send(ctx, 200, studio.publicSession(Params.id(ctx, "id", SessionId::new), zone(ctx)));
    }

    private void book(Context ctx) {
        send(ctx, 201, studio.book(Caller.of(ctx), Json.read(ctx, snake, StudioApi.BookingRequest.class), zone(ctx)));
    }

    private void myBookings(Context ctx) {
        send(ctx, 200, studio.myBookings(Caller.of(ctx), zone(ctx)));
    }

    private void cancel(Context ctx) {
        studio.cancel(Caller.of(ctx), Params.id(ctx, "id", BookingId::new), zone(ctx));
        ctx.status(204);
    }

    private ZoneId zone(Context ctx) {
        return Params.responseZone(ctx, studio.studioZone());
    }

    private void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(snake.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response not serializable", e);
        }
    }
}
