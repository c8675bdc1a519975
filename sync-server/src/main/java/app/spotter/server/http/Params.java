package app.spotter.server.http;

import app.spotter.server.auth.Caller;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Typed reading of path and query parameters, each failure a 400 that names the parameter. */
public final class Params {

    private Params() {
    }

    public static UUID uuid(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(name, "'" + raw + "' is not a valid id");
        }
    }

    public static <T> T id(Context ctx, String name, Function<UUID, T> wrap) {
        return wrap.apply(uuid(ctx, name));
    }

    public static Optional<String> query(Context ctx, String name) {
        Optional<String> value = Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
        if (value.isPresent() && !InputBounds.storable(value.get())) {
            throw ApiException.validation(name, name + " must not contain NUL characters");
        }
        return value;
    }

    public static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        Optional<String> raw = query(ctx, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.get());
            if (v < min || v > max) {
                throw ApiException.validation(name, name + " must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.validation(name, name + " must be a whole number");
        }
    }

    public static Optional<LocalDate> dateQuery(Context ctx, String name) {
        return query(ctx, name).map(raw -> {
            try {
                return InputBounds.require(name, LocalDate.parse(raw));
            } catch (DateTimeParseException e) {
                throw ApiException.validation(name, name + " must be a date like 2026-03-29");
            }
        });
    }

    public static Optional<Instant> instantQuery(Context ctx, String name) {
        return query(ctx, name).map(raw -> {
            try {
                return InputBounds.require(name, OffsetDateTime.parse(raw).toInstant());
            } catch (DateTimeParseException e) {
                throw ApiException.validation(name, name + " must be an ISO-8601 time with offset");
            }
        });
    }

    /**
     * The zone to answer in: {@code ?tz=Area/City}, else the caller's profile zone, else the fallback
     * (the location's zone or the server's default).
     */
    public static ZoneId responseZone(Context ctx, ZoneId fallback) {
        Optional<String> tz = query(ctx, "tz");
        if (tz.isPresent()) {
            try {
                return ZoneId.of(tz.get());
            } catch (DateTimeException e) {
                throw ApiException.validation("tz", "Unknown time zone '" + tz.get() + "' (use an Area/City id such as Europe/Berlin)");
            }
        }
        return Caller.optional(ctx).flatMap(Caller::zone).orElse(fallback);
    }
}
