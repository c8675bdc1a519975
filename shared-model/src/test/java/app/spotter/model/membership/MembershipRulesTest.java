package app.spotter.model.membership;

import static app.spotter.model.membership.MembershipExamples.classPack;
import static app.spotter.model.membership.MembershipExamples.monthly;
import static app.spotter.model.membership.MembershipExamples.withDates;
import static app.spotter.model.membership.MembershipExamples.withFreeze;
import static app.spotter.model.membership.MembershipExamples.withId;
import static app.spotter.model.membership.MembershipExamples.withStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MembershipRulesTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

    @Test
    void aRunningMembershipIsActive() {
        assertEquals(Standing.ACTIVE, MembershipRules.standingOn(monthly(), JUNE_1));
    }

    @Test
    void aTrialCountsAsActive() {
        assertEquals(Standing.ACTIVE, MembershipRules.standingOn(withStatus(monthly(), MembershipStatus.TRIAL), JUNE_1));
    }

    @Test
    void aMembershipIsActiveOnItsFirstAndLastDay() {
        var m = withDates(monthly(), JUNE_1, JUNE_1.plusDays(30));
        assertEquals(Standing.ACTIVE, MembershipRules.standingOn(m, JUNE_1));
        assertEquals(Standing.ACTIVE, MembershipRules.standingOn(m, JUNE_1.plusDays(30)));
    }

    @Test
    void beforeItsFirstDayAMembershipHasNotStarted() {
        var m = withDates(monthly(), JUNE_1, null);
        assertEquals(Standing.NOT_STARTED, MembershipRules.standingOn(m, JUNE_1.minusDays(1)));
    }

    @Test
    void afterItsLastDayAMembershipHasExpired() {
        var m = withDates(monthly(), MembershipExamples.JAN_1, JUNE_1);
        assertEquals(Standing.EXPIRED, MembershipRules.standingOn(m, JUNE_1.plusDays(1)));
    }

    @Test
    void theExpiredStatusExpiresAMembershipWhateverItsDates() {
        assertEquals(Standing.EXPIRED, MembershipRules.standingOn(withStatus(monthly(), MembershipStatus.EXPIRED), JUNE_1));
    }

    @Test
    void theFrozenStatusFreezesAMembership() {
        assertEquals(Standing.FROZEN, MembershipRules.standingOn(withStatus(monthly(), MembershipStatus.FROZEN), JUNE_1));
    }

    @Test
    void aFreezeCoversBothOfItsEndDaysAndNoMore() {
        var m = withFreeze(monthly(), JUNE_1, JUNE_1.plusDays(6));
        assertEquals(Standing.ACTIVE, MembershipRules.standingOn(m, JUNE_1.minusDays(1)));
        assertEquals(Standing.FROZEN, MembershipRules.standingOn(m, JUNE_1));
        assertEquals(Standing.FROZEN, MembershipRules.standingOn(m, JUNE_1.plusDays(6)));
        assertEquals(Standing.ACTIVE, MembershipRules.standingOn(m, JUNE_1.plusDays(7)));
    }

    @Test
    void cancellationOutranksEveryOtherStanding() {
        var m = withFreeze(withDates(withStatus(monthly(), MembershipStatus.CANCELLED), JUNE_1, JUNE_1), JUNE_1, JUNE_1);
        assertEquals(Standing.CANCELLED, MembershipRules.standingOn(m, JUNE_1));
    }

    @Test
    void aFreezeOutranksAnExpiredEndDate() {
        var m = withFreeze(withDates(monthly(), MembershipExamples.JAN_1, JUNE_1), JUNE_1.plusDays(1), JUNE_1.plusDays(9));
        assertEquals(Standing.FROZEN, MembershipRules.standingOn(m, JUNE_1.plusDays(2)));
    }

    @Test
    void daysExpiredCountsFromTheLastDay() {
        var m = withDates(monthly(), MembershipExamples.JAN_1, JUNE_1);
        assertEquals(0, MembershipRules.daysExpired(m, JUNE_1));
        assertEquals(1, MembershipRules.daysExpired(m, JUNE_1.plusDays(1)));
        assertEquals(10, MembershipRules.daysExpired(m, JUNE_1.plusDays(10)));
    }

    @Test
    void anOpenEndedMembershipHasNeverExpired() {
        assertEquals(0, MembershipRules.daysExpired(monthly(), JUNE_1.plusYears(5)));
    }

    @Test
    void aFreezeMustNotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new FreezePeriod(JUNE_1, JUNE_1.minusDays(1)));
    }

    @Test
    void aSnapshotKeepsItsOwnCopyOfTheFreezes() {
        var freezes = new ArrayList<FreezePeriod>();
        freezes.add(new FreezePeriod(JUNE_1, JUNE_1));
        var m = new MembershipSnapshot(monthly().id(), MembershipExamples.MEMBER, PlanKind.RECURRING_MONTHLY,
                MembershipStatus.ACTIVE, MembershipExamples.JAN_1, null, freezes, null);
        freezes.clear();
        assertEquals(1, m.freezes().size());
        assertThrows(UnsupportedOperationException.class, () -> m.freezes().clear());
    }

    @Test
    void onlyClassPacksAndDropInsUseCredits() {
        for (PlanKind kind : PlanKind.values()) {
            assertEquals(kind == PlanKind.CLASS_PACK || kind == PlanKind.DROP_IN, kind.usesCredits(), kind.name());
        }
    }

    @Test
    void aMemberWithoutMembershipsHasNoBest() {
        assertEquals(Optional.empty(), MembershipRules.best(List.of(), JUNE_1));
    }

    @Test
    void unlimitedIsPreferredOverCreditsWhichArePreferredOverAnEmptyPack() {
        var empty = classPack(0);
        var pack = classPack(5);
        var unlimited = monthly();
        assertEquals(unlimited, MembershipRules.best(List.of(empty, pack, unlimited), JUNE_1).orElseThrow());
        assertEquals(pack, MembershipRules.best(List.of(empty, pack), JUNE_1).orElseThrow());
    }

    @Test
    void anEmptyActivePackIsPreferredOverAFrozenMembership() {
        var empty = classPack(0);
        var frozen = withStatus(monthly(), MembershipStatus.FROZEN);
        assertEquals(empty, MembershipRules.best(List.of(frozen, empty), JUNE_1).orElseThrow());
    }

    @Test
    void withNothingActiveTheOrderIsFrozenExpiredNotStartedCancelled() {
        var frozen = withStatus(monthly(), MembershipStatus.FROZEN);
        var expired = withDates(monthly(), MembershipExamples.JAN_1, JUNE_1.minusDays(1));
        var notStarted = withDates(monthly(), JUNE_1.plusDays(1), null);
        var cancelled = withStatus(monthly(), MembershipStatus.CANCELLED);
        var all = new ArrayList<>(List.of(cancelled, notStarted, expired, frozen));
        for (var expectedBest : List.of(frozen, expired, notStarted, cancelled)) {
            assertEquals(expectedBest, MembershipRules.best(all, JUNE_1).orElseThrow());
            all.remove(expectedBest);
        }
    }

    @Test
    void amongExpiredMembershipsTheMostRecentlyEndedIsBest() {
        var longAgo = withDates(monthly(), MembershipExamples.JAN_1, JUNE_1.minusDays(90));
        var lastWeek = withDates(monthly(), MembershipExamples.JAN_1, JUNE_1.minusDays(7));
        assertEquals(lastWeek, MembershipRules.best(List.of(longAgo, lastWeek), JUNE_1).orElseThrow());
    }

    @Test
    void amongActivePacksTheOneEndingSoonestIsSpentFirst() {
        var endsInJuly = withDates(classPack(3), MembershipExamples.JAN_1, LocalDate.of(2026, 7, 1));
        var endsInDecember = withDates(classPack(3), MembershipExamples.JAN_1, LocalDate.of(2026, 12, 1));
        assertEquals(endsInJuly, MembershipRules.best(List.of(endsInDecember, endsInJuly), JUNE_1).orElseThrow());
    }

    @Test
    void tiesAreBrokenByIdWhateverTheListOrder() {
        var a = withId(monthly(), "00000000-0000-4000-8000-00000000000a");
        var b = withId(monthly(), "00000000-0000-4000-8000-00000000000b");
        var list = new ArrayList<>(List.of(a, b));
        var first = MembershipRules.best(list, JUNE_1).orElseThrow();
        Collections.reverse(list);
        assertEquals(first, MembershipRules.best(list, JUNE_1).orElseThrow());
        assertEquals(a, first);
    }

    @Test
    void aMembershipReportsWhetherItUsesCreditsAndIsOpenEnded() {
        assertTrue(classPack(1).usesCredits());
        assertFalse(monthly().usesCredits());
        assertTrue(monthly().isOpenEnded());
        assertFalse(classPack(1).isOpenEnded());
    }
}
