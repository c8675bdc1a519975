package app.spotter.server.sync.feed;

import app.spotter.model.sync.SyncApi.SyncWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The schedule window a desk holds: slots from the start of yesterday (so today's classes, bookings
 * and check-ins are all there, also just after midnight) to the end of the day {@code weeks} weeks
 * from today, on the location's calendar. Whole days, so the window moves once a day and a desk
 * catches up one day of slots at a time, not a few seconds' worth on every pull.
 */
public final class SyncWindows {

    private final int weeks;

    public SyncWindows(int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("The sync horizon is at least one week");
        }
        this.weeks = weeks;
    }

    public SyncWindow at(ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return new SyncWindow(today.minusDays(1).atStartOfDay(zone).toInstant(),
                today.plusWeeks(weeks).plusDays(1).atStartOfDay(zone).toInstant());
    }

    public int weeks() {
        return weeks;
    }
}
