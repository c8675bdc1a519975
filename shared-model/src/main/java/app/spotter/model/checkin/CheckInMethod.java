package app.spotter.model.checkin;

/** How a member identified themselves at the door. */
public enum CheckInMethod {
    /** Scanned the signed QR code of their member card. */
    QR,
    /** Typed their PIN at the kiosk. */
    PIN,
    /** Let in by a staff member at the desk. */
    STAFF
}
