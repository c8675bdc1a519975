package app.spotter.model.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A stretch of time between two instants, half-open: {@code [start, end)}.
 *
 * <p>Half-open so that a class ending at 19:00 and the next one starting at 19:00 do not
 * overlap, which is how a gym plans back-to-back classes.
 *
 * @param start the first instant inside the range
 * @param end the first instant after the range; strictly after {@code start}
 */
public record TimeRange(Instant start, Instant end) {

    /**
     * Rejects missing instants and empty or reversed ranges.
     *
     * @throws IllegalArgumentException if {@code start} is not strictly before {@code end}
     */
    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A time range must start before it ends: " + start + " .. " + end);
        }
    }

    /**
     * The range that starts at {@code start} and lasts {@code length}.
     *
     * @throws IllegalArgumentException if the length is not positive
     */
    public static TimeRange of(Instant start, Duration length) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        return new TimeRange(start, start.plus(length));
    }

    /** Whether the two ranges share at least one instant; touching ends do not overlap. */
    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** Whether the instant lies inside; the end itself is outside. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** How long the range lasts. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** This range as seen in the given zone, e.g. the studio's or the caller's. */
    public ZonedTimeRange in(ZoneId zone) {
        return new ZonedTimeRange(this, zone);
    }
}
