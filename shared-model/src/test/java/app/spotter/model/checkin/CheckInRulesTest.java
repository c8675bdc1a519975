package app.spotter.model.checkin;

import static app.spotter.model.membership.MembershipExamples.classPack;
import static app.spotter.model.membership.MembershipExamples.monthly;
import static app.spotter.model.membership.MembershipExamples.withDates;
import static app.spotter.model.membership.MembershipExamples.withFreeze;
import static app.spotter.model.membership.MembershipExamples.withStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.common.MembershipId;
import app.spotter.model.membership.MembershipExamples;
import app.spotter.model.membership.MembershipSnapshot;
import app.spotter.model.membership.MembershipStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckInRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 1 June 2026, 09:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-06-01T07:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final CheckInPolicy POLICY = CheckInPolicy.standard();

    private static CheckInDecision scan(MembershipSnapshot... memberships) {
        return CheckInRules.decide(new CheckInAttempt(List.of(memberships), Optional.empty(), false, NOW, BERLIN), POLICY);
    }

    private static CheckInDecision scanWithBooking(MembershipSnapshot membership) {
        return CheckInRules.decide(new CheckInAttempt(List.of(membership), Optional.empty(), true, NOW, BERLIN), POLICY);
    }

    private static CheckInDecision scanAfterAdmissionAt(Instant lastAdmittedAt) {
        return CheckInRules.decide(
                new CheckInAttempt(List.of(monthly()), Optional.of(lastAdmittedAt), false, NOW, BERLIN), POLICY);
    }

    private static MembershipSnapshot endedDaysAgo(int days) {
        return withDates(monthly(), MembershipExamples.JAN_1, TODAY.minusDays(days));
    }

    @Test
    void anActiveMemberIsWelcomedWithoutSpendingACredit() {
        var monthly = monthly();
        var decision = scan(monthly);
        assertEquals(CheckInDecision.admit(monthly.id(), false), decision);
        assertEquals("Welcome!", decision.reason().message());
    }

    @Test
    void aTrialMemberIsAdmitted() {
        assertTrue(scan(withStatus(monthly(), MembershipStatus.TRIAL)).admitted());
    }

    @Test
    void aClassPackVisitWithoutABookingSpendsACredit() {
        var pack = classPack(2);
        assertEquals(CheckInDecision.admit(pack.id(), true), scan(pack));
    }

    @Test
    void aClassPackVisitForABookedClassSpendsNoSecondCredit() {
        var pack = classPack(2);
        assertEquals(CheckInDecision.admit(pack.id(), false), scanWithBooking(pack));
    }

    @Test
    void anEmptyClassPackWithoutABookingIsRefusedWithNoCreditsLeft() {
        var decision = scan(classPack(0));
        assertEquals(CheckInDecision.refuse(CheckInReason.NO_CREDITS_LEFT), decision);
        assertEquals("No credits left", decision.reason().message());
    }

    @Test
    void anEmptyClassPackWithABookingTodayIsAdmittedBecauseTheBookingPaid() {
        var pack = classPack(0);
        assertEquals(CheckInDecision.admit(pack.id(), false), scanWithBooking(pack));
    }

    @Test
    void aMemberWithoutMembershipIsRefusedWithNoActiveMembership() {
        assertEquals(CheckInReason.NO_ACTIVE_MEMBERSHIP, scan().reason());
    }

    @Test
    void aMembershipStartingTomorrowIsRefusedWithMembershipNotStarted() {
        assertEquals(CheckInReason.MEMBERSHIP_NOT_STARTED, scan(withDates(monthly(), TODAY.plusDays(1), null)).reason());
    }

    @Test
    void aFrozenMemberIsRefusedWithMembershipFrozen() {
        var decision = scan(withFreeze(monthly(), TODAY, TODAY.plusDays(13)));
        assertEquals(CheckInDecision.refuse(CheckInReason.MEMBERSHIP_FROZEN), decision);
        assertEquals("Membership frozen", decision.reason().message());
    }

    @Test
    void aCancelledMemberIsRefusedWithMembershipCancelled() {
        assertEquals(CheckInReason.MEMBERSHIP_CANCELLED, scan(withStatus(monthly(), MembershipStatus.CANCELLED)).reason());
    }

    @Test
    void aMembershipThatEndsTodayStillAdmitsNormally() {
        assertEquals(CheckInReason.OK, scan(endedDaysAgo(0)).reason());
    }

    @Test
    void aMembershipExpiredExactlyTheGraceDaysAgoIsAdmittedOnGrace() {
        var expired = endedDaysAgo(POLICY.expiryGraceDays());
        assertEquals(CheckInDecision.admitOnGrace(expired.id()), scan(expired));
    }

    @Test
    void aMembershipExpiredOneDayPastTheGraceIsRefusedWithMembershipExpired() {
        assertEquals(CheckInDecision.refuse(CheckInReason.MEMBERSHIP_EXPIRED),
                scan(endedDaysAgo(POLICY.expiryGraceDays() + 1)));
    }

    @Test
    void aClassPackOnGraceSpendsNoCredit() {
        var pack = withDates(classPack(5), MembershipExamples.JAN_1, TODAY.minusDays(1));
        var decision = scan(pack);
        assertTrue(decision.onGrace());
        assertFalse(decision.consumesCredit());
    }

    @Test
    void anExpiredStatusWithoutAnEndDateGetsNoGrace() {
        assertEquals(CheckInReason.MEMBERSHIP_EXPIRED, scan(withStatus(monthly(), MembershipStatus.EXPIRED)).reason());
    }

    @Test
    void aSecondScanWithinTheVisitWindowIsAlreadyCheckedIn() {
        var decision = scanAfterAdmissionAt(NOW.minus(POLICY.visitWindow()).plusSeconds(1));
        assertEquals(CheckInDecision.refuse(CheckInReason.ALREADY_CHECKED_IN), decision);
    }

    @Test
    void aScanOneVisitWindowAfterTheLastAdmissionIsANewVisit() {
        assertTrue(scanAfterAdmissionAt(NOW.minus(POLICY.visitWindow())).admitted());
    }

    @Test
    void anAdmissionStampedAheadByAnotherDesksClockIsTheSameVisit() {
        assertEquals(CheckInReason.ALREADY_CHECKED_IN, scanAfterAdmissionAt(NOW.plus(Duration.ofMinutes(20))).reason());
    }

    @Test
    void alreadyCheckedInIsDecidedBeforeTheMembership() {
        var attempt = new CheckInAttempt(List.of(), Optional.of(NOW.minusSeconds(60)), false, NOW, BERLIN);
        assertEquals(CheckInReason.ALREADY_CHECKED_IN, CheckInRules.decide(attempt, POLICY).reason());
    }

    @Test
    void todayIsTheLocationsDayNotTheUtcDay() {
        // 00:30 on 2 June in Berlin is 22:30 on 1 June in UTC; the membership starts on 2 June.
        var startsTomorrow = withDates(monthly(), TODAY.plusDays(1), null);
        var attempt = new CheckInAttempt(List.of(startsTomorrow), Optional.empty(), false,
                Instant.parse("2026-06-01T22:30:00Z"), BERLIN);
        assertEquals(CheckInReason.OK, CheckInRules.decide(attempt, POLICY).reason());
    }

    @Test
    void theBestMembershipDecidesWhenAMemberHoldsSeveral() {
        var monthly = monthly();
        assertEquals(CheckInDecision.admit(monthly.id(), false),
                scan(withStatus(monthly(), MembershipStatus.CANCELLED), classPack(0), monthly));
    }

    @Test
    void onlyOkAndOnGraceAdmit() {
        for (CheckInReason reason : CheckInReason.values()) {
            assertEquals(reason == CheckInReason.OK || reason == CheckInReason.ON_GRACE, reason.admits(), reason.name());
            assertFalse(reason.message().isBlank(), reason.name());
        }
    }

    @Test
    void aDecisionCannotContradictItself() {
        var id = MembershipId.random();
        assertThrows(IllegalArgumentException.class, () -> CheckInDecision.refuse(CheckInReason.OK));
        assertThrows(IllegalArgumentException.class,
                () -> new CheckInDecision(true, CheckInReason.PIN_WRONG, id, false, false));
        assertThrows(IllegalArgumentException.class, () -> new CheckInDecision(true, CheckInReason.OK, id, false, true));
        assertThrows(IllegalArgumentException.class,
                () -> new CheckInDecision(false, CheckInReason.QR_INVALID, null, true, false));
    }

    @Test
    void theStandardPolicyGivesThreeGraceDaysAndThreeHourVisits() {
        assertEquals(new CheckInPolicy(3, Duration.ofHours(3)), CheckInPolicy.standard());
    }
}
