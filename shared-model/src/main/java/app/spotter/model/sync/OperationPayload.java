package app.spotter.model.sync;

import app.spotter.model.checkin.CheckInMethod;
import app.spotter.model.checkin.CheckInReason;
import app.spotter.model.common.BookingId;
import app.spotter.model.common.CheckInId;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import app.spotter.model.common.PlanId;
import app.spotter.model.common.SlotId;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What an operation asks for. Ids of things it creates (a booking, a check-in, a member) are
 * chosen by the device, so its optimistic row and the server's row are the same row.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OperationPayload.BookSeat.class, name = "BOOK"),
    @JsonSubTypes.Type(value = OperationPayload.CancelBooking.class, name = "CANCEL_BOOKING"),
    @JsonSubTypes.Type(value = OperationPayload.RecordCheckIn.class, name = "CHECK_IN"),
    @JsonSubTypes.Type(value = OperationPayload.RegisterMember.class, name = "REGISTER_MEMBER"),
    @JsonSubTypes.Type(value = OperationPayload.EditMember.class, name = "EDIT_MEMBER"),
    @JsonSubTypes.Type(value = OperationPayload.FreezeMembership.class, name = "FREEZE_MEMBERSHIP"),
    @JsonSubTypes.Type(value = OperationPayload.ResolveConflict.class, name = "RESOLVE_CONFLICT"),
    @JsonSubTypes.Type(value = OperationPayload.UnfreezeMembership.class, name = "UNFREEZE_MEMBERSHIP"),
    @JsonSubTypes.Type(value = OperationPayload.AssignMembership.class, name = "ASSIGN_MEMBERSHIP")
})
public sealed interface OperationPayload {

    /** The operation type this payload belongs to. */
    OperationType type();

    /**
     * Book a seat (or a waitlist place). With {@code leaseId} the seat comes from the device's
     * escrow lease and the server always honours it; without, the booking is tentative until the
     * server decides.
     */
    record BookSeat(BookingId bookingId, SlotId slotId, MemberId memberId, boolean waitlist, UUID leaseId)
            implements OperationPayload {
        @Override
        public OperationType type() {
            return OperationType.BOOK;
        }
    }

    record CancelBooking(BookingId bookingId) implements OperationPayload {
        @Override
        public OperationType type() {
            return OperationType.CANCEL_BOOKING;
        }
    }

    /**
     * A check-in the desk already decided with the shared CheckInRules; the server records the
     * fact (append-only), spends the credit in the ledger and raises a conflict when the ledger
     * goes below zero or the entry was on grace. {@code card} is the member-card QR text the desk
     * scanned: a kiosk or scanner (no staff actor) must send it, and the server checks it is the
     * member's own current card (decision 0013); a staff check-in may leave it null.
     */
    record RecordCheckIn(CheckInId checkInId, MemberId memberId, CheckInMethod method, Instant decidedAt,
                         boolean admitted, CheckInReason reason, boolean onGrace, MembershipId membershipId,
                         boolean consumesCredit, BookingId bookingId, LocationId locationId, String card)
            implements OperationPayload {

        /** A check-in without a scanned card: staff let the member in. */
        public RecordCheckIn(CheckInId checkInId, MemberId memberId, CheckInMethod method, Instant decidedAt,
                             boolean admitted, CheckInReason reason, boolean onGrace, MembershipId membershipId,
                             boolean consumesCredit, BookingId bookingId, LocationId locationId) {
            this(checkInId, memberId, method, decidedAt, admitted, reason, onGrace, membershipId, consumesCredit,
                    bookingId, locationId, null);
        }

        @Override
        public OperationType type() {
            return OperationType.CHECK_IN;
        }
    }

    record RegisterMember(MemberId memberId, String firstName, String lastName, String email, String phone,
                          LocalDate dateOfBirth, LocationId homeLocationId) implements OperationPayload {
        @Override
        public OperationType type() {
            return OperationType.REGISTER_MEMBER;
        }
    }

    /**
     * Changed fields of a member profile (field name to new value, null clears). The base version
     * is the operation's read version of the member; fields changed concurrently elsewhere become
     * a conflict instead of being overwritten.
     */
    record EditMember(MemberId memberId, Map<String, String> changes) implements OperationPayload {
        @Override
        public OperationType type() {
            return OperationType.EDIT_MEMBER;
        }
    }

    record FreezeMembership(MembershipId membershipId, LocalDate from, LocalDate to) implements OperationPayload {
        @Override
        public OperationType type() {
            return OperationType.FREEZE_MEMBERSHIP;
        }
    }

    record ResolveConflict(UUID conflictId, String resolution) implements OperationPayload {
        @Override
        public OperationType type() {
            return OperationType.RESOLVE_CONFLICT;
        }
    }

    /** Ends the freeze covering {@code on} on the day before (the ordinary unfreeze, with its rules). */
    record UnfreezeMembership(MembershipId membershipId, LocalDate on) implements OperationPayload {
        @Override
        public OperationType type() {
            return OperationType.UNFREEZE_MEMBERSHIP;
        }
    }

    /**
     * Puts a member on a plan from {@code startsOn}, under the membership id the desk minted (so a
     * member signed up at the counter with a plan can walk in before the server has answered).
     */
    record AssignMembership(MembershipId membershipId, MemberId memberId, PlanId planId, LocalDate startsOn)
            implements OperationPayload {
        @Override
        public OperationType type() {
            return OperationType.ASSIGN_MEMBERSHIP;
        }
    }
}
