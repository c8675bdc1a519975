package app.spotter.model.api;

import java.util.Objects;

/**
 * The one error body of the whole API: every failure, from a refused booking to a malformed
 * request, answers with this shape.
 *
 * @param code a stable machine-readable code, e.g. {@code SLOT_FULL} or {@code MEMBERSHIP_FROZEN}
 * @param message a sentence for people, in English
 * @param field the request field the error is about, or null when it is about the whole request
 */
public record ApiError(String code, String message, String field) {

    /**
     * Rejects a missing or blank code and a missing message.
     *
     * @throws IllegalArgumentException if the code is blank
     */
    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isBlank()) {
            throw new IllegalArgumentException("An error needs a code");
        }
    }

    /** An error about the whole request. */
    public static ApiError of(String code, String message) {
        return new ApiError(code, message, null);
    }

    /** An error about one field of the request. */
    public static ApiError onField(String code, String message, String field) {
        return new ApiError(code, message, Objects.requireNonNull(field, "field"));
    }
}
