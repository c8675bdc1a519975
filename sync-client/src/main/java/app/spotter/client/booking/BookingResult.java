package app.spotter.client.booking;

import app.spotter.model.booking.BookingRefusal;
import app.spotter.model.common.BookingId;
import java.util.UUID;

/**
 * What the desk tells the member at once.
 *
 * @param state CONFIRMED from the desk's seat lease, TENTATIVE until the server decides, WAITLISTED,
 *     or REFUSED (then nothing was queued)
 * @param refusal why, when refused
 * @param opId the queued operation, null when refused
 * @param leaseId the seat lease used, when confirmed
 */
public record BookingResult(State state, BookingId bookingId, BookingRefusal refusal, UUID opId, UUID leaseId) {

    public enum State { CONFIRMED, TENTATIVE, WAITLISTED, REFUSED }

    public boolean isRefused() {
        return state == State.REFUSED;
    }
}
