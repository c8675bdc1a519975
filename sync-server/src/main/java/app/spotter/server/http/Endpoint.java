package app.spotter.server.http;

import io.javalin.http.HandlerType;

/** A registered route with its access rule: the list the OpenAPI document and the role matrix test walk. */
public record Endpoint(HandlerType method, String path, Access access, String summary) {
}
