package app.spotter.client.sync;

/**
 * The server could not be reached or answered with an error; the desk keeps working offline and
 * tries again later. {@code status} is the HTTP status, or 0 when there was no answer at all.
 */
public final class ServerUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ServerUnavailable(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
