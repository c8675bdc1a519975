package app.spotter.model.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a staff user or a member who logs in.
 *
 * <p>On the wire it is a plain UUID string, so the desk and the server agree on ids without
 * wrapping objects.
 *
 * @param value the UUID, never null
 */
public record UserId(UUID value) {

    /** Rejects a missing UUID, so an id is never half made. */
    public UserId {
        Objects.requireNonNull(value, "UserId value");
    }

    /** A new random id; desks mint ids offline, so ids never come from a database sequence. */
    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /**
     * Parses a UUID string.
     *
     * @throws IllegalArgumentException if the text is null or not a UUID
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static UserId of(String text) {
        return new UserId(UuidText.parse(text, "UserId"));
    }

    /** The UUID string, which is also the JSON form. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
