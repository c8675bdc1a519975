package app.spotter.model.membership;

/** The kinds of plan a gym sells. */
public enum PlanKind {
    /** Paid every month; unlimited visits while it runs. */
    RECURRING_MONTHLY,
    /** Paid once a year; unlimited visits while it runs. */
    RECURRING_ANNUAL,
    /** A pack of N credits; each class or visit uses one. */
    CLASS_PACK,
    /** A short free or cheap period to try the gym. */
    TRIAL,
    /** One paid visit, held as a single credit. */
    DROP_IN;

    /** Whether memberships on this plan are counted in credits rather than unlimited. */
    public boolean usesCredits() {
        return this == CLASS_PACK || this == DROP_IN;
    }
}
