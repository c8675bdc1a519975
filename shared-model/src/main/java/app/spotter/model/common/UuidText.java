package app.spotter.model.common;

import java.util.Locale;
import java.util.UUID;

/** Reads the canonical text form of a UUID, the only form ids take on the wire. */
final class UuidText {

    private UuidText() {
    }

    /**
     * Parses the canonical 8-4-4-4-12 form, in either case.
     *
     * <p>{@link UUID#fromString} also accepts short forms such as {@code 1-2-3-4-5}; those would
     * give one id two spellings, so they are refused here.
     *
     * @throws IllegalArgumentException if the text is null or not a canonical UUID
     */
    static UUID parse(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            UUID uuid = UUID.fromString(text);
            if (text.length() == 36 && uuid.toString().equals(text.toLowerCase(Locale.ROOT))) {
                return uuid;
            }
        } catch (IllegalArgumentException notAUuid) {
            // Falls through to the one message below.
        }
        throw new IllegalArgumentException(what + " is not a UUID: " + text);
    }
}
