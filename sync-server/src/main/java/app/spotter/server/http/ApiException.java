package app.spotter.server.http;

/**
 * A refusal with a stable machine-readable code, turned into the one error body
 * {@code {"code","message","field"}} by {@link ErrorHandling}. Services throw it; handlers don't catch it.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    /** Seconds a refused caller should wait before trying again (a Retry-After header); 0 when none. */
    private final long retryAfterSeconds;

    public ApiException(int status, String code, String message, String field) {
        this(status, code, message, field, 0);
    }

    private ApiException(int status, String code, String message, String field, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A refusal that says when to come back: its answer carries a Retry-After header. */
    public static ApiException retryLater(int status, String code, String message, long retryAfterSeconds) {
        return new ApiException(status, code, message, null, Math.max(1, retryAfterSeconds));
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

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
