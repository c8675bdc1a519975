package app.spotter.client.staff;

/** A staff login the desk turns away; {@link #reason()} is a stable code for the screen. */
public final class LoginRefused extends RuntimeException {

    public enum Reason {
        /** The server (or, offline, the cached hash) did not accept the e-mail and password. */
        WRONG_CREDENTIALS,
        /** Offline, and this person never logged in at this desk while it was online. */
        UNKNOWN_OFFLINE,
        /** Offline, and the last online login here is older than the desk allows (14 days by default). */
        EXPIRED_OFFLINE,
        /** Members have no business at the desk's staff screens. */
        NOT_STAFF,
        /** The password was right, and this staff member uses a second factor: ask for the code. */
        TOTP_REQUIRED,
        /**
         * The server slows guessing at this account or from this desk (429): wait and try again. The
         * cached hash is not asked instead, or guessing at the desk would have no limit.
         */
        TOO_MANY_ATTEMPTS
    }

    private final Reason reason;

    public LoginRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
