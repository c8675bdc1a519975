package app.spotter.model.sync;

/** What an enrolled device is used for. */
public enum DeviceKind {
    FRONT_DESK, KIOSK, SCANNER
}
