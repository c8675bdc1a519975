package app.spotter.server.members;

import app.spotter.model.access.Permission;
import app.spotter.model.api.MembersApi.MemberUpdate;
import app.spotter.model.api.MembersApi.NewMember;
import app.spotter.model.api.MembersApi.PinRequest;
import app.spotter.model.common.MemberId;
import app.spotter.server.auth.Caller;
import app.spotter.server.http.Access;
import app.spotter.server.http.Json;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.ZoneOffset;

/** HTTP for members: registration, search, profile, PIN and attendance. */
public final class MemberHandler {

    private final MemberService members;
    private final ObjectMapper json;

    public MemberHandler(MemberService members, ObjectMapper json) {
        this.members = members;
        this.json = json;
    }

    public void register(Routes routes) {
        routes.post("/api/v1/members", Access.anyOf(Permission.MEMBERS_WRITE), "Register a member", this::create);
        routes.get("/api/v1/members", Access.anyOf(Permission.MEMBERS_READ, Permission.MEMBERS_READ_BOOKED),
                "Search members by name, phone, e-mail or member number (?q=&limit=); a trainer finds only the"
                        + " members booked into their own sessions", this::search);
        routes.get("/api/v1/members/{id}", Access.loggedIn(), "A member's profile (staff, or the member); health notes"
                + " with HEALTH_NOTES, each read audited; 404 for a trainer outside their own members", this::get);
        routes.put("/api/v1/members/{id}", Access.anyOf(Permission.MEMBERS_WRITE), "Edit some fields of a member",
                this::update);
        routes.get("/api/v1/members/{id}/attendance", Access.loggedIn(),
                "A member's check-ins and bookings, newest first (staff, or the member)", this::attendance);
        routes.put("/api/v1/members/{id}/pin", Access.loggedIn(), "Set a member's kiosk PIN (staff, or the member)",
                this::setPin);
    }

    private void create(Context ctx) {
        ctx.status(201).json(members.register(Caller.of(ctx), Json.read(ctx, json, NewMember.class),
                Params.responseZone(ctx, ZoneOffset.UTC)));
    }

    private void search(Context ctx) {
        ctx.json(members.search(Caller.of(ctx), Params.query(ctx, "q").orElse(""), Params.intQuery(ctx, "limit", 20, 1, 100)));
    }

    private void get(Context ctx) {
        ctx.json(members.get(Caller.of(ctx), Params.id(ctx, "id", MemberId::new), Params.responseZone(ctx, ZoneOffset.UTC)));
    }

    private void update(Context ctx) {
        MemberId id = Params.id(ctx, "id", MemberId::new);
        ctx.json(members.update(Caller.of(ctx), id, Json.read(ctx, json, MemberUpdate.class),
                Params.responseZone(ctx, ZoneOffset.UTC)));
    }

    private void attendance(Context ctx) {
        // no fallback: without ?tz= or a profile zone each row answers in its location's or slot's zone
        ctx.json(members.attendance(Caller.of(ctx), Params.id(ctx, "id", MemberId::new), Params.responseZone(ctx, null)));
    }

    private void setPin(Context ctx) {
        MemberId id = Params.id(ctx, "id", MemberId::new);
        members.setPin(Caller.of(ctx), id, Json.read(ctx, json, PinRequest.class).pin());
        ctx.status(204);
    }
}
