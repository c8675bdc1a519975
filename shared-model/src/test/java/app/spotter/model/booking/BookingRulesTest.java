package app.spotter.model.booking;

import static app.spotter.model.membership.MembershipExamples.classPack;
import static app.spotter.model.membership.MembershipExamples.monthly;
import static app.spotter.model.membership.MembershipExamples.withDates;
import static app.spotter.model.membership.MembershipExamples.withFreeze;
import static app.spotter.model.membership.MembershipExamples.withStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.booking.BookingDecision.Outcome;
import app.spotter.model.common.MembershipId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.TimeRange;
import app.spotter.model.membership.MembershipExamples;
import app.spotter.model.membership.MembershipSnapshot;
import app.spotter.model.membership.MembershipStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookingRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    /** Tuesday 2 June 2026, 18:00 in Berlin. */
    private static final Instant CLASS_START = Instant.parse("2026-06-02T16:00:00Z");
    private static final TimeRange CLASS = TimeRange.of(CLASS_START, Duration.ofHours(1));
    private static final BookingPolicy POLICY = BookingPolicy.standard();

    private static SlotSnapshot slot(int capacity, int seatsTaken) {
        return new SlotSnapshot(SlotId.random(), CLASS, BERLIN, capacity, seatsTaken, false);
    }

    private static BookingAttempt attempt(MembershipSnapshot... memberships) {
        return new BookingAttempt(slot(10, 3), List.of(memberships), List.of(), false, false, NOW);
    }

    private static BookingRefusal refusalOf(BookingAttempt attempt) {
        return BookingRules.decide(attempt, POLICY).refusal();
    }

    @Test
    void aMemberWithAnUnlimitedMembershipGetsASeatWithoutSpendingACredit() {
        var monthly = monthly();
        assertEquals(BookingDecision.book(monthly.id(), false), BookingRules.decide(attempt(monthly), POLICY));
    }

    @Test
    void aClassPackBookingConsumesACreditOfThatPack() {
        var pack = classPack(4);
        var decision = BookingRules.decide(attempt(pack), POLICY);
        assertEquals(Outcome.BOOK, decision.outcome());
        assertEquals(pack.id(), decision.chargedMembership());
        assertTrue(decision.consumesCredit());
    }

    @Test
    void anUnlimitedMembershipIsChargedRatherThanAClassPack() {
        var pack = classPack(4);
        var monthly = monthly();
        assertEquals(monthly.id(), BookingRules.decide(attempt(pack, monthly), POLICY).chargedMembership());
    }

    @Test
    void aCancelledSlotIsRefusedWithSlotCancelled() {
        var slot = new SlotSnapshot(SlotId.random(), CLASS, BERLIN, 10, 0, true);
        var a = new BookingAttempt(slot, List.of(monthly()), List.of(), false, false, NOW);
        assertEquals(BookingRefusal.SLOT_CANCELLED, refusalOf(a));
    }

    @Test
    void aClassThatHasStartedIsRefusedWithSlotExpired() {
        var a = new BookingAttempt(slot(10, 0), List.of(monthly()), List.of(), false, false, CLASS_START);
        assertEquals(BookingRefusal.SLOT_EXPIRED, refusalOf(a));
    }

    @Test
    void aClassOneSecondAwayCanStillBeBooked() {
        var a = new BookingAttempt(slot(10, 0), List.of(monthly()), List.of(), false, false, CLASS_START.minusSeconds(1));
        assertFalse(BookingRules.decide(a, POLICY).isRefused());
    }

    @Test
    void aClassBeyondTheBookingWindowIsRefusedWithOutsideBookingWindow() {
        Instant tooEarly = CLASS_START.minus(POLICY.bookingWindow()).minusSeconds(1);
        var a = new BookingAttempt(slot(10, 0), List.of(monthly()), List.of(), false, false, tooEarly);
        assertEquals(BookingRefusal.OUTSIDE_BOOKING_WINDOW, refusalOf(a));
    }

    @Test
    void aClassExactlyAtTheEndOfTheBookingWindowCanBeBooked() {
        Instant justInTime = CLASS_START.minus(POLICY.bookingWindow());
        var a = new BookingAttempt(slot(10, 0), List.of(monthly()), List.of(), false, false, justInTime);
        assertFalse(BookingRules.decide(a, POLICY).isRefused());
    }

    @Test
    void aMemberAlreadyOnTheSlotIsRefusedWithAlreadyBooked() {
        var a = new BookingAttempt(slot(10, 0), List.of(monthly()), List.of(), true, false, NOW);
        assertEquals(BookingRefusal.ALREADY_BOOKED, refusalOf(a));
    }

    @Test
    void aClassOverlappingAnotherBookingIsRefusedWithOverlappingBooking() {
        var other = TimeRange.of(CLASS_START.plus(Duration.ofMinutes(30)), Duration.ofHours(1));
        var a = new BookingAttempt(slot(10, 0), List.of(monthly()), List.of(other), false, false, NOW);
        assertEquals(BookingRefusal.OVERLAPPING_BOOKING, refusalOf(a));
    }

    @Test
    void aBookingThatEndsAsTheClassStartsDoesNotOverlap() {
        var before = TimeRange.of(CLASS_START.minus(Duration.ofHours(1)), Duration.ofHours(1));
        var a = new BookingAttempt(slot(10, 0), List.of(monthly()), List.of(before), false, false, NOW);
        assertFalse(BookingRules.decide(a, POLICY).isRefused());
    }

    @Test
    void aMemberWithoutMembershipIsRefusedWithNoActiveMembership() {
        assertEquals(BookingRefusal.NO_ACTIVE_MEMBERSHIP, refusalOf(attempt()));
    }

    @Test
    void aMembershipStartingAfterTheClassIsRefusedWithMembershipNotStarted() {
        var m = withDates(monthly(), LocalDate.of(2026, 6, 3), null);
        assertEquals(BookingRefusal.MEMBERSHIP_NOT_STARTED, refusalOf(attempt(m)));
    }

    @Test
    void aFrozenMemberIsRefusedWithMembershipFrozen() {
        assertEquals(BookingRefusal.MEMBERSHIP_FROZEN, refusalOf(attempt(withStatus(monthly(), MembershipStatus.FROZEN))));
    }

    @Test
    void aFreezeCoveringTheDayOfTheClassIsRefusedWithMembershipFrozen() {
        var m = withFreeze(monthly(), LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 9));
        assertEquals(BookingRefusal.MEMBERSHIP_FROZEN, refusalOf(attempt(m)));
    }

    @Test
    void aMembershipEndingBeforeTheClassIsRefusedWithMembershipExpired() {
        var m = withDates(monthly(), MembershipExamples.JAN_1, LocalDate.of(2026, 6, 1));
        assertEquals(BookingRefusal.MEMBERSHIP_EXPIRED, refusalOf(attempt(m)));
    }

    @Test
    void aCancelledMembershipIsRefusedWithMembershipCancelled() {
        assertEquals(BookingRefusal.MEMBERSHIP_CANCELLED,
                refusalOf(attempt(withStatus(monthly(), MembershipStatus.CANCELLED))));
    }

    @Test
    void anEmptyClassPackIsRefusedWithNoCreditsLeft() {
        assertEquals(BookingRefusal.NO_CREDITS_LEFT, refusalOf(attempt(classPack(0))));
    }

    @Test
    void aClassPackOverdrawnOfflineIsRefusedWithNoCreditsLeft() {
        assertEquals(BookingRefusal.NO_CREDITS_LEFT, refusalOf(attempt(classPack(-1))));
    }

    @Test
    void theMembershipIsJudgedOnTheStudiosDayOfTheClass() {
        // 00:30 on 3 June in Berlin is still 2 June in UTC; the membership ends on 2 June.
        var lateClass = TimeRange.of(Instant.parse("2026-06-02T22:30:00Z"), Duration.ofHours(1));
        var slot = new SlotSnapshot(SlotId.random(), lateClass, BERLIN, 10, 0, false);
        var m = withDates(monthly(), MembershipExamples.JAN_1, LocalDate.of(2026, 6, 2));
        var a = new BookingAttempt(slot, List.of(m), List.of(), false, false, NOW);
        assertEquals(BookingRefusal.MEMBERSHIP_EXPIRED, refusalOf(a));
    }

    @Test
    void aFullClassPutsAMemberWhoAsksOnTheWaitlistWithoutSpendingACredit() {
        var pack = classPack(3);
        var a = new BookingAttempt(slot(10, 10), List.of(pack), List.of(), false, true, NOW);
        assertEquals(BookingDecision.waitlist(pack.id()), BookingRules.decide(a, POLICY));
        assertFalse(BookingRules.decide(a, POLICY).consumesCredit());
    }

    @Test
    void aFullClassIsRefusedWithSlotFullWhenTheMemberDoesNotWantTheWaitlist() {
        var a = new BookingAttempt(slot(10, 10), List.of(monthly()), List.of(), false, false, NOW);
        assertEquals(BookingRefusal.SLOT_FULL, refusalOf(a));
    }

    @Test
    void aFullClassIsRefusedWithSlotFullWhenTheStudioHasNoWaitlist() {
        var noWaitlist = new BookingPolicy(Duration.ofDays(14), Duration.ofHours(12), false);
        var a = new BookingAttempt(slot(10, 10), List.of(monthly()), List.of(), false, true, NOW);
        assertEquals(BookingRefusal.SLOT_FULL, BookingRules.decide(a, noWaitlist).refusal());
    }

    @Test
    void anOverbookedClassIsFullAndShowsNoNegativeSeats() {
        var overbooked = slot(10, 12);
        assertEquals(0, overbooked.seatsLeft());
        var a = new BookingAttempt(overbooked, List.of(monthly()), List.of(), false, false, NOW);
        assertEquals(BookingRefusal.SLOT_FULL, refusalOf(a));
    }

    @Test
    void theLastSeatCanBeBooked() {
        var a = new BookingAttempt(slot(10, 9), List.of(monthly()), List.of(), false, false, NOW);
        assertEquals(Outcome.BOOK, BookingRules.decide(a, POLICY).outcome());
    }

    @Test
    void refusalsComeInTheDocumentedOrder() {
        // An attempt that fails every check; each step repairs the reason just reported.
        var expected = List.of(BookingRefusal.SLOT_CANCELLED, BookingRefusal.SLOT_EXPIRED,
                BookingRefusal.OUTSIDE_BOOKING_WINDOW, BookingRefusal.ALREADY_BOOKED,
                BookingRefusal.OVERLAPPING_BOOKING, BookingRefusal.NO_ACTIVE_MEMBERSHIP,
                BookingRefusal.MEMBERSHIP_FROZEN, BookingRefusal.NO_CREDITS_LEFT, BookingRefusal.SLOT_FULL);
        boolean cancelled = true;
        Instant now = CLASS_START;
        boolean alreadyOnSlot = true;
        List<TimeRange> others = List.of(CLASS);
        List<MembershipSnapshot> memberships = List.of();
        int seatsTaken = 10;
        var seen = new ArrayList<BookingRefusal>();
        for (int step = 0; step < expected.size(); step++) {
            var slot = new SlotSnapshot(SlotId.random(), CLASS, BERLIN, 10, seatsTaken, cancelled);
            var refusal = refusalOf(new BookingAttempt(slot, memberships, others, alreadyOnSlot, false, now));
            seen.add(refusal);
            switch (refusal) {
                case SLOT_CANCELLED -> cancelled = false;
                case SLOT_EXPIRED -> now = CLASS_START.minus(Duration.ofDays(30));
                case OUTSIDE_BOOKING_WINDOW -> now = NOW;
                case ALREADY_BOOKED -> alreadyOnSlot = false;
                case OVERLAPPING_BOOKING -> others = List.of();
                case NO_ACTIVE_MEMBERSHIP -> memberships = List.of(withStatus(classPack(0), MembershipStatus.FROZEN));
                case MEMBERSHIP_FROZEN -> memberships = List.of(classPack(0));
                case NO_CREDITS_LEFT -> memberships = List.of(classPack(1));
                default -> seatsTaken = 0;
            }
        }
        assertEquals(expected, seen);
    }

    @Test
    void everyRefusalHasAMessageForPeople() {
        for (BookingRefusal refusal : BookingRefusal.values()) {
            assertFalse(refusal.message().isBlank(), refusal.name());
        }
        assertEquals("This class is full", BookingRefusal.SLOT_FULL.message());
    }

    @Test
    void aRefusalChargesNoMembership() {
        var refusal = BookingDecision.refuse(BookingRefusal.SLOT_FULL);
        assertTrue(refusal.isRefused());
        assertNull(refusal.chargedMembership());
        assertFalse(refusal.consumesCredit());
    }

    @Test
    void aDecisionCannotContradictItself() {
        var id = MembershipId.random();
        assertThrows(IllegalArgumentException.class, () -> new BookingDecision(Outcome.REFUSE, null, null, false));
        assertThrows(IllegalArgumentException.class,
                () -> new BookingDecision(Outcome.BOOK, BookingRefusal.SLOT_FULL, id, false));
        assertThrows(IllegalArgumentException.class, () -> new BookingDecision(Outcome.WAITLIST, null, id, true));
    }

    @Test
    void theStandardPolicyOpensBookingTwoWeeksAheadWithATwelveHourCutoffAndAWaitlist() {
        assertEquals(new BookingPolicy(Duration.ofDays(14), Duration.ofHours(12), true), BookingPolicy.standard());
    }

    @Test
    void aCancelAtTheCutoffIsTimely() {
        Instant atCutoff = CLASS_START.minus(POLICY.lateCancelCutoff());
        assertEquals(Cancellation.TIMELY, BookingRules.cancellation(CLASS_START, atCutoff, POLICY));
    }

    @Test
    void aCancelOneSecondAfterTheCutoffIsLate() {
        Instant afterCutoff = CLASS_START.minus(POLICY.lateCancelCutoff()).plusSeconds(1);
        assertEquals(Cancellation.LATE, BookingRules.cancellation(CLASS_START, afterCutoff, POLICY));
    }

    @Test
    void aCancelOneSecondBeforeTheStartIsLate() {
        assertEquals(Cancellation.LATE, BookingRules.cancellation(CLASS_START, CLASS_START.minusSeconds(1), POLICY));
    }

    @Test
    void aCancelAtTheStartIsTooLate() {
        assertEquals(Cancellation.STARTED, BookingRules.cancellation(CLASS_START, CLASS_START, POLICY));
    }

    @Test
    void onlyBookedAndAttendedHoldASeat() {
        for (BookingStatus status : BookingStatus.values()) {
            assertEquals(status == BookingStatus.BOOKED || status == BookingStatus.ATTENDED, status.holdsSeat(),
                    status.name());
        }
    }

    @Test
    void bookedWaitlistedAndAttendedAreActive() {
        for (BookingStatus status : BookingStatus.values()) {
            boolean active = status == BookingStatus.BOOKED || status == BookingStatus.WAITLISTED
                    || status == BookingStatus.ATTENDED;
            assertEquals(active, status.isActive(), status.name());
        }
    }
}
