package app.spotter.model.booking;

import app.spotter.model.common.MembershipId;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * The answer to a booking attempt.
 *
 * @param outcome book, waitlist or refuse
 * @param refusal why it was refused; null unless the outcome is {@link Outcome#REFUSE}
 * @param chargedMembership the membership the booking is made under; null when refused
 * @param consumesCredit whether booking takes a credit from that membership now
 */
public record BookingDecision(
        Outcome outcome, BookingRefusal refusal, MembershipId chargedMembership, boolean consumesCredit) {

    /** What happens to the attempt. */
    public enum Outcome {
        /** The member gets a seat. */
        BOOK,
        /** The member joins the waitlist. */
        WAITLIST,
        /** The member is refused, see {@link BookingDecision#refusal()}. */
        REFUSE
    }

    /**
     * Keeps the parts consistent, so no caller can build a refusal without a reason or a
     * refusal that charges a credit.
     *
     * @throws IllegalArgumentException if the parts contradict each other
     */
    public BookingDecision {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.REFUSE) != (refusal != null)) {
            throw new IllegalArgumentException("A refusal reason goes with, and only with, a refusal");
        }
        if (consumesCredit && outcome != Outcome.BOOK) {
            throw new IllegalArgumentException("Only a booked seat consumes a credit");
        }
    }

    /** A seat under the given membership, taking a credit if it is a credit plan. */
    public static BookingDecision book(MembershipId membership, boolean consumesCredit) {
        return new BookingDecision(Outcome.BOOK, null, Objects.requireNonNull(membership, "membership"), consumesCredit);
    }

    /** A waitlist place; no credit is taken until the member is promoted to a seat. */
    public static BookingDecision waitlist(MembershipId membership) {
        return new BookingDecision(Outcome.WAITLIST, null, Objects.requireNonNull(membership, "membership"), false);
    }

    /** A refusal for the given reason. */
    public static BookingDecision refuse(BookingRefusal refusal) {
        return new BookingDecision(Outcome.REFUSE, Objects.requireNonNull(refusal, "refusal"), null, false);
    }

    /** Whether the attempt was refused. */
    @JsonIgnore // derived from the outcome, not part of the wire form
    public boolean isRefused() {
        return outcome == Outcome.REFUSE;
    }
}
