package app.spotter.server.http;

/**
 * A refusal with a stable machine-readable code, turned into the one error body
 * {@code {"code","message","field"}} by {@link ErrorHandling}. Services throw it; handlers don't catch it.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(400, "VALIDATION_FAILED", message, field);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what + " not found");
    }

    public static ApiException forbidden() {
        return new ApiException(403, "FORBIDDEN", "You are not allowed to do this");
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
