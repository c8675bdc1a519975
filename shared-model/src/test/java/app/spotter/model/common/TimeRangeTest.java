package app.spotter.model.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final Instant SIX_PM = Instant.parse("2026-06-02T18:00:00Z");
    private static final TimeRange CLASS = TimeRange.of(SIX_PM, Duration.ofHours(1));

    @Test
    void aRangeMustStartBeforeItEnds() {
        assertThrows(IllegalArgumentException.class, () -> new TimeRange(SIX_PM, SIX_PM));
        assertThrows(IllegalArgumentException.class, () -> new TimeRange(SIX_PM, SIX_PM.minusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> TimeRange.of(SIX_PM, Duration.ZERO));
    }

    @Test
    void aRangeLastsFromItsStartToItsEnd() {
        assertEquals(SIX_PM.plusSeconds(3600), CLASS.end());
        assertEquals(Duration.ofHours(1), CLASS.duration());
    }

    @Test
    void aRangeContainsItsStartButNotItsEnd() {
        assertTrue(CLASS.contains(SIX_PM));
        assertTrue(CLASS.contains(CLASS.end().minusNanos(1)));
        assertFalse(CLASS.contains(CLASS.end()));
        assertFalse(CLASS.contains(SIX_PM.minusNanos(1)));
    }

    @Test
    void backToBackClassesDoNotOverlap() {
        var next = TimeRange.of(CLASS.end(), Duration.ofHours(1));
        assertFalse(CLASS.overlaps(next));
        assertFalse(next.overlaps(CLASS));
    }

    @Test
    void rangesSharingAMomentOverlapEitherWayRound() {
        var late = TimeRange.of(SIX_PM.plus(Duration.ofMinutes(59)), Duration.ofHours(1));
        var inside = TimeRange.of(SIX_PM.plus(Duration.ofMinutes(10)), Duration.ofMinutes(5));
        assertTrue(CLASS.overlaps(late));
        assertTrue(late.overlaps(CLASS));
        assertTrue(CLASS.overlaps(inside));
        assertTrue(inside.overlaps(CLASS));
        assertTrue(CLASS.overlaps(CLASS));
    }

    @Test
    void aZonedRangeReadsOnTheZonesClock() {
        var zoned = new ZonedTimeRange(CLASS, ZoneId.of("Asia/Kolkata"));
        assertEquals(ZonedDateTime.parse("2026-06-02T23:30+05:30[Asia/Kolkata]"), zoned.startLocal());
        assertEquals(ZonedDateTime.parse("2026-06-03T00:30+05:30[Asia/Kolkata]"), zoned.endLocal());
    }

    @Test
    void theLocalDateIsTheDayOfTheStartInTheZone() {
        var late = TimeRange.of(Instant.parse("2026-06-02T22:30:00Z"), Duration.ofHours(1));
        assertEquals(LocalDate.of(2026, 6, 3), late.in(ZoneId.of("Europe/Berlin")).localDate());
        assertEquals(LocalDate.of(2026, 6, 2), late.in(ZoneId.of("America/New_York")).localDate());
    }
}
