package app.spotter.model.checkin;

import app.spotter.model.common.MembershipId;
import java.util.Objects;

/**
 * The green or red answer at the door, with its reason.
 *
 * @param admitted whether the member may enter
 * @param reason why; {@link CheckInReason#admits()} agrees with {@code admitted}
 * @param membership the membership the visit counts against; null when refused
 * @param consumesCredit whether the visit takes a credit from that membership
 * @param onGrace whether the member is let in on the grace days after expiry
 */
public record CheckInDecision(
        boolean admitted, CheckInReason reason, MembershipId membership, boolean consumesCredit, boolean onGrace) {

    /**
     * Keeps the parts consistent, so no caller can build a green screen with a red reason.
     *
     * @throws IllegalArgumentException if the parts contradict each other
     */
    public CheckInDecision {
        Objects.requireNonNull(reason, "reason");
        if (admitted != reason.admits()) {
            throw new IllegalArgumentException("Reason " + reason + " does not go with admitted=" + admitted);
        }
        if (onGrace != (reason == CheckInReason.ON_GRACE)) {
            throw new IllegalArgumentException("onGrace goes with, and only with, reason ON_GRACE");
        }
        if (admitted && membership == null) {
            throw new IllegalArgumentException("An admission counts against a membership");
        }
        if (consumesCredit && !admitted) {
            throw new IllegalArgumentException("Only an admission consumes a credit");
        }
    }

    /** Let in under the given membership, taking a credit if {@code consumesCredit}. */
    public static CheckInDecision admit(MembershipId membership, boolean consumesCredit) {
        return new CheckInDecision(true, CheckInReason.OK, membership, consumesCredit, false);
    }

    /** Let in on the grace days after the given membership expired; no credit is taken. */
    public static CheckInDecision admitOnGrace(MembershipId membership) {
        return new CheckInDecision(true, CheckInReason.ON_GRACE, membership, false, true);
    }

    /**
     * Not let in, for the given reason.
     *
     * @throws IllegalArgumentException if the reason is one that admits
     */
    public static CheckInDecision refuse(CheckInReason reason) {
        return new CheckInDecision(false, reason, null, false, false);
    }
}
