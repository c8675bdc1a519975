package app.spotter.server.memberships;

import app.spotter.model.access.Permission;
import app.spotter.model.api.MembershipsApi.ChangePlanRequest;
import app.spotter.model.api.MembershipsApi.CreditAdjustment;
import app.spotter.model.api.MembershipsApi.FreezeRequest;
import app.spotter.model.api.MembershipsApi.NewMembership;
import app.spotter.model.api.MembershipsApi.UnfreezeRequest;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import app.spotter.server.auth.Caller;
import app.spotter.server.http.Access;
import app.spotter.server.http.Json;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** HTTP for memberships: assigning, freezing, cancelling, changing plan and credits. */
public final class MembershipHandler {

    private final MembershipService memberships;
    private final ObjectMapper json;

    public MembershipHandler(MembershipService memberships, ObjectMapper json) {
        this.memberships = memberships;
        this.json = json;
    }

    public void register(Routes routes) {
        Access manage = Access.anyOf(Permission.MEMBERSHIPS_MANAGE);
        routes.post("/api/v1/members/{id}/memberships", manage, "Put a member on a plan", this::assign);
        routes.get("/api/v1/members/{id}/memberships", Access.loggedIn(),
                "A member's memberships with credits and standing today (staff, or the member)", this::ofMember);
        routes.get("/api/v1/memberships/{id}", Access.loggedIn(), "One membership (staff, or its member)", this::get);
        routes.post("/api/v1/memberships/{id}/freeze", manage, "Freeze a membership for some days", this::freeze);
        routes.post("/api/v1/memberships/{id}/unfreeze", manage, "End a freeze early", this::unfreeze);
        routes.post("/api/v1/memberships/{id}/cancel", manage, "Cancel a membership", this::cancel);
        routes.post("/api/v1/memberships/{id}/change-plan", manage, "Upgrade or downgrade from a day on",
                this::changePlan);
        routes.get("/api/v1/memberships/{id}/credits", Access.loggedIn(),
                "The credit ledger and balance (staff, or its member)", this::credits);
        routes.post("/api/v1/memberships/{id}/credits", manage, "Adjust credits by hand, with a reason",
                this::adjustCredits);
    }

    private static ZoneId zone(Context ctx) {
        return Params.responseZone(ctx, ZoneOffset.UTC);
    }

    private static MembershipId membershipId(Context ctx) {
        return Params.id(ctx, "id", MembershipId::new);
    }

    private void assign(Context ctx) {
        MemberId member = Params.id(ctx, "id", MemberId::new);
        ctx.status(201).json(memberships.assign(Caller.of(ctx), member, Json.read(ctx, json, NewMembership.class), zone(ctx)));
    }

    private void ofMember(Context ctx) {
        ctx.json(memberships.ofMember(Caller.of(ctx), Params.id(ctx, "id", MemberId::new), zone(ctx)));
    }

    private void get(Context ctx) {
        ctx.json(memberships.get(Caller.of(ctx), membershipId(ctx), zone(ctx)));
    }

    private void freeze(Context ctx) {
        MembershipId id = membershipId(ctx);
        ctx.json(memberships.freeze(Caller.of(ctx), id, Json.read(ctx, json, FreezeRequest.class), zone(ctx)));
    }

    private void unfreeze(Context ctx) {
        MembershipId id = membershipId(ctx);
        // the body is optional: no body means "from today"
        UnfreezeRequest body = ctx.body().isBlank() ? new UnfreezeRequest(null) : Json.read(ctx, json, UnfreezeRequest.class);
        ctx.json(memberships.unfreeze(Caller.of(ctx), id, body, zone(ctx)));
    }

    private void cancel(Context ctx) {
        ctx.json(memberships.cancel(Caller.of(ctx), membershipId(ctx), zone(ctx)));
    }

    private void changePlan(Context ctx) {
        MembershipId id = membershipId(ctx);
        ctx.json(memberships.changePlan(Caller.of(ctx), id, Json.read(ctx, json, ChangePlanRequest.class), zone(ctx)));
    }

    private void credits(Context ctx) {
        ctx.json(memberships.credits(Caller.of(ctx), membershipId(ctx), zone(ctx)));
    }

    private void adjustCredits(Context ctx) {
        MembershipId id = membershipId(ctx);
        ctx.status(201).json(memberships.adjustCredits(Caller.of(ctx), id, Json.read(ctx, json, CreditAdjustment.class),
                zone(ctx)));
    }
}
