package app.spotter.server.sync.appliers;

import app.spotter.model.checkin.CheckInMethod;
import app.spotter.model.checkin.MemberCard;
import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.model.sync.OperationPayload.RecordCheckIn;
import app.spotter.server.auth.DeviceCaller;
import app.spotter.server.http.ApiException;
import app.spotter.server.members.MemberRecord;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A check-in that no staff member vouches for (a kiosk, a scanner, a desk in kiosk mode) counts only
 * with the member's own card, scanned at this device's own door (decision 0013): the server never
 * saw the member, so a stolen device token must not be able to let anyone in anywhere or spend
 * their credits.
 */
final class DoorCardProof {

    static final String CARD_NOT_PROVEN = "CARD_NOT_PROVEN";
    static final String LOCATION_NOT_THIS_DEVICE = "LOCATION_NOT_THIS_DEVICE";

    private final Supplier<PublicKey> cardKey;

    DoorCardProof(Supplier<PublicKey> cardKey) {
        this.cardKey = cardKey;
    }

    /**
     * Refuses unless {@code card} is a card of ours for this very member, current if the member was
     * let in (a revoked card may still be recorded as refused), and the location is the device's.
     */
    void check(RecordCheckIn p, DeviceCaller device, MemberRecord member) {
        Optional<MemberCard> card = p.method() == CheckInMethod.QR
                ? MemberQrCodes.verify(p.card(), cardKey.get()) : Optional.empty();
        if (member == null || card.isEmpty() || !card.get().member().value().equals(member.id)
                || (p.admitted() && !card.get().isCurrent(member.cardVersion))) {
            throw new ApiException(403, CARD_NOT_PROVEN,
                    "A check-in without staff needs the member's own current card as scanned", "card");
        }
        if (p.locationId() != null && !p.locationId().equals(device.locationId())) {
            throw new ApiException(403, LOCATION_NOT_THIS_DEVICE,
                    "A check-in without staff happens at the device's own location", "locationId");
        }
    }
}
