package app.spotter.model.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A time range together with the zone it is shown in.
 *
 * <p>Times are stored as UTC instants; the zone (the location's, or the caller's) only
 * decides how they read on a clock and which calendar day they fall on.
 *
 * @param range the instants
 * @param zone the zone to read them in
 */
public record ZonedTimeRange(TimeRange range, ZoneId zone) {

    /** Rejects missing parts. */
    public ZonedTimeRange {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(zone, "zone");
    }

    /** The start on the zone's clock. */
    public ZonedDateTime startLocal() {
        return range.start().atZone(zone);
    }

    /** The end on the zone's clock. */
    public ZonedDateTime endLocal() {
        return range.end().atZone(zone);
    }

    /** The calendar day, in the zone, on which the range starts. */
    public LocalDate localDate() {
        return startLocal().toLocalDate();
    }
}
