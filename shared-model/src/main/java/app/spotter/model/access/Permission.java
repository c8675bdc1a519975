package app.spotter.model.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do. An admin can change which permissions each role has; these are the
 * defaults a new gym starts with. Ownership (a member sees only their own bookings, a trainer
 * edits only their own sessions) is checked on top of the permission, by the service.
 */
public enum Permission {
    /** Read every member's profile, search all members, see attendance. */
    MEMBERS_READ,
    /**
     * Read only the members booked into one's own sessions, with what MEMBERS_READ shows of them
     * (need to know: trainers). A member outside that answers as an unknown one.
     */
    MEMBERS_READ_BOOKED,
    /** Register and edit members, set PINs, issue QR cards. */
    MEMBERS_WRITE,
    /** See and edit health notes. */
    HEALTH_NOTES,
    /** Create and edit plans. */
    PLANS_MANAGE,
    /** Assign, freeze, cancel and change memberships; adjust credits. */
    MEMBERSHIPS_MANAGE,
    /** Create locations, rooms and equipment. */
    LOCATIONS_MANAGE,
    /** Create and edit one's own sessions and slots (trainers). */
    SESSIONS_OWN,
    /** Create and edit anyone's sessions and slots. */
    SESSIONS_ANY,
    /** Read the schedule with bookings of every slot. */
    SCHEDULE_READ,
    /** Book and cancel for oneself (members). */
    BOOKINGS_OWN,
    /** Book and cancel on behalf of any member. */
    BOOKINGS_ANY,
    /** Check members in. */
    CHECKINS_WRITE,
    /** See who checked in. */
    CHECKINS_READ,
    /** Leave feedback on an attended class. */
    FEEDBACK_WRITE,
    /** Read feedback. */
    FEEDBACK_READ,
    /** Create staff accounts. */
    STAFF_MANAGE,
    /** Change which permissions a role has. */
    ROLES_MANAGE,
    /** Read the audit log. */
    AUDIT_READ,
    /** Create pairing codes, list and revoke enrolled devices. */
    DEVICES_MANAGE,
    /** See and resolve the conflicts left by offline work. */
    CONFLICTS_RESOLVE;

    /** The permissions a role has in a new gym. */
    public static Set<Permission> defaultsFor(Role role) {
        return switch (role) {
            case ADMIN -> EnumSet.allOf(Permission.class);
            case MANAGER -> EnumSet.complementOf(EnumSet.of(ROLES_MANAGE, AUDIT_READ, BOOKINGS_OWN));
            case TRAINER -> EnumSet.of(MEMBERS_READ_BOOKED, HEALTH_NOTES, SESSIONS_OWN, SCHEDULE_READ, CHECKINS_READ,
                    FEEDBACK_READ);
            case FRONT_DESK -> EnumSet.of(MEMBERS_READ, MEMBERS_WRITE, MEMBERSHIPS_MANAGE, SCHEDULE_READ,
                    BOOKINGS_ANY, CHECKINS_WRITE, CHECKINS_READ);
            case MEMBER -> EnumSet.of(BOOKINGS_OWN, FEEDBACK_WRITE);
        };
    }
}
