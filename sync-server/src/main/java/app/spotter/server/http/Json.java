package app.spotter.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

/**
 * The JSON dialects of the server: camelCase for {@code /api/v1}, snake_case for the
 * fitness-studio API. Both refuse unknown fields and wrong types (400, never a 500).
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper camelCase() {
        return base().build();
    }

    public static ObjectMapper snakeCase() {
        return base().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    }

    private static JsonMapper.Builder base() {
        JsonMapper.Builder b = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(100_000).build())
                        .build())
                .addModule(new JavaTimeModule())
                .addModule(InputBounds.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // a number or true where text goes is a wrong type, not the text "12345"
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        return b;
    }

    /** Reads the request body as the given record; an empty body is a 400, not a null. */
    public static <T> T read(Context ctx, ObjectMapper mapper, Class<T> type) {
        return read(ctx, mapper.readerFor(type), type);
    }

    /**
     * Reads a desk's push: dates outside {@link InputBounds} pass the reader, so the push can refuse
     * exactly the operation that carries one (REJECTED once) instead of the whole batch for ever.
     */
    public static <T> T readPush(Context ctx, ObjectMapper mapper, Class<T> type) {
        return read(ctx, mapper.readerFor(type).withAttribute(InputBounds.UNBOUNDED_DATES, true), type);
    }

    private static <T> T read(Context ctx, ObjectReader reader, Class<T> type) {
        String body = ctx.body();
        if (body == null || body.isBlank()) {
            throw new ApiException(400, "MALFORMED_JSON", "A JSON request body is required");
        }
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw new ApiException(400, "MALFORMED_JSON", "A JSON object is required");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ErrorHandling.fromJson(e);
        }
    }
}
