package app.spotter.model.booking;

/**
 * How a cancellation counts, by when it happens relative to the class.
 *
 * @see BookingRules#cancellation
 */
public enum Cancellation {
    /** Early enough: the booking becomes CANCELLED and a credit spent on it is refunded. */
    TIMELY,
    /** After the cutoff but before the start: LATE_CANCELLED, and the credit is forfeited. */
    LATE,
    /** The class has started; it can no longer be cancelled, only marked attended or no-show. */
    STARTED
}
