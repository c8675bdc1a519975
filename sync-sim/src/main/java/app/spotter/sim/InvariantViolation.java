package app.spotter.sim;

/** A named invariant that did not hold, with what was seen. */
public final class InvariantViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvariantViolation(String invariant, String seen) {
        super("invariant '" + invariant + "' broken: " + seen);
    }
}
