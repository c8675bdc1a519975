package app.spotter.server.http;

import app.spotter.model.api.ApiError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where every failure becomes the same JSON error body. Never a stack trace. */
public final class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    public static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            write(ctx, e.status(), e.code(), e.getMessage(), e.field());
        });
        app.exception(JsonProcessingException.class, (e, ctx) -> {
            ApiException mapped = fromJson(e);
            write(ctx, mapped.status(), mapped.code(), mapped.getMessage(), mapped.field());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String code = switch (status) {
                case 400 -> "BAD_REQUEST";
                case 401 -> "UNAUTHORIZED";
                case 403 -> "FORBIDDEN";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 413 -> "PAYLOAD_TOO_LARGE";
                default -> "HTTP_" + status;
            };
            write(ctx, status, code, e.getMessage(), null);
        });
        app.exception(Exception.class, (e, ctx) -> {
            ApiException constraint = fromConstraint(e);
            if (constraint != null) {
                write(ctx, constraint.status(), constraint.code(), constraint.getMessage(), constraint.field());
                return;
            }
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "INTERNAL_ERROR", "Something went wrong on the server; nothing was changed", null);
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, 404, "NOT_FOUND", "No such endpoint: " + ctx.method() + " " + ctx.path(), null);
            }
        });
        app.error(405, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, 405, "METHOD_NOT_ALLOWED", "Method not allowed here", null);
            }
        });
    }

    /**
     * Jetty's own answers (a request it cannot parse: a NUL in the path, a bad chunk, headers too
     * large) in the same error body instead of its HTML page.
     */
    public static org.eclipse.jetty.server.handler.ErrorHandler jettyErrors() {
        return new org.eclipse.jetty.server.handler.ErrorHandler() {
            @Override
            public java.nio.ByteBuffer badMessageError(int status, String reason,
                                                       org.eclipse.jetty.http.HttpFields.Mutable fields) {
                fields.put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json");
                return java.nio.ByteBuffer.wrap(body(status).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            protected void generateAcceptableResponse(org.eclipse.jetty.server.Request baseRequest,
                                                      jakarta.servlet.http.HttpServletRequest request,
                                                      jakarta.servlet.http.HttpServletResponse response, int code,
                                                      String message) throws java.io.IOException {
                baseRequest.setHandled(true);
                response.setContentType("application/json");
                response.getOutputStream().write(body(code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }

            private static String body(int status) {
                String code = switch (status) {
                    case 413 -> "PAYLOAD_TOO_LARGE";
                    case 414 -> "URI_TOO_LONG";
                    case 431 -> "HEADERS_TOO_LARGE";
                    default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
                };
                return "{\"code\":\"" + code + "\",\"message\":\"The request could not be read\",\"field\":null}";
            }
        };
    }

    public static void write(Context ctx, int status, String code, String message, String field) {
        ctx.status(status).json(new ApiError(code, message, field));
    }

    static ApiException fromJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new ApiException(400, "UNKNOWN_FIELD", "Unknown field '" + u.getPropertyName() + "'", path(u));
        }
        if (e instanceof InvalidFormatException f) {
            return new ApiException(400, "VALIDATION_FAILED",
                    "Wrong value for this field: expected " + f.getTargetType().getSimpleName(), path(f));
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            return new ApiException(400, "VALIDATION_FAILED",
                    field == null ? "The request body has the wrong shape" : "Wrong type for this field", field);
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae) {
            return new ApiException(400, "VALIDATION_FAILED", iae.getMessage(), path(m));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof ApiException api) {
            return api;
        }
        return new ApiException(400, "MALFORMED_JSON", "The request body is not valid JSON", null);
    }

    private static String path(JsonMappingException e) {
        if (e.getPath() == null || e.getPath().isEmpty()) {
            return null;
        }
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** A unique or exclusion constraint fired: someone else got there first. */
    static ApiException fromConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve) {
                String name = cve.getConstraintName() == null ? "" : cve.getConstraintName().toLowerCase();
                if (name.contains("no_overlap")) {
                    return ApiException.conflict(name.contains("booking") ? "OVERLAPPING_BOOKING" : "OVERLAPPING_SLOT",
                            "That overlaps another booking");
                }
                if (name.contains("one_active_per_member")) {
                    return ApiException.conflict("ALREADY_BOOKED", "Already booked on this slot");
                }
                return ApiException.conflict("CONFLICT", "That conflicts with existing data");
            }
        }
        return null;
    }
}
