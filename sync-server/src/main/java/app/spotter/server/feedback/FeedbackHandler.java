package app.spotter.server.feedback;

import app.spotter.model.access.Permission;
import app.spotter.model.api.FeedbackApi.FeedbackView;
import app.spotter.model.api.FeedbackApi.NewFeedback;
import app.spotter.model.api.FeedbackApi.SessionFeedback;
import app.spotter.server.auth.Caller;
import app.spotter.server.http.Access;
import app.spotter.server.http.Json;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.ZoneId;

/** HTTP for class feedback. */
public final class FeedbackHandler {

    private final FeedbackService feedback;
    private final ObjectMapper json;
    private final ZoneId defaultZone;

    public FeedbackHandler(FeedbackService feedback, ObjectMapper json, ZoneId defaultZone) {
        this.feedback = feedback;
        this.json = json;
        this.defaultZone = defaultZone;
    }

    public void register(Routes routes) {
        routes.post("/api/v1/feedback", Access.anyOf(Permission.FEEDBACK_WRITE),
                "Rate an attended class (1-5, optional comment); once per booking", this::give)
                .accepts(NewFeedback.class).returns(201, FeedbackView.class);
        routes.get("/api/v1/sessions/{id}/feedback", Access.anyOf(Permission.FEEDBACK_READ),
                "Ratings and comments of a session's classes, with the average", this::ofSession)
                .returns(200, SessionFeedback.class);
    }

    private void give(Context ctx) {
        NewFeedback body = Json.read(ctx, json, NewFeedback.class);
        ctx.status(201).json(feedback.give(Caller.of(ctx), body, Params.responseZone(ctx, null)));
    }

    private void ofSession(Context ctx) {
        ctx.json(feedback.ofSession(Caller.of(ctx), Params.uuid(ctx, "id"), Params.responseZone(ctx, null), defaultZone));
    }
}
