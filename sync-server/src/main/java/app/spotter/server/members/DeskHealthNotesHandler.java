package app.spotter.server.members;

import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import app.spotter.server.auth.DeviceCaller;
import app.spotter.server.devices.StaffCredentials;
import app.spotter.server.http.Access;
import app.spotter.server.http.ApiException;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import io.javalin.http.Context;
import java.util.UUID;

/** HTTP for a desk reading a member's health notes for its logged-in staff member. */
public final class DeskHealthNotesHandler {

    private final DeskHealthNotes notes;
    private final StaffCredentials credentials;

    public DeskHealthNotesHandler(DeskHealthNotes notes, StaffCredentials credentials) {
        this.notes = notes;
        this.credentials = credentials;
    }

    public void register(Routes routes) {
        routes.get("/api/v1/sync/members/{id}/health-notes", Access.device(),
                "A member's health notes for the staff member at the desk (?actor=staff user id, needs HEALTH_NOTES; "
                        + "the desk signs the request with that person's staff credential in the "
                        + StaffCredentials.REQUEST_PROOF_HEADER + " header)",
                this::read);
    }

    private void read(Context ctx) {
        DeviceCaller device = DeviceCaller.of(ctx);
        String actor = Params.query(ctx, "actor")
                .orElseThrow(() -> ApiException.validation("actor", "actor (the staff user at the desk) is required"));
        UUID actorId;
        try {
            actorId = UUID.fromString(actor);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("actor", "'" + actor + "' is not a valid id");
        }
        MemberId member = Params.id(ctx, "id", MemberId::new);
        // the desk proves the named person is logged in there (decision 0013): a name alone grants nothing
        if (credentials.provenRequest(device.deviceId(), "GET", ctx.path(), new UserId(actorId),
                ctx.header(StaffCredentials.REQUEST_PROOF_HEADER)).isEmpty()) {
            throw new ApiException(403, "ACTOR_NOT_PROVEN", "The desk did not prove that this staff member is logged in there");
        }
        ctx.json(notes.read(new UserId(actorId), member));
    }
}
