package app.spotter.server.http;

import io.javalin.http.HandlerType;

/**
 * A registered route with its access rule: the list the OpenAPI document and the role matrix test
 * walk. {@code accepts} and {@code returns} name the shared-model records of its body, when declared.
 */
public final class Endpoint {

    private final HandlerType method;
    private final String path;
    private final Access access;
    private final String summary;
    private Class<?> requestType;
    private Class<?> responseType;
    private boolean responseIsList;
    private int successStatus = 200;
    private long maxBodyBytes = DEFAULT_MAX_BODY;

    /** Request bodies above this are refused with 413, unless an endpoint allows more. */
    public static final long DEFAULT_MAX_BODY = 64 * 1024;
    /** What any endpoint may allow at most (the server's hard limit). */
    public static final long HARD_MAX_BODY = 8 * 1024 * 1024;
    private boolean eventStream;
    private boolean throttled;

    Endpoint(HandlerType method, String path, Access access, String summary) {
        this.method = method;
        this.path = path;
        this.access = access;
        this.summary = summary;
    }

    /** Allows bodies up to this size (a desk's push batch after a long outage). */
    public Endpoint acceptsUpTo(long bytes) {
        if (bytes > HARD_MAX_BODY) {
            throw new IllegalArgumentException("At most " + HARD_MAX_BODY + " bytes");
        }
        this.maxBodyBytes = bytes;
        return this;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Declares the JSON body this endpoint reads. */
    public Endpoint accepts(Class<?> type) {
        this.requestType = type;
        return this;
    }

    /** Declares the JSON body this endpoint answers with, and its success status. */
    public Endpoint returns(int status, Class<?> type) {
        this.successStatus = status;
        this.responseType = type;
        return this;
    }

    /** Declares that this endpoint answers with a JSON array of the given record. */
    public Endpoint returnsListOf(Class<?> type) {
        this.responseType = type;
        this.responseIsList = true;
        return this;
    }

    /** Declares that this endpoint answers with a server-sent event stream (text/event-stream). */
    Endpoint streamsEvents() {
        this.eventStream = true;
        return this;
    }

    public boolean eventStream() {
        return eventStream;
    }

    /** Declares that this endpoint slows guessing (429 with Retry-After) and hashes a secret (503 when busy). */
    public Endpoint throttled() {
        this.throttled = true;
        return this;
    }

    public boolean isThrottled() {
        return throttled;
    }

    public HandlerType method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Access access() {
        return access;
    }

    public String summary() {
        return summary;
    }

    public Class<?> requestType() {
        return requestType;
    }

    public Class<?> responseType() {
        return responseType;
    }

    public boolean responseIsList() {
        return responseIsList;
    }

    public int successStatus() {
        return successStatus;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
