package app.spotter.client.staff;

import app.spotter.model.access.Role;
import app.spotter.model.common.UserId;

/**
 * The staff member working the desk.
 *
 * @param offline true when the password was checked against this desk's cached hash, not the server
 */
public record StaffProfile(UserId id, String email, String name, Role role, boolean offline) {

    /** Managers and admins reconcile conflicts and see the day's figures. */
    public boolean manages() {
        return role == Role.MANAGER || role == Role.ADMIN;
    }
}
