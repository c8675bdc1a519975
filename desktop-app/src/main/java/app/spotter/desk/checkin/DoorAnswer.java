package app.spotter.desk.checkin;

import app.spotter.model.checkin.CheckInReason;
import java.util.Locale;

/**
 * What the large green or red panel shows.
 *
 * @param name the member's full name, null when the code named nobody
 * @param planName null when unknown
 * @param credits credits left, null for plans without credits
 */
public record DoorAnswer(boolean admitted, CheckInReason reason, String name, String planName, Integer credits) {

    /** "AL" for Ada Lovelace; "?" for an unknown member. */
    public String initials() {
        return initialsOf(name);
    }

    /**
     * The avatar of a member wherever the desk shows one (the door's answer, the member pane): members
     * have no photo on record, so every screen shows the same initials.
     */
    public static String initialsOf(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        StringBuilder initials = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            initials.append(part.substring(0, 1).toUpperCase(Locale.ROOT));
        }
        return initials.length() > 2 ? "" + initials.charAt(0) + initials.charAt(initials.length() - 1)
                : initials.toString();
    }
}
