package app.spotter.client.members;

import app.spotter.client.sync.ServerConnection;
import app.spotter.client.sync.ServerUnavailable;
import app.spotter.model.access.Permission;
import app.spotter.model.access.Role;
import app.spotter.model.api.MembersApi;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import java.util.Objects;

/**
 * A member's health notes, read from the server each time they are shown and never written to the
 * desk's store: they are encrypted at rest on the server and only staff whose role holds
 * HEALTH_NOTES may read them, so the desk asks with its device token on behalf of the staff member
 * logged in here, and the server decides. Offline there are no notes to show.
 */
public final class HealthNotes {

    /** What the member pane can show. */
    public enum Availability {
        /** The notes (possibly none) for this staff member. */
        SHOWN,
        /** This staff member's role may not see health notes: the pane shows nothing about them. */
        NOT_ALLOWED,
        /** The server did not answer; the notes are not kept here. */
        NEEDS_CONNECTION
    }

    /** @param notes the notes when SHOWN, null when the member has none or they are not shown */
    public record Answer(Availability availability, String notes) {
    }

    private final ServerConnection server;
    private final app.spotter.client.staff.StaffKeys keys;
    private final java.time.Clock clock;

    /** @param keys the staff credential keys held here: the desk signs the read for the person (decision 0013) */
    public HealthNotes(ServerConnection server, app.spotter.client.staff.StaffKeys keys, java.time.Clock clock) {
        this.server = server;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Whether a role may ask at all in a new gym (an admin can change roles on the server, which then
     * refuses; the desk only spares itself a call).
     */
    public static boolean mayAsk(Role role) {
        return role != null && Permission.defaultsFor(role).contains(Permission.HEALTH_NOTES);
    }

    /** Blocks on the network: call it off the UI thread. */
    public Answer read(UserId staff, Role role, MemberId member) {
        Objects.requireNonNull(member, "member");
        if (staff == null || !mayAsk(role)) {
            return new Answer(Availability.NOT_ALLOWED, null);
        }
        try {
            String path = "/api/v1/sync/members/" + member + "/health-notes";
            String proof = keys.requestProof(staff, "GET", path, clock.millis()).orElse(null);
            MembersApi.HealthNotesView view = ServerConnection.execute(
                    server.authorized().healthNotes(member.toString(), staff.toString(), proof));
            return new Answer(Availability.SHOWN, view == null ? null : view.healthNotes());
        } catch (ServerUnavailable e) {
            if (e.status() == 403) {
                return new Answer(Availability.NOT_ALLOWED, null);
            }
            return new Answer(Availability.NEEDS_CONNECTION, null);
        }
    }
}
