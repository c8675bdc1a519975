package app.spotter.desk.kiosk;

import app.spotter.client.staff.PasswordHashes;

/**
 * The manager PIN that unlocks a kiosk, kept on the desk only as a salted PBKDF2 hash (the same
 * {@link PasswordHashes} as cached staff logins) so that reading the desk's settings does not reveal it.
 */
public final class ManagerPin {

    private final String hash;

    private ManagerPin(String hash) {
        this.hash = hash;
    }

    public static ManagerPin of(String pin) {
        return new ManagerPin(PasswordHashes.hash(pin));
    }

    public static ManagerPin parse(String stored) {
        if (stored == null || !stored.startsWith("pbkdf2-sha256$")) {
            throw new IllegalArgumentException("Not a stored manager PIN");
        }
        return new ManagerPin(stored);
    }

    public String stored() {
        return hash;
    }

    public boolean matches(String pin) {
        return pin != null && !pin.isEmpty() && PasswordHashes.matches(pin, hash);
    }
}
