package app.spotter.model.checkin;

import app.spotter.model.membership.MembershipRules;
import app.spotter.model.membership.MembershipSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a known member may enter.
 *
 * <p>The desk runs this offline, in the morning rush, for every scan; the server runs the
 * same rule when the check-in arrives. Pure functions: time and zone are passed in. How the
 * member was identified (QR, PIN, staff) is decided before this rule; those refusals
 * ({@link CheckInReason#QR_INVALID}, {@link CheckInReason#PIN_WRONG}, ...) are built with
 * {@link CheckInDecision#refuse}.
 */
public final class CheckInRules {

    private CheckInRules() {
    }

    /**
     * Decides an entry. The first matching step is the answer:
     * <ol>
     *   <li>the member was let in less than the visit window ago:
     *       {@link CheckInReason#ALREADY_CHECKED_IN} (the same visit is never charged twice);
     *   <li>the best membership ({@link MembershipRules#best}) on the location's day of
     *       {@code now}; none: {@link CheckInReason#NO_ACTIVE_MEMBERSHIP};
     *   <li>ACTIVE: on a credit plan with no booking today and no credits left,
     *       {@link CheckInReason#NO_CREDITS_LEFT}; otherwise let in, taking a credit only on a
     *       credit plan without a booking today, because the booking already took it;
     *   <li>EXPIRED no more than the grace days ago (counted from a known end date): let in on
     *       grace, {@link CheckInReason#ON_GRACE}, no credit taken;
     *   <li>otherwise the refusal matching the standing.
     * </ol>
     */
    public static CheckInDecision decide(CheckInAttempt attempt, CheckInPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (attempt.lastAdmittedAt().map(last -> sameVisit(last, attempt.now(), policy.visitWindow())).orElse(false)) {
            return CheckInDecision.refuse(CheckInReason.ALREADY_CHECKED_IN);
        }

        LocalDate today = attempt.localDate();
        Optional<MembershipSnapshot> best = MembershipRules.best(attempt.memberships(), today);
        if (best.isEmpty()) {
            return CheckInDecision.refuse(CheckInReason.NO_ACTIVE_MEMBERSHIP);
        }
        MembershipSnapshot membership = best.get();
        return switch (MembershipRules.standingOn(membership, today)) {
            case ACTIVE -> {
                boolean creditPlan = membership.creditsLeft() != null;
                boolean chargesCredit = creditPlan && !attempt.hasBookingToday();
                yield chargesCredit && membership.creditsLeft() <= 0
                        ? CheckInDecision.refuse(CheckInReason.NO_CREDITS_LEFT)
                        : CheckInDecision.admit(membership.id(), chargesCredit);
            }
            // Without an end date there is nothing to count grace days from, so no grace.
            case EXPIRED -> membership.endsOn() != null
                            && MembershipRules.daysExpired(membership, today) <= policy.expiryGraceDays()
                    ? CheckInDecision.admitOnGrace(membership.id())
                    : CheckInDecision.refuse(CheckInReason.MEMBERSHIP_EXPIRED);
            case NOT_STARTED -> CheckInDecision.refuse(CheckInReason.MEMBERSHIP_NOT_STARTED);
            case FROZEN -> CheckInDecision.refuse(CheckInReason.MEMBERSHIP_FROZEN);
            case CANCELLED -> CheckInDecision.refuse(CheckInReason.MEMBERSHIP_CANCELLED);
        };
    }

    /**
     * Whether an admission at {@code last} and a scan at {@code now} are one visit. Desks'
     * clocks can disagree, so an admission recorded a little "after" now counts as well.
     */
    private static boolean sameVisit(Instant last, Instant now, Duration visitWindow) {
        return Duration.between(last, now).abs().compareTo(visitWindow) < 0;
    }
}
