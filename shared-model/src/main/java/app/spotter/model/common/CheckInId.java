package app.spotter.model.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a check-in: one recorded entry decision at a desk, kiosk or scanner.
 *
 * <p>On the wire it is a plain UUID string, so the desk and the server agree on ids without
 * wrapping objects.
 *
 * @param value the UUID, never null
 */
public record CheckInId(UUID value) {

    /** Rejects a missing UUID, so an id is never half made. */
    public CheckInId {
        Objects.requireNonNull(value, "CheckInId value");
    }

    /** A new random id; desks mint ids offline, so ids never come from a database sequence. */
    public static CheckInId random() {
        return new CheckInId(UUID.randomUUID());
    }

    /**
     * Parses a UUID string.
     *
     * @throws IllegalArgumentException if the text is null or not a UUID
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CheckInId of(String text) {
        return new CheckInId(UuidText.parse(text, "CheckInId"));
    }

    /** The UUID string, which is also the JSON form. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
