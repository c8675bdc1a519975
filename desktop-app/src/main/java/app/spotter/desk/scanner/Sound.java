package app.spotter.desk.scanner;

/** What the scanner station says with sound; the member hears it before reading the screen. */
public enum Sound {
    /** A high, short beep: come in. */
    ADMITTED,
    /** A low double buzz: look at the screen, or ask at the desk. */
    REFUSED
}
