package app.spotter.sim;

/** A run that broke an invariant or crashed; the message carries the seed and the replay command. */
public final class SimulationFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    public SimulationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
