package app.spotter.server.sync.feed;

import app.spotter.model.sync.SyncApi.PullResponse;
import app.spotter.model.sync.SyncApi.SnapshotPage;
import app.spotter.server.auth.DeviceCaller;
import app.spotter.server.http.Access;
import app.spotter.server.http.ApiException;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import io.javalin.http.Context;

/** HTTP for the change feed: pull after a cursor, snapshot pages for a reset, and the poke stream. */
public final class SyncFeedHandler {

    private static final int DEFAULT_LIMIT = 500;

    private final ChangeFeedService feed;
    private final FeedPoke poke;

    public SyncFeedHandler(ChangeFeedService feed, FeedPoke poke) {
        this.feed = feed;
        this.poke = poke;
    }

    public void register(Routes routes) {
        routes.get("/api/v1/sync/pull", Access.device(),
                "Committed changes after the device's cursor, in commit order, inside the device's schedule window "
                        + "(?after=&heldUntil=<end of the window held>&limit=1..1000)", this::pull)
                .returns(200, PullResponse.class);
        routes.get("/api/v1/sync/snapshot", Access.device(),
                "A page of the current rows of one entity type (?entityType=&after=&limit=1..1000)", this::snapshot)
                .returns(200, SnapshotPage.class);
        routes.sse("/api/v1/sync/events", Access.device(),
                "Server-sent events: 'changed' with the feed position whenever the feed advanced", poke::connect);
    }

    private void pull(Context ctx) {
        DeviceCaller device = DeviceCaller.of(ctx);
        ctx.json(feed.pull(device.locationId(), device.zone(), longQuery(ctx, "after"), instantQuery(ctx, "heldUntil"),
                Params.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, ChangeFeedService.MAX_LIMIT)));
    }

    private void snapshot(Context ctx) {
        DeviceCaller device = DeviceCaller.of(ctx);
        String type = Params.query(ctx, "entityType")
                .orElseThrow(() -> ApiException.validation("entityType", "entityType is required"));
        ctx.json(feed.snapshot(device.locationId(), device.zone(), type, ctx.queryParam("after"),
                Params.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, ChangeFeedService.MAX_LIMIT)));
    }

    private static java.time.Instant instantQuery(Context ctx, String name) {
        String raw = Params.query(ctx, name).orElse(null);
        if (raw == null) {
            return null;
        }
        try {
            return java.time.Instant.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.validation(name, name + " must be an ISO-8601 instant such as 2026-03-29T22:00:00Z");
        }
    }

    private static long longQuery(Context ctx, String name) {
        String raw = Params.query(ctx, name).orElse("0");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.validation(name, name + " must be a whole number");
        }
    }
}
