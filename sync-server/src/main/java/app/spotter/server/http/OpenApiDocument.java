package app.spotter.server.http;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3 description of every registered route, built from the route list itself (so it
 * cannot drift from what the server serves) and the shared-model records each route declares.
 */
public final class OpenApiDocument {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OpenApiDocument() {
    }

    public static ObjectNode build(List<Endpoint> endpoints, String version) {
        ObjectNode root = F.objectNode();
        root.put("openapi", "3.0.3");
        ObjectNode info = root.putObject("info");
        info.put("title", "Spotter sync server API");
        info.put("version", version);
        info.put("description", "Gym front desk: /api/v1 for staff and members (camelCase JSON), and the "
                + "fitness-studio API under /api/ (snake_case JSON, trailing slashes). Every error has the "
                + "shape {code, message, field}.");
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearerAuth");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        ObjectNode paths = root.putObject("paths");

        for (Endpoint e : endpoints) {
            boolean snake = e.path().startsWith("/api/") && !e.path().startsWith("/api/v1/");
            SchemaWriter writer = new SchemaWriter(schemas, snake);
            writer.define(app.spotter.model.api.ApiError.class);
            ObjectNode item = paths.has(e.path()) ? (ObjectNode) paths.get(e.path()) : paths.putObject(e.path());
            ObjectNode op = item.putObject(e.method().name().toLowerCase(java.util.Locale.ROOT));
            op.put("summary", e.summary());
            op.put("operationId", operationId(e));
            op.putArray("tags").add(tag(e.path()));
            ArrayNode params = F.arrayNode();
            Matcher m = PATH_PARAM.matcher(e.path());
            while (m.find()) {
                ObjectNode p = params.addObject();
                p.put("name", m.group(1));
                p.put("in", "path");
                p.put("required", true);
                p.putObject("schema").put("type", "string");
            }
            if (!params.isEmpty()) {
                op.set("parameters", params);
            }
            if (e.access() instanceof Access.Public) {
                op.putArray("security");
            } else {
                op.putArray("security").addObject().putArray("bearerAuth");
                String who = switch (e.access()) {
                    case Access.AnyOf a -> "Requires one of the permissions " + a.permissions() + ".";
                    case Access.Device d -> "Requires a device token of an enrolled device.";
                    default -> "Requires a logged-in user.";
                };
                op.put("description", who);
            }
            if (e.requestType() != null) {
                ObjectNode body = op.putObject("requestBody");
                body.put("required", true);
                body.putObject("content").putObject("application/json").set("schema", writer.ref(e.requestType()));
            }
            ObjectNode responses = op.putObject("responses");
            ObjectNode ok = responses.putObject(String.valueOf(e.successStatus()));
            ok.put("description", "Success");
            if (e.eventStream()) {
                ok.put("description", "A server-sent event stream");
                ok.putObject("content").putObject("text/event-stream").putObject("schema").put("type", "string");
            } else if (e.responseType() != null) {
                ObjectNode schema = e.responseIsList()
                        ? arrayOf(writer.ref(e.responseType()))
                        : writer.ref(e.responseType());
                ok.putObject("content").putObject("application/json").set("schema", schema);
            }
            for (int status : new int[] {400, 401, 403, 404, 409, 413, 422, 429, 503}) {
                if ((status == 401 || status == 403) && e.access() instanceof Access.Public
                        || status == 413 && e.requestType() == null
                        || (status == 429 || status == 503) && !e.isThrottled()) {
                    continue;
                }
                ObjectNode err = responses.putObject(String.valueOf(status));
                err.put("description", switch (status) {
                    case 400 -> "Invalid input (VALIDATION_FAILED, UNKNOWN_FIELD, MALFORMED_JSON)";
                    case 401 -> "Not logged in or token expired";
                    case 403 -> "The caller's role or ownership does not allow this (FORBIDDEN)";
                    case 404 -> "Unknown id (NOT_FOUND)";
                    case 409 -> "Conflicts with current state (e.g. SLOT_FULL, ALREADY_BOOKED, OVERLAPPING_BOOKING)";
                    case 413 -> "The body is over this route's limit, however it is sent (PAYLOAD_TOO_LARGE)";
                    case 429 -> "Too many wrong attempts (TOO_MANY_ATTEMPTS, ACCOUNT_LOCKED); wait Retry-After seconds";
                    case 503 -> "Too many password checks at once (SERVER_BUSY); wait Retry-After seconds";
                    default -> "A rule refuses it (e.g. SLOT_EXPIRED, MEMBERSHIP_FROZEN, NO_CREDITS_LEFT)";
                });
                err.putObject("content").putObject("application/json").set("schema", writer.ref(app.spotter.model.api.ApiError.class));
            }
        }
        return root;
    }

    private static ObjectNode arrayOf(ObjectNode items) {
        ObjectNode a = F.objectNode();
        a.put("type", "array");
        a.set("items", items);
        return a;
    }

