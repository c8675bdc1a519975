package app.spotter.model.schedule;

import app.spotter.model.common.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A class that repeats every week on one weekday at one local time, e.g. "spin, Tuesdays
 * 18:00, 45 minutes" at a studio in Europe/Berlin.
 *
 * <p>The local time is what the studio promises its members, so it is kept across daylight
 * saving changes: a Tuesday 18:00 class stays at 18:00 on the studio's clock, and the
 * instants of two consecutive occurrences are then 23 or 25 hours plus six days apart around
 * a change.
 *
 * @param day the weekday of every occurrence
 * @param start the local start time in {@code zone}
 * @param length how long each occurrence lasts; positive
 * @param zone the studio's zone
 * @param from the first day that may hold an occurrence
 * @param until the last day that may hold an occurrence (inclusive); on or after {@code from},
 *     and at most {@value #MAX_SPAN_DAYS} days after it
 */
public record WeeklyRecurrence(
        DayOfWeek day, LocalTime start, Duration length, ZoneId zone, LocalDate from, LocalDate until) {

    /** The longest stretch one recurrence may cover, so that a typo cannot create years of slots. */
    public static final int MAX_SPAN_DAYS = 366;

    /**
     * Validates the recurrence.
     *
     * @throws IllegalArgumentException if the length is not positive, {@code until} is before
     *     {@code from}, or the span is longer than {@value #MAX_SPAN_DAYS} days
     */
    public WeeklyRecurrence {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("A class must last some time: " + length);
        }
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("A recurrence must end on or after its first day: " + from + " .. " + until);
        }
        if (ChronoUnit.DAYS.between(from, until) > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException(
                    "A recurrence may span at most " + MAX_SPAN_DAYS + " days: " + from + " .. " + until);
        }
    }

    /**
     * Every occurrence, in order: each {@code day} in {@code [from, until]} at local
     * {@code start} in {@code zone}.
     *
     * <p>A start time that falls into a daylight saving gap (02:30 on the spring-forward night
     * in Europe) moves forward by the length of the gap, as {@link ZonedDateTime#of} does; a
     * start time that occurs twice (the autumn night) takes the earlier offset.
     */
    public List<TimeRange> occurrences() {
        List<TimeRange> occurrences = new ArrayList<>();
        for (LocalDate date = from.with(TemporalAdjusters.nextOrSame(day));
                !date.isAfter(until);
                date = date.plusWeeks(1)) {
            occurrences.add(TimeRange.of(ZonedDateTime.of(date, start, zone).toInstant(), length));
        }
        return List.copyOf(occurrences);
    }
}
