package app.spotter.client.booking;

import app.spotter.model.common.BookingId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import java.time.Instant;
import java.util.UUID;

/**
 * A booking as the desk shows it.
 *
 * @param status the server's status (BOOKED, WAITLISTED, CANCELLED, ...) once confirmed; while
 *     pending what the desk decided: CONFIRMED (a leased seat), TENTATIVE or WAITLISTED, or
 *     CANCELLED for a pending cancel; REFUSED when the server refused a booking made here
 * @param pending whether it still waits for the server
 * @param opId the operation behind the pending or refused state, null when plainly confirmed
 * @param refusal the server's reason when refused or turned into a conflict
 * @param conflictId the manager's conflict, when the server raised one
 */
public record BookingView(BookingId id, SlotId slotId, MemberId memberId, String status, Instant startsAt,
                          Instant endsAt, boolean pending, UUID opId, String refusal, UUID conflictId) {

    /** Whether it takes (or, pending, will take) a seat. */
    public boolean holdsSeat() {
        return switch (status) {
            case "BOOKED", "ATTENDED", "CONFIRMED", "TENTATIVE" -> true;
            default -> false;
        };
    }

    /** Whether it still counts for the member: a seat or a waitlist place. */
    public boolean isActive() {
        return holdsSeat() || "WAITLISTED".equals(status);
    }
}
