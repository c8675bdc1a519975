package app.spotter.model.booking;

/** Where a booking stands in its life, from booked to attended or not. */
public enum BookingStatus {
    /** Holds a seat in the class. */
    BOOKED,
    /** Waiting for a seat; promoted in order when one frees up. */
    WAITLISTED,
    /** Cancelled in time; a credit spent on it was refunded. */
    CANCELLED,
    /** Cancelled after the cutoff; the credit is forfeited. */
    LATE_CANCELLED,
    /** The member came. */
    ATTENDED,
    /** The member was booked but did not come. */
    NO_SHOW;

    /** Whether the booking takes one of the class's seats. */
    public boolean holdsSeat() {
        return this == BOOKED || this == ATTENDED;
    }

    /** Whether the booking still counts: a seat or a place on the waitlist. */
    public boolean isActive() {
        return this == BOOKED || this == WAITLISTED || this == ATTENDED;
    }
}
