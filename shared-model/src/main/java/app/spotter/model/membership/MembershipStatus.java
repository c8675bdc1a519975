package app.spotter.model.membership;

/**
 * The status a membership record carries, as staff or billing set it.
 *
 * <p>What a membership means on a given day also depends on its dates and freezes; that is
 * its {@link Standing}, see {@link MembershipRules#standingOn}.
 */
public enum MembershipStatus {
    /** Running normally. */
    ACTIVE,
    /** Paused by staff until further notice. */
    FROZEN,
    /** Ended, e.g. a lapsed payment or the end of the period. */
    EXPIRED,
    /** Ended on purpose by the member or the gym. */
    CANCELLED,
    /** A trial; admits like an active membership. */
    TRIAL
}
