package app.spotter.server.members;

import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import app.spotter.server.auth.DeviceCaller;
import app.spotter.server.http.Access;
import app.spotter.server.http.ApiException;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import io.javalin.http.Context;
import java.util.UUID;

/** HTTP for a desk reading a member's health notes for its logged-in staff member. */
public final class DeskHealthNotesHandler {

    private final DeskHealthNotes notes;

    public DeskHealthNotesHandler(DeskHealthNotes notes) {
        this.notes = notes;
    }

    public void register(Routes routes) {
        routes.get("/api/v1/sync/members/{id}/health-notes", Access.device(),
                "A member's health notes for the staff member at the desk (?actor=staff user id, needs HEALTH_NOTES)",
                this::read);
    }

    private void read(Context ctx) {
        DeviceCaller.of(ctx);
        String actor = Params.query(ctx, "actor")
                .orElseThrow(() -> ApiException.validation("actor", "actor (the staff user at the desk) is required"));
        UUID actorId;
        try {
            actorId = UUID.fromString(actor);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("actor", "'" + actor + "' is not a valid id");
        }
        ctx.json(notes.read(new UserId(actorId), Params.id(ctx, "id", MemberId::new)));
    }
}
