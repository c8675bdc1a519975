package app.spotter.model.checkin;

import app.spotter.model.membership.MembershipSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the entry rule looks at when a known member is at the door.
 *
 * @param memberships all of the member's memberships
 * @param lastAdmittedAt when the member was last let in, if ever
 * @param hasBookingToday whether the member holds a booking today, whose credit was already
 *     charged when booking
 * @param now the moment of the scan, passed in so the rule never reads a clock
 * @param zone the location's zone, which decides what "today" is
 */
public record CheckInAttempt(
        List<MembershipSnapshot> memberships,
        Optional<Instant> lastAdmittedAt,
        boolean hasBookingToday,
        Instant now,
        ZoneId zone) {

    /** Rejects missing parts, reads a null last admission as none and copies the list. */
    public CheckInAttempt {
        memberships = List.copyOf(memberships);
        lastAdmittedAt = lastAdmittedAt == null ? Optional.empty() : lastAdmittedAt;
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
    }

    /** The location's calendar day of the scan. */
    public LocalDate localDate() {
        return now.atZone(zone).toLocalDate();
    }
}
