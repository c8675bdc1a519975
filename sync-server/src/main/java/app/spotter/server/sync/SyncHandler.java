package app.spotter.server.sync;

import app.spotter.model.sync.SyncApi;
import app.spotter.server.auth.DeviceCaller;
import app.spotter.server.http.Access;
import app.spotter.server.http.Json;
import app.spotter.server.http.Routes;
import app.spotter.server.sync.leases.LeaseService;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP for devices: push and seat leases (device tokens only). */
public final class SyncHandler {

    private final PushService push;
    private final LeaseService leases;
    private final ObjectMapper json;

    public SyncHandler(PushService push, LeaseService leases, ObjectMapper json) {
        this.push = push;
        this.leases = leases;
        this.json = json;
    }

    public void register(Routes routes) {
        routes.post("/api/v1/sync/push", Access.device(), "Push outbox operations in sequence order",
                        ctx -> ctx.json(push.push(DeviceCaller.of(ctx), Json.readPush(ctx, json, SyncApi.PushRequest.class))))
                .accepts(SyncApi.PushRequest.class).returns(200, SyncApi.PushResponse.class)
                // a batch of up to PushService.MAX_BATCH operations after a long outage
                .acceptsUpTo(2 * 1024 * 1024);
        routes.post("/api/v1/sync/leases", Access.device(), "Hold seats of upcoming slots for offline bookings",
                        ctx -> ctx.json(leases.lease(DeviceCaller.of(ctx), Json.read(ctx, json, SyncApi.LeaseRequest.class))))
                .accepts(SyncApi.LeaseRequest.class).returns(200, SyncApi.LeaseGrant.class);
        routes.post("/api/v1/sync/leases/return", Access.device(), "Give back the unused seats of leases",
                        ctx -> ctx.json(leases.giveBack(DeviceCaller.of(ctx), Json.read(ctx, json, SyncApi.LeaseReturn.class))))
                .accepts(SyncApi.LeaseReturn.class).returns(200, SyncApi.LeaseGrant.class);
    }
}
