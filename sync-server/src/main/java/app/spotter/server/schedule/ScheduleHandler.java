package app.spotter.server.schedule;

import app.spotter.model.access.Permission;
import app.spotter.model.api.ScheduleApi.NewSession;
import app.spotter.model.api.ScheduleApi.NewSlots;
import app.spotter.model.api.ScheduleApi.SessionDetail;
import app.spotter.model.api.ScheduleApi.SessionUpdate;
import app.spotter.model.api.ScheduleApi.SessionView;
import app.spotter.model.api.ScheduleApi.SlotView;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.SessionId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.UserId;
import app.spotter.server.auth.Caller;
import app.spotter.server.http.Access;
import app.spotter.server.http.ApiException;
import app.spotter.server.http.Json;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.function.Function;

/** HTTP for sessions and their time slots. */
public final class ScheduleHandler {

    private static final Access EDIT = Access.anyOf(Permission.SESSIONS_OWN, Permission.SESSIONS_ANY);
    private static final Access READ = Access.anyOf(Permission.SCHEDULE_READ, Permission.BOOKINGS_OWN,
            Permission.SESSIONS_OWN, Permission.SESSIONS_ANY);

    private final ScheduleService schedule;
    private final ObjectMapper json;

    public ScheduleHandler(ScheduleService schedule, ObjectMapper json) {
        this.schedule = schedule;
        this.json = json;
    }

    public void register(Routes routes) {
        routes.post("/api/v1/sessions", EDIT, "Create a class, personal-training or equipment session", this::create)
                .accepts(NewSession.class).returns(201, SessionView.class);
        routes.get("/api/v1/sessions", READ, "Sessions, optionally of one trainer (?trainerId=)", this::list)
                .returnsListOf(SessionView.class);
        routes.get("/api/v1/sessions/{id}", READ, "A session with its slots", this::get)
                .returns(200, SessionDetail.class);
        routes.put("/api/v1/sessions/{id}", EDIT, "Change title, description or capacity of future slots", this::update)
                .accepts(SessionUpdate.class).returns(200, SessionView.class);
        routes.delete("/api/v1/sessions/{id}", EDIT, "Delete a session; cancels its future slots and bookings", this::delete)
                .returns(204, null);
        routes.post("/api/v1/sessions/{id}/slots", EDIT, "Add one slot or a weekly series", this::addSlots)
                .accepts(NewSlots.class).returns(201, SlotView.class).returnsListOf(SlotView.class);
        routes.get("/api/v1/slots", Access.anyOf(Permission.SCHEDULE_READ, Permission.BOOKINGS_OWN),
                "Slots between from and to, with seats left and waitlist", this::slots)
                .returnsListOf(SlotView.class);
        routes.get("/api/v1/slots/{id}", Access.anyOf(Permission.SCHEDULE_READ, Permission.BOOKINGS_OWN),
                "One slot with seats left and waitlist", this::slot)
                .returns(200, SlotView.class);
        routes.post("/api/v1/slots/{id}/cancel", EDIT, "Cancel a slot; cancels its bookings and refunds credits",
                this::cancelSlot).returns(200, SlotView.class);
    }

    private void create(Context ctx) {
        ctx.status(201).json(schedule.createSession(Caller.of(ctx), Json.read(ctx, json, NewSession.class)));
    }

    private void list(Context ctx) {
        ctx.json(schedule.sessions(Caller.of(ctx), queryId(ctx, "trainerId", UserId::new)));
    }

    private void get(Context ctx) {
        ctx.json(schedule.session(Caller.of(ctx), Params.id(ctx, "id", SessionId::new), Params.responseZone(ctx, null)));
    }

    private void update(Context ctx) {
        SessionId id = Params.id(ctx, "id", SessionId::new);
        ctx.json(schedule.updateSession(Caller.of(ctx), id, Json.read(ctx, json, SessionUpdate.class)));
    }

    private void delete(Context ctx) {
        schedule.deleteSession(Caller.of(ctx), Params.id(ctx, "id", SessionId::new));
        ctx.status(204);
    }

    private void addSlots(Context ctx) {
        SessionId id = Params.id(ctx, "id", SessionId::new);
        NewSlots body = Json.read(ctx, json, NewSlots.class);
        ctx.status(201).json(schedule.addSlots(Caller.of(ctx), id, body, Params.responseZone(ctx, null)));
    }

    private void slots(Context ctx) {
        ctx.json(schedule.slotsBetween(Caller.of(ctx), Params.instantQuery(ctx, "from").orElse(null),
                Params.instantQuery(ctx, "to").orElse(null), queryId(ctx, "locationId", LocationId::new),
                queryId(ctx, "sessionId", SessionId::new), Params.responseZone(ctx, null)));
    }

    private void slot(Context ctx) {
        ctx.json(schedule.slot(Caller.of(ctx), Params.id(ctx, "id", SlotId::new), Params.responseZone(ctx, null)));
    }

    private void cancelSlot(Context ctx) {
        ctx.json(schedule.cancelSlot(Caller.of(ctx), Params.id(ctx, "id", SlotId::new), Params.responseZone(ctx, null)));
    }

    /** An optional id in the query string; a malformed one is a 400 naming the parameter. */
    static <T> T queryId(Context ctx, String name, Function<UUID, T> wrap) {
        return Params.query(ctx, name).map(raw -> {
            try {
                return wrap.apply(UUID.fromString(raw));
            } catch (IllegalArgumentException e) {
                throw ApiException.validation(name, "'" + raw + "' is not a valid id");
            }
        }).orElse(null);
    }
}
