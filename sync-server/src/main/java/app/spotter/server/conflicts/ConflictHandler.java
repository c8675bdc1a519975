package app.spotter.server.conflicts;

import app.spotter.model.access.Permission;
import app.spotter.model.sync.SyncApi;
import app.spotter.server.auth.Caller;
import app.spotter.server.http.Access;
import app.spotter.server.http.Json;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP for the manager's reconciliation queue. */
public final class ConflictHandler {

    private final ConflictService conflicts;
    private final ObjectMapper json;

    public ConflictHandler(ConflictService conflicts, ObjectMapper json) {
        this.conflicts = conflicts;
        this.json = json;
    }

    public void register(Routes routes) {
        Access resolve = Access.anyOf(Permission.CONFLICTS_RESOLVE);
        routes.get("/api/v1/conflicts", resolve, "Conflicts with facts and resolutions (?status=OPEN|RESOLVED)",
                        ctx -> ctx.json(conflicts.list(Params.query(ctx, "status").orElse(null))))
                .returnsListOf(SyncApi.Conflict.class);
        routes.get("/api/v1/conflicts/{id}", resolve, "One conflict",
                        ctx -> ctx.json(conflicts.get(Params.uuid(ctx, "id"))))
                .returns(200, SyncApi.Conflict.class);
        routes.post("/api/v1/conflicts/{id}/resolve", resolve, "Resolve a conflict (idempotent)",
                        ctx -> ctx.json(conflicts.resolve(Caller.of(ctx), Params.uuid(ctx, "id"),
                                Json.read(ctx, json, SyncApi.Resolve.class).resolution())))
                .accepts(SyncApi.Resolve.class).returns(200, SyncApi.Conflict.class);
    }
}
