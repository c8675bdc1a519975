package app.spotter.model.checkin;

import java.time.Duration;
import java.util.Objects;

/**
 * A gym's entry terms.
 *
 * @param expiryGraceDays how many days after a membership's last day the member is still let
 *     in (so a lapsed card payment does not turn a regular away); not negative
 * @param visitWindow how long one visit lasts: a second admission within it is the same visit
 *     and is neither charged nor counted again; positive
 */
public record CheckInPolicy(int expiryGraceDays, Duration visitWindow) {

    /**
     * Validates the terms.
     *
     * @throws IllegalArgumentException if the grace is negative or the window not positive
     */
    public CheckInPolicy {
        Objects.requireNonNull(visitWindow, "visitWindow");
        if (expiryGraceDays < 0) {
            throw new IllegalArgumentException("expiryGraceDays must not be negative: " + expiryGraceDays);
        }
        if (visitWindow.isNegative() || visitWindow.isZero()) {
            throw new IllegalArgumentException("The visit window must be positive: " + visitWindow);
        }
    }

    /** The usual terms: 3 days of grace, a visit lasts 3 hours. */
    public static CheckInPolicy standard() {
        return new CheckInPolicy(3, Duration.ofHours(3));
    }
}
