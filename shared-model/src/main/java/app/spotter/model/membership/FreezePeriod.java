package app.spotter.model.membership;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Days on which a membership is paused, e.g. for an injury or a holiday; inclusive at both
 * ends because members and staff speak of "from the 3rd to the 17th".
 *
 * @param from the first frozen day
 * @param to the last frozen day; on or after {@code from}
 */
public record FreezePeriod(LocalDate from, LocalDate to) {

    /**
     * Validates the period.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public FreezePeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A freeze must end on or after its first day: " + from + " .. " + to);
        }
    }

    /** Whether the membership is frozen on that day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
