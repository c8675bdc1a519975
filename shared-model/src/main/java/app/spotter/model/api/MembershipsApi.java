package app.spotter.model.api;

import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import app.spotter.model.common.PlanId;
import app.spotter.model.membership.FreezePeriod;
import app.spotter.model.membership.MembershipStatus;
import app.spotter.model.membership.PlanKind;
import app.spotter.model.membership.Standing;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response records of memberships, freezes, plan changes and credits. */
public final class MembershipsApi {

    private MembershipsApi() {
    }

    /** Puts a member on a plan; {@code startsOn} defaults to today. */
    public record NewMembership(PlanId planId, LocalDate startsOn) {
    }

    /** Freezes a membership from one day to another, both inclusive. */
    public record FreezeRequest(LocalDate from, LocalDate to) {
    }

    /** Ends the freeze covering {@code on} (default today) on the day before. */
    public record UnfreezeRequest(LocalDate on) {
    }

    /** An upgrade or downgrade taking effect on a day. */
    public record ChangePlanRequest(PlanId planId, LocalDate effectiveOn) {
    }

    /** A manual credit correction by staff; the reason is required. */
    public record CreditAdjustment(Integer delta, String reason) {
    }

    /** A recorded plan change; {@code appliedAt} is null until it has taken effect. */
    public record PlanChange(PlanId fromPlanId, PlanId toPlanId, LocalDate effectiveOn, OffsetDateTime appliedAt) {
    }

    /**
     * A membership with what it means today: {@code credits} is the ledger balance for credit plans
     * (null when visits are unlimited) and {@code standing} comes from the shared membership rules.
     */
    public record Membership(MembershipId id, MemberId memberId, PlanId planId, String planName, PlanKind planKind,
                             MembershipStatus status, LocalDate startsOn, LocalDate endsOn,
                             List<FreezePeriod> freezes, Integer credits, Standing standing,
                             OffsetDateTime cancelledAt, List<PlanChange> changes) {
    }

    public record CreditEntry(int delta, String reason, String bookingId, String checkInId, OffsetDateTime at) {
    }

    /** The credit ledger of a membership and its balance. */
    public record CreditLedger(MembershipId membershipId, int balance, List<CreditEntry> entries) {
    }
}
