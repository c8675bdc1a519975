package app.spotter.server.plans;

import app.spotter.model.access.Permission;
import app.spotter.model.api.PlansApi;
import app.spotter.model.api.PlansApi.NewPlan;
import app.spotter.model.api.PlansApi.PlanUpdate;
import app.spotter.model.common.PlanId;
import app.spotter.server.auth.Caller;
import app.spotter.server.http.Access;
import app.spotter.server.http.Json;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** HTTP for plans. */
public final class PlanHandler {

    private final PlanService plans;
    private final ObjectMapper json;

    public PlanHandler(PlanService plans, ObjectMapper json) {
        this.plans = plans;
        this.json = json;
    }

    public void register(Routes routes) {
        routes.post("/api/v1/plans", Access.anyOf(Permission.PLANS_MANAGE),
                "Create a plan (freeTrial marks it as the gym's free trial for public registration)", this::create)
                .accepts(NewPlan.class).returns(201, PlansApi.Plan.class);
        routes.get("/api/v1/plans", Access.loggedIn(), "All plans", this::list).returnsListOf(PlansApi.Plan.class);
        routes.put("/api/v1/plans/{id}", Access.anyOf(Permission.PLANS_MANAGE),
                "Rename, reprice, (de)activate a plan or mark it as the free trial", this::update)
                .accepts(PlanUpdate.class).returns(200, PlansApi.Plan.class);
    }

    private void create(Context ctx) {
        ctx.status(201).json(plans.create(Caller.of(ctx), Json.read(ctx, json, NewPlan.class)));
    }

    private void list(Context ctx) {
        ctx.json(plans.list());
    }

    private void update(Context ctx) {
        PlanId id = Params.id(ctx, "id", PlanId::new);
        ctx.json(plans.update(Caller.of(ctx), id, Json.read(ctx, json, PlanUpdate.class)));
    }
}
