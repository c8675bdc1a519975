package app.spotter.model.booking;

import java.time.Duration;
import java.util.Objects;

/**
 * A studio's booking terms.
 *
 * @param bookingWindow how far ahead a class may be booked; positive
 * @param lateCancelCutoff how long before the start a cancel is still timely; not negative
 * @param waitlistEnabled whether members may join a waitlist when a class is full
 */
public record BookingPolicy(Duration bookingWindow, Duration lateCancelCutoff, boolean waitlistEnabled) {

    /**
     * Validates the terms.
     *
     * @throws IllegalArgumentException if the window is not positive or the cutoff is negative
     */
    public BookingPolicy {
        Objects.requireNonNull(bookingWindow, "bookingWindow");
        Objects.requireNonNull(lateCancelCutoff, "lateCancelCutoff");
        if (bookingWindow.isNegative() || bookingWindow.isZero()) {
            throw new IllegalArgumentException("The booking window must be positive: " + bookingWindow);
        }
        if (lateCancelCutoff.isNegative()) {
            throw new IllegalArgumentException("The late-cancel cutoff must not be negative: " + lateCancelCutoff);
        }
    }

    /** The usual terms: book up to 14 days ahead, cancel up to 12 hours before, waitlist on. */
    public static BookingPolicy standard() {
        return new BookingPolicy(Duration.ofDays(14), Duration.ofHours(12), true);
    }
}
