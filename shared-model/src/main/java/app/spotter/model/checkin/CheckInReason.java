package app.spotter.model.checkin;

/**
 * Why a member was let in or not. The names are stable codes stored with every check-in and
 * returned by the API; the messages are English defaults for the kiosk's green or red screen,
 * which clients may translate by code.
 */
public enum CheckInReason {
    /** Let in. */
    OK("Welcome!"),
    /** Let in although the membership has just expired, within the grace days. */
    ON_GRACE("Welcome! Your membership has expired, please renew at the desk"),
    /** Already let in during this visit. */
    ALREADY_CHECKED_IN("Already checked in"),
    /** The member has no membership at all. */
    NO_ACTIVE_MEMBERSHIP("No active membership"),
    /** The membership starts on a later day. */
    MEMBERSHIP_NOT_STARTED("Membership has not started yet"),
    /** The membership is frozen today. */
    MEMBERSHIP_FROZEN("Membership frozen"),
    /** The membership has expired, beyond the grace days. */
    MEMBERSHIP_EXPIRED("Membership expired"),
    /** The membership was cancelled. */
    MEMBERSHIP_CANCELLED("Membership cancelled"),
    /** The class pack is used up and nothing was booked today. */
    NO_CREDITS_LEFT("No credits left"),
    /** The scanned code is not a valid Spotter member card. */
    QR_INVALID("This code is not a valid member card"),
    /** The card was replaced by a newer one (lost, stolen or reissued). */
    QR_REVOKED("This member card is no longer valid"),
    /** The PIN does not match. */
    PIN_WRONG("Wrong PIN"),
    /** Too many wrong PINs; the PIN is locked until staff unlock it. */
    PIN_LOCKED("PIN locked, please ask at the desk"),
    /** No member with that card, PIN or name is known here. */
    UNKNOWN_MEMBER("Member not found");

    private final String message;

    CheckInReason(String message) {
        this.message = message;
    }

    /** A short English sentence for the kiosk screen. */
    public String message() {
        return message;
    }

    /** Whether this reason lets the member in. */
    public boolean admits() {
        return this == OK || this == ON_GRACE;
    }
}
