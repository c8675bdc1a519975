package app.spotter.server.http;

import app.spotter.model.access.Permission;
import app.spotter.server.auth.Authenticator;
import app.spotter.server.auth.Caller;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Registers every route together with its access rule, so no endpoint can exist without one.
 * The authenticator runs before the handler; handlers get the caller from {@link Caller#of}.
 */
public final class Routes {

    private final Javalin app;
    private final Authenticator authenticator;
    private final List<Endpoint> endpoints = new ArrayList<>();

    public Routes(Javalin app, Authenticator authenticator) {
        this.app = app;
        this.authenticator = authenticator;
    }

    public Endpoint get(String path, Access access, String summary, Handler handler) {
        return add(HandlerType.GET, path, access, summary, handler);
    }

    public Endpoint post(String path, Access access, String summary, Handler handler) {
        return add(HandlerType.POST, path, access, summary, handler);
    }

    public Endpoint put(String path, Access access, String summary, Handler handler) {
        return add(HandlerType.PUT, path, access, summary, handler);
    }

    public Endpoint delete(String path, Access access, String summary, Handler handler) {
        return add(HandlerType.DELETE, path, access, summary, handler);
    }

    /**
     * A server-sent event stream (GET) with its access rule; the rule is checked before the stream
     * opens, so a refused caller gets the usual error body.
     */
    public Endpoint sse(String path, Access access, String summary, java.util.function.Consumer<io.javalin.http.sse.SseClient> client) {
        return add(HandlerType.GET, path, access, summary, new io.javalin.http.sse.SseHandler(client)).streamsEvents();
    }

    private Endpoint add(HandlerType method, String path, Access access, String summary, Handler handler) {
        Endpoint endpoint = new Endpoint(method, path, access, summary);
        endpoints.add(endpoint);
        app.addHttpHandler(method, path, ctx -> {
            // One limit however the body comes: a declared length is checked before reading; a chunked
            // body is read now through RequestGuard's stream, which stops one byte past the limit.
            ctx.req().setAttribute(RequestGuard.MAX_BODY, endpoint.maxBodyBytes());
            if (ctx.contentLength() > endpoint.maxBodyBytes()) {
                throw RequestGuard.tooLarge(endpoint.maxBodyBytes());
            }
            // Who calls is checked before a chunked body is read: a stranger cannot make the server hold
            // a 2 MiB push body per connection.
            check(ctx, access);
            if (ctx.contentLength() < 0) {
                ctx.bodyAsBytes();
            }
            handler.handle(ctx);
        });
        return endpoint;
    }

    private void check(Context ctx, Access access) {
        switch (access) {
            case Access.Public p -> authenticator.authenticateIfPresent(ctx);
            case Access.Authenticated a -> authenticator.authenticate(ctx);
            case Access.Device d -> authenticator.authenticateDevice(ctx);
            case Access.AnyOf anyOf -> {
                Caller caller = authenticator.authenticate(ctx);
                boolean allowed = false;
                for (Permission p : anyOf.permissions()) {
                    allowed |= caller.can(p);
                }
                if (!allowed) {
                    throw ApiException.forbidden();
                }
            }
        }
    }

    public List<Endpoint> endpoints() {
        return Collections.unmodifiableList(endpoints);
    }
}
