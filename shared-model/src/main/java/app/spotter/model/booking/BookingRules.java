package app.spotter.model.booking;

import app.spotter.model.membership.MembershipRules;
import app.spotter.model.membership.MembershipSnapshot;
import app.spotter.model.membership.Standing;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a member may book a class, and how a cancellation counts.
 *
 * <p>Written once and run in two places: on the desk, offline, and on the server, which
 * re-runs it on current state inside the transaction that applies a booking. Pure functions:
 * time is passed in.
 */
public final class BookingRules {

    private BookingRules() {
    }

    /**
     * Decides a booking attempt. The checks run in this order and the first failing one is the
     * answer, so a member always hears the most fundamental reason first:
     * <ol>
     *   <li>the slot is cancelled: {@link BookingRefusal#SLOT_CANCELLED};
     *   <li>{@code now} is at or after the start: {@link BookingRefusal#SLOT_EXPIRED};
     *   <li>the start is later than {@code now} plus the booking window:
     *       {@link BookingRefusal#OUTSIDE_BOOKING_WINDOW};
     *   <li>already booked or waitlisted on this slot: {@link BookingRefusal#ALREADY_BOOKED};
     *   <li>the slot overlaps another seat-holding booking: {@link BookingRefusal#OVERLAPPING_BOOKING};
     *   <li>the best membership ({@link MembershipRules#best}) on the slot's local day: none gives
     *       {@link BookingRefusal#NO_ACTIVE_MEMBERSHIP}, a standing other than ACTIVE gives the
     *       matching {@code MEMBERSHIP_*} refusal;
     *   <li>a credit plan with no credits left: {@link BookingRefusal#NO_CREDITS_LEFT};
     *   <li>no seat left: a waitlist place if the member wants one and the policy allows it,
     *       else {@link BookingRefusal#SLOT_FULL};
     *   <li>otherwise a seat under that membership, consuming a credit on a credit plan.
     * </ol>
     */
    public static BookingDecision decide(BookingAttempt attempt, BookingPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        SlotSnapshot slot = attempt.slot();
        Instant start = slot.range().start();
        Instant now = attempt.now();

        if (slot.cancelled()) {
            return BookingDecision.refuse(BookingRefusal.SLOT_CANCELLED);
        }
        if (!now.isBefore(start)) {
            return BookingDecision.refuse(BookingRefusal.SLOT_EXPIRED);
        }
        if (start.isAfter(now.plus(policy.bookingWindow()))) {
            return BookingDecision.refuse(BookingRefusal.OUTSIDE_BOOKING_WINDOW);
        }
        if (attempt.alreadyOnSlot()) {
            return BookingDecision.refuse(BookingRefusal.ALREADY_BOOKED);
        }
        if (attempt.otherBookings().stream().anyMatch(slot.range()::overlaps)) {
            return BookingDecision.refuse(BookingRefusal.OVERLAPPING_BOOKING);
        }

        // Memberships are judged on the studio's calendar day of the class, not the day of asking.
        Optional<MembershipSnapshot> best = MembershipRules.best(attempt.memberships(), slot.localDate());
        if (best.isEmpty()) {
            return BookingDecision.refuse(BookingRefusal.NO_ACTIVE_MEMBERSHIP);
        }
        MembershipSnapshot membership = best.get();
        Standing standing = MembershipRules.standingOn(membership, slot.localDate());
        if (standing != Standing.ACTIVE) {
            return BookingDecision.refuse(refusalFor(standing));
        }
        boolean creditPlan = membership.creditsLeft() != null;
        if (creditPlan && membership.creditsLeft() <= 0) {
            return BookingDecision.refuse(BookingRefusal.NO_CREDITS_LEFT);
        }

        if (slot.seatsLeft() == 0) {
            return attempt.wantsWaitlist() && policy.waitlistEnabled()
                    ? BookingDecision.waitlist(membership.id())
                    : BookingDecision.refuse(BookingRefusal.SLOT_FULL);
        }
        return BookingDecision.book(membership.id(), creditPlan);
    }

    /**
     * How a cancellation at {@code now} counts for a class starting at {@code slotStart}:
     * <ul>
     *   <li>{@link Cancellation#TIMELY} when {@code now} is at or before the start minus the
     *       policy's late-cancel cutoff: the credit spent on the booking is refunded;
     *   <li>{@link Cancellation#LATE} after that but before the start: the credit is forfeited,
     *       because the seat can hardly be filled any more;
     *   <li>{@link Cancellation#STARTED} at or after the start: too late to cancel.
     * </ul>
     */
    public static Cancellation cancellation(Instant slotStart, Instant now, BookingPolicy policy) {
        Objects.requireNonNull(slotStart, "slotStart");
        Objects.requireNonNull(now, "now");
        if (!now.isBefore(slotStart)) {
            return Cancellation.STARTED;
        }
        if (!now.isAfter(slotStart.minus(policy.lateCancelCutoff()))) {
            return Cancellation.TIMELY;
        }
        return Cancellation.LATE;
    }

    private static BookingRefusal refusalFor(Standing standing) {
        return switch (standing) {
            case NOT_STARTED -> BookingRefusal.MEMBERSHIP_NOT_STARTED;
            case FROZEN -> BookingRefusal.MEMBERSHIP_FROZEN;
            case EXPIRED -> BookingRefusal.MEMBERSHIP_EXPIRED;
            case CANCELLED -> BookingRefusal.MEMBERSHIP_CANCELLED;
            case ACTIVE -> throw new IllegalArgumentException("An active membership is not a refusal");
        };
    }
}
