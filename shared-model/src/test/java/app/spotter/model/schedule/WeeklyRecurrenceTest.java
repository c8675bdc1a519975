package app.spotter.model.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.common.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyRecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration HOUR = Duration.ofHours(1);

    private static List<Instant> starts(WeeklyRecurrence recurrence) {
        return recurrence.occurrences().stream().map(TimeRange::start).toList();
    }

    @Test
    void aSundayEveningClassStaysAtSixOClockAcrossTheSpringChangeInBerlin() {
        var spin = new WeeklyRecurrence(DayOfWeek.SUNDAY, LocalTime.of(18, 0), HOUR, BERLIN,
                LocalDate.of(2026, 3, 22), LocalDate.of(2026, 4, 5));
        assertEquals(List.of(Instant.parse("2026-03-22T17:00:00Z"), Instant.parse("2026-03-29T16:00:00Z"),
                Instant.parse("2026-04-05T16:00:00Z")), starts(spin));
        for (TimeRange occurrence : spin.occurrences()) {
            assertEquals(LocalTime.of(18, 0), occurrence.in(BERLIN).startLocal().toLocalTime());
        }
    }

    @Test
    void aWeekOverTheSpringChangeIsAnHourShortInInstants() {
        var yoga = new WeeklyRecurrence(DayOfWeek.TUESDAY, LocalTime.of(18, 0), HOUR, BERLIN,
                LocalDate.of(2026, 3, 24), LocalDate.of(2026, 3, 31));
        var starts = starts(yoga);
        assertEquals(Duration.ofDays(7).minusHours(1), Duration.between(starts.get(0), starts.get(1)));
    }

    @Test
    void aSundayEveningClassStaysAtSixOClockAcrossTheAutumnChangeInBerlin() {
        var spin = new WeeklyRecurrence(DayOfWeek.SUNDAY, LocalTime.of(18, 0), HOUR, BERLIN,
                LocalDate.of(2026, 10, 18), LocalDate.of(2026, 11, 1));
        var starts = starts(spin);
        assertEquals(List.of(Instant.parse("2026-10-18T16:00:00Z"), Instant.parse("2026-10-25T17:00:00Z"),
                Instant.parse("2026-11-01T17:00:00Z")), starts);
        assertEquals(Duration.ofDays(7).plusHours(1), Duration.between(starts.get(0), starts.get(1)));
    }

    @Test
    void aStartInsideTheSpringGapMovesForwardByTheGap() {
        var night = new WeeklyRecurrence(DayOfWeek.SUNDAY, LocalTime.of(2, 30), HOUR, BERLIN,
                LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29));
        var only = night.occurrences().getFirst();
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), only.start());
        assertEquals(LocalTime.of(3, 30), only.in(BERLIN).startLocal().toLocalTime());
    }

    @Test
    void aStartThatHappensTwiceInAutumnTakesTheEarlierOne() {
        var night = new WeeklyRecurrence(DayOfWeek.SUNDAY, LocalTime.of(2, 30), HOUR, BERLIN,
                LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25));
        assertEquals(List.of(Instant.parse("2026-10-25T00:30:00Z")), starts(night));
    }

    @Test
    void anEarlyClassInNewYorkStaysAtSixAcrossBothChanges() {
        // US clocks change on 8 March and 1 November 2026.
        var bootcamp = new WeeklyRecurrence(DayOfWeek.MONDAY, LocalTime.of(6, 0), HOUR, NEW_YORK,
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 11, 9));
        var starts = starts(bootcamp);
        assertEquals(Instant.parse("2026-03-02T11:00:00Z"), starts.getFirst());
        assertEquals(Instant.parse("2026-03-09T10:00:00Z"), starts.get(1));
        assertEquals(Instant.parse("2026-11-02T11:00:00Z"), starts.get(starts.size() - 2));
        assertEquals(Instant.parse("2026-11-09T11:00:00Z"), starts.getLast());
        for (TimeRange occurrence : bootcamp.occurrences()) {
            var local = occurrence.in(NEW_YORK).startLocal();
            assertEquals(LocalTime.of(6, 0), local.toLocalTime(), local.toString());
            assertEquals(DayOfWeek.MONDAY, local.getDayOfWeek(), local.toString());
        }
    }

    @Test
    void eachOccurrenceLastsTheGivenLengthEvenOnTheNightOfAChange() {
        var night = new WeeklyRecurrence(DayOfWeek.SUNDAY, LocalTime.of(1, 30), Duration.ofMinutes(90), BERLIN,
                LocalDate.of(2026, 10, 18), LocalDate.of(2026, 11, 1));
        for (TimeRange occurrence : night.occurrences()) {
            assertEquals(Duration.ofMinutes(90), occurrence.duration());
        }
    }

    @Test
    void bothEndsOfTheRangeAreIncluded() {
        var tuesdays = new WeeklyRecurrence(DayOfWeek.TUESDAY, LocalTime.NOON, HOUR, BERLIN,
                LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 16));
        assertEquals(3, tuesdays.occurrences().size());
    }

    @Test
    void theFirstOccurrenceIsTheFirstMatchingWeekdayOnOrAfterTheStartDay() {
        var fridays = new WeeklyRecurrence(DayOfWeek.FRIDAY, LocalTime.NOON, HOUR, BERLIN,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
        assertEquals(LocalDate.of(2026, 6, 5), fridays.occurrences().getFirst().in(BERLIN).localDate());
        assertEquals(4, fridays.occurrences().size());
    }

    @Test
    void aRangeWithoutThatWeekdayHasNoOccurrences() {
        var none = new WeeklyRecurrence(DayOfWeek.SUNDAY, LocalTime.NOON, HOUR, BERLIN,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5));
        assertTrue(none.occurrences().isEmpty());
    }

    @Test
    void aRecurrenceMustNotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new WeeklyRecurrence(DayOfWeek.MONDAY, LocalTime.NOON,
                HOUR, BERLIN, LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 1)));
    }

    @Test
    void aClassMustLastSomeTime() {
        assertThrows(IllegalArgumentException.class, () -> new WeeklyRecurrence(DayOfWeek.MONDAY, LocalTime.NOON,
                Duration.ZERO, BERLIN, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)));
        assertThrows(IllegalArgumentException.class, () -> new WeeklyRecurrence(DayOfWeek.MONDAY, LocalTime.NOON,
                HOUR.negated(), BERLIN, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)));
    }

    @Test
    void aRecurrenceSpansAtMost366Days() {
        LocalDate from = LocalDate.of(2026, 1, 1); // a Thursday
        var longest = new WeeklyRecurrence(DayOfWeek.THURSDAY, LocalTime.NOON, HOUR, BERLIN, from, from.plusDays(366));
        assertEquals(53, longest.occurrences().size());
        assertThrows(IllegalArgumentException.class, () -> new WeeklyRecurrence(DayOfWeek.MONDAY, LocalTime.NOON,
                HOUR, BERLIN, from, from.plusDays(367)));
    }
}