    private static String tag(String path) {
        String[] parts = path.split("/");
        if (path.startsWith("/api/v1/") && parts.length > 3) {
            return parts[3];
        }
        return path.startsWith("/api/") ? "fitness-studio" : "meta";
    }

    private static String operationId(Endpoint e) {
        String cleaned = e.path().replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "_");
        return e.method().name().toLowerCase(java.util.Locale.ROOT) + cleaned;
    }

    /** JSON schemas of records by reflection, in the wire naming of the endpoint's dialect. */
    private static final class SchemaWriter {
        private final ObjectNode schemas;
        private final boolean snake;

        SchemaWriter(ObjectNode schemas, boolean snake) {
            this.schemas = schemas;
            this.snake = snake;
        }

        ObjectNode ref(Class<?> type) {
            ObjectNode inline = simple(type);
            if (inline != null) {
                return inline;
            }
            String name = define(type);
            ObjectNode r = F.objectNode();
            r.put("$ref", "#/components/schemas/" + name);
            return r;
        }

        String define(Class<?> type) {
            String name = (snake ? "Studio" : "") + schemaName(type);
            if (schemas.has(name)) {
                return name;
            }
            ObjectNode s = schemas.putObject(name);
            s.put("type", "object");
            if (type.isRecord()) {
                ObjectNode props = s.putObject("properties");
                for (RecordComponent c : type.getRecordComponents()) {
                    String prop = c.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonProperty.class)
                            ? c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class).value()
                            : snake ? PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(c.getName()) : c.getName();
                    props.set(prop, of(c.getGenericType()));
                }
            }
            return name;
        }

        private static String schemaName(Class<?> type) {
            Class<?> outer = type.getEnclosingClass();
            return (outer == null ? "" : outer.getSimpleName().replace("Api", "")) + type.getSimpleName();
        }

        private ObjectNode of(Type t) {
            if (t instanceof ParameterizedType p) {
                Class<?> raw = (Class<?>) p.getRawType();
                Type[] args = p.getActualTypeArguments();
                if (Collection.class.isAssignableFrom(raw)) {
                    return arrayOf(of(args[0]));
                }
                if (Optional.class.equals(raw)) {
                    return of(args[0]);
                }
                if (Map.class.isAssignableFrom(raw)) {
                    ObjectNode o = F.objectNode();
                    o.put("type", "object");
                    o.set("additionalProperties", of(args[1]));
                    return o;
                }
                return of(raw);
            }
            if (t instanceof WildcardType w) {
                return of(w.getUpperBounds()[0]);
            }
            if (t instanceof Class<?> c) {
                ObjectNode simple = simple(c);
                return simple != null ? simple : ref(c);
            }
            return F.objectNode();
        }

        private static ObjectNode simple(Class<?> c) {
            ObjectNode o = F.objectNode();
            if (c == String.class || c == ZoneId.class || c == Currency.class || c == char.class) {
                o.put("type", "string");
            } else if (c == int.class || c == Integer.class || c == short.class) {
                o.put("type", "integer");
                o.put("format", "int32");
            } else if (c == long.class || c == Long.class) {
                o.put("type", "integer");
                o.put("format", "int64");
            } else if (c == double.class || c == Double.class || c == float.class || c == java.math.BigDecimal.class) {
                o.put("type", "number");
            } else if (c == boolean.class || c == Boolean.class) {
                o.put("type", "boolean");
            } else if (c == UUID.class || isIdWrapper(c)) {
                o.put("type", "string");
                o.put("format", "uuid");
            } else if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
                o.put("type", "string");
                o.put("format", "date-time");
            } else if (c == LocalDate.class) {
                o.put("type", "string");
                o.put("format", "date");
            } else if (c == LocalTime.class) {
                o.put("type", "string");
                o.put("example", "18:00");
            } else if (c.isEnum()) {
                o.put("type", "string");
                ArrayNode values = o.putArray("enum");
                Arrays.stream(c.getEnumConstants()).forEach(v -> values.add(v.toString()));
            } else if (com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(c) || c == Object.class) {
                // free-form JSON (audit snapshots)
                return o;
            } else if (hasJsonValue(c)) {
                o.put("type", "string");
            } else if (Collection.class.isAssignableFrom(c) || c.isArray()) {
                o.put("type", "array");
                o.putObject("items");
            } else {
                return null;
            }
            return o;
        }

        private static boolean isIdWrapper(Class<?> c) {
            return c.isRecord() && c.getRecordComponents().length == 1
                    && c.getRecordComponents()[0].getType() == UUID.class && c.getSimpleName().endsWith("Id");
        }

        private static boolean hasJsonValue(Class<?> c) {
            return Arrays.stream(c.getMethods()).anyMatch(m -> m.isAnnotationPresent(JsonValue.class));
        }
    }

    /** Serialized once; routes don't change after start. */
    public static String render(List<Endpoint> endpoints, String version, ObjectMapper mapper) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(build(endpoints, version));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
