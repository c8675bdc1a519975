package app.spotter.client.checkin;

import app.spotter.model.checkin.CheckInDecision;
import app.spotter.model.common.CheckInId;
import app.spotter.model.common.MemberId;
import java.util.UUID;

/**
 * The green or red answer at the door, decided on the desk.
 *
 * @param memberId null when the code named nobody this desk knows
 * @param checkInId the recorded check-in, null when nothing was recorded (no member identified)
 * @param opId the queued CHECK_IN operation, null when nothing was recorded
 */
public record CheckInResult(CheckInDecision decision, MemberId memberId, CheckInId checkInId, UUID opId) {

    public boolean admitted() {
        return decision.admitted();
    }
}
