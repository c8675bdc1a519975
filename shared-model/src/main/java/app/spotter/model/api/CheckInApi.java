package app.spotter.model.api;

import app.spotter.model.checkin.CheckInMethod;
import app.spotter.model.checkin.CheckInReason;
import java.time.OffsetDateTime;

/** Request and response records of {@code /api/v1/check-ins}, {@code /api/v1/checkin} and member cards. */
public final class CheckInApi {

    private CheckInApi() {
    }

    /** The key desks verify member cards with, offline. {@code publicKey} is base64 of the X.509 encoding. */
    public record PublicKeyView(String keyId, String algorithm, String publicKey) {
    }

    /** A member card: what is printed as the QR code. */
    public record MemberCardView(String memberId, String memberNumber, int cardVersion, String qrPayload) {
    }

    /** Cards of this member older than {@code minimumCardVersion} are revoked. */
    public record CardRevocation(String memberId, int minimumCardVersion) {
    }

    /**
     * A scan, a typed PIN or a staff click at the door. Which fields are needed depends on the method:
     * QR needs {@code qr}; PIN needs {@code memberNumber} and {@code pin}; STAFF needs {@code memberId}.
     */
    public record CheckInRequest(CheckInMethod method, String qr, String memberNumber, String pin, String memberId,
                                 String locationId, String deviceId) {
    }

    /** Who is at the door, as the desk shows them. */
    public record MemberBadge(String id, String number, String name, String initials) {
    }

    /**
     * The green or red answer, refusals included. {@code member} is null when the member is not
     * identified (an invalid code) or must not be shown (a wrong or locked PIN, so that typing
     * member numbers at a kiosk reveals no names).
     */
    public record CheckInResult(String checkInId, boolean admitted, CheckInReason reason, String message,
                                MemberBadge member, String planName, Integer creditsLeft, boolean onGrace,
                                String bookingId, CheckInMethod method, OffsetDateTime decidedAt) {
    }

    /** One recorded check-in, for the desk's list of the day. */
    public record CheckInEntry(String id, MemberBadge member, CheckInMethod method, boolean admitted,
                               CheckInReason reason, boolean onGrace, String locationId, String bookingId,
                               String staffUserId, String deviceId, OffsetDateTime decidedAt) {
    }
}
