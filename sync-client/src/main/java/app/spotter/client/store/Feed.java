package app.spotter.client.store;

import java.util.List;

/**
 * The entity types of the server's change feed and the fields the desk reads from their data
 * (camelCase fields of the server's rows). One place, so a renamed field is one edit.
 */
public final class Feed {

    public static final String MEMBER = "member";
    public static final String PLAN = "plan";
    public static final String MEMBERSHIP = "membership";
    public static final String MEMBERSHIP_FREEZE = "membershipFreeze";
    public static final String CREDIT_ENTRY = "creditEntry";
    public static final String LOCATION = "location";
    public static final String SESSION = "session";
    public static final String SLOT = "slot";
    public static final String BOOKING = "booking";
    public static final String CHECK_IN = "checkIn";
    public static final String SEAT_LEASE = "seatLease";
    public static final String CONFLICT = "conflict";

    /** What a desk snapshots after a reset, parents before children. */
    public static final List<String> ENTITY_TYPES = List.of(LOCATION, PLAN, MEMBER, MEMBERSHIP, MEMBERSHIP_FREEZE,
            CREDIT_ENTRY, SESSION, SLOT, BOOKING, CHECK_IN, SEAT_LEASE, CONFLICT);

    /** The types that follow the schedule window: a slot and the rows that belong to it (their slotId). */
    public static final List<String> WINDOWED = List.of(SLOT, BOOKING, SEAT_LEASE);

    private Feed() {
    }
}
