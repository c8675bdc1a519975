package app.spotter.client.outbox;

import app.spotter.model.common.MembershipId;

/**
 * What the desk decided locally for an operation, kept beside it so the overlay can show it
 * without deciding again.
 *
 * @param bookingStatus for a booking: CONFIRMED (inside a lease), TENTATIVE, or WAITLISTED
 * @param membership the membership charged, if any
 * @param consumesCredit whether the local decision spent a credit of that membership
 */
public record LocalEffect(String bookingStatus, MembershipId membership, boolean consumesCredit) {

    public static final LocalEffect NONE = new LocalEffect(null, null, false);
}
