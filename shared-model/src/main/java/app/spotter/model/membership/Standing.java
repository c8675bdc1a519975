package app.spotter.model.membership;

/** What a membership means on one particular day, the thing the desk and bookings act on. */
public enum Standing {
    /** The member may come in and book. */
    ACTIVE,
    /** The membership starts on a later day. */
    NOT_STARTED,
    /** The membership is frozen on that day. */
    FROZEN,
    /** The membership has ended. */
    EXPIRED,
    /** The membership was cancelled. */
    CANCELLED
}
