package app.spotter.model.membership;

import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the rules need to know about one membership at one moment: enough for the desk to
 * decide offline, nothing about prices or history.
 *
 * @param id the membership
 * @param memberId the member who holds it
 * @param planKind the kind of plan
 * @param status the status staff or billing set
 * @param startsOn the first day of the membership
 * @param endsOn the last day of the membership, or null when it runs until cancelled
 * @param freezes the freeze periods; null is read as none
 * @param creditsLeft the credits left on a credit plan (the sum of its ledger, which may dip
 *     below zero after offline visits), or null when visits are unlimited
 */
public record MembershipSnapshot(
        MembershipId id,
        MemberId memberId,
        PlanKind planKind,
        MembershipStatus status,
        LocalDate startsOn,
        LocalDate endsOn,
        List<FreezePeriod> freezes,
        Integer creditsLeft) {

    /** Rejects missing parts and copies the freezes, so a snapshot never changes under a rule. */
    public MembershipSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(planKind, "planKind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startsOn, "startsOn");
        freezes = freezes == null ? List.of() : List.copyOf(freezes);
    }

    /** Whether visits and classes are counted in credits. */
    public boolean usesCredits() {
        return creditsLeft != null;
    }

    /** Whether the membership runs until cancelled. */
    @JsonIgnore // derived from endsOn, not part of the wire form
    public boolean isOpenEnded() {
        return endsOn == null;
    }
}
