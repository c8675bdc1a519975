package app.spotter.server.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every route of the server's own OpenAPI document, walked with generated bad input as a stranger,
 * a member, an admin and (for the sync routes) an enrolled device. Each answer must be a 4xx with
 * the one error body and a stable upper-case code, and the database must be exactly as before.
 * Nothing here names a route: a route added later is fuzzed as soon as it is in the document.
 *
 * <p>What is generated (decision 0017): bodies that are malformed JSON, empty, not an object,
 * nested past the parser's limit, or a plausible body of the declared record with exactly one thing
 * wrong (an unknown field, a wrong type, a 20,000-character string, a NUL character, a date outside
 * 1900-2200, a number at or past the limits of its type, a null inside a list, a list where an object
 * goes); path ids that are not UUIDs or are unknown; query parameters with bad dates, numbers, ids
 * and NUL characters. A query parameter a route does not read is ignored (a 2xx is fine there, the
 * document does not list query parameters); everything else must be refused.
 *
 * <p>The seed is printed; replay one with {@code -Dspotter.fuzz.seed=N}, and widen a run with
 * {@code -Dspotter.fuzz.cases=N} (cases per route for the route's own role).
 *
 * <p>Left out of the database fingerprint, because a refused request may change them: columns and
 * tables that count refusals ({@link #EXCLUDED_COLUMNS}: a device's last contact, a member's failed
 * PIN attempts and lockout), throttle and lockout tables of failed logins and enrollments (any table
 * whose name has {@code throttle}, {@code attempt} or {@code lockout}), and the audit entries of
 * refused logins, enrollments and PINs (actions ending in {@code _FAILED}, {@code _REFUSED},
 * {@code _THROTTLED} or {@code _LOCKED}).
 */
class ApiFuzzTest extends ServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> EXCLUDED_COLUMNS = Set.of(
            "device.last_seen_at", "member.pin_failed_attempts", "member.pin_locked_until");
    private static final Pattern EXCLUDED_TABLES = Pattern.compile(".*(throttle|attempt|lockout).*");
    private static final Pattern EXCLUDED_AUDIT = Pattern.compile(".*_(FAILED|REFUSED|THROTTLED|LOCKED)");
    private static final List<String> QUERY_NAMES = List.of("date", "from", "to", "before", "after", "heldUntil",
            "limit", "locationId", "memberId", "slotId", "status", "tz", "q", "type", "day", "page");
    /** A text field that holds a date or time by its name (startTime, start_date, createdAt, from). */
    private static final Pattern DATE_NAME = Pattern.compile(
            ".*(Date|Time|At|On|_date|_time|_at|_on)|date|time|from|to|until|day|on");
    private static final String HUGE = "x".repeat(20_000);

    private enum As { ANONYMOUS, MEMBER, ADMIN, DEVICE }

    private record Route(String method, String path, List<String> pathParams, JsonNode bodySchema, As own,
                         boolean eventStream) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private record Sent(String method, String path, String body, As as) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "...(" + body.length() + ")" : body;
            return method.toUpperCase(Locale.ROOT) + " " + (path.length() > 300 ? path.substring(0, 300) + "..." : path)
                    + " as " + as + " " + shown;
        }
    }

    private JsonNode schemas;
    private RandomGenerator random;
    private final Map<As, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> validIds = new LinkedHashMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> failureKinds = new LinkedHashMap<>();
    private int requests;
    private int ignoredQueries;

    @Test
    void everyRouteRefusesBadInputWithTheErrorShapeAndChangesNothing() throws Exception {
        long seed = Long.getLong("spotter.fuzz.seed", System.nanoTime());
        int cases = Integer.getInteger("spotter.fuzz.cases", 40);
        random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        System.out.println("ApiFuzzTest on " + database + ": seed " + seed + " (-Dspotter.fuzz.seed=" + seed + ")");
        fixtures();
        Response doc = api.get("/openapi.json", null);
        assertTrue(doc.status() == 200, doc.toString());
        schemas = doc.body().path("components").path("schemas");
        List<Route> routes = routes(doc.body());
        assertTrue(routes.size() > 50, "the document lists the routes: " + routes.size());

        long started = System.nanoTime();
        String before = fingerprint();
        for (Route route : routes) {
            for (As as : As.values()) {
                if (as == As.DEVICE && route.own() != As.DEVICE) {
                    continue;
                }
                int n = as == route.own() ? cases : Math.max(2, cases / 6);
                if (route.eventStream() && as == As.DEVICE) {
                    continue; // a device's event stream stays open: only its refusals are fuzzed
                }
                fuzz(route, as, n);
            }
            String after = fingerprint();
            if (!after.equals(before)) {
                failures.add(route + ": the database changed\n  before " + before + "\n  after  " + after);
                before = after;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("ApiFuzzTest on %s: %d requests to %d routes in %d s, answers by status %s, "
                        + "%d query cases ignored by their route (2xx), seed %d%n",
                database, requests, routes.size(), took.toSeconds(), statuses, ignoredQueries, seed);
        assertTrue(failures.isEmpty(), failures.size() + " kinds of failure " + failureKinds + " (seed " + seed + ", replay with -Dspotter.fuzz.seed="
                + seed + "):\n" + String.join("\n", failures));
    }

    // ------------------------------------------------------------------ the routes, from the document

    private static List<Route> routes(JsonNode doc) {
        List<Route> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> o = ops.next();
                JsonNode op = o.getValue();
                List<String> params = new ArrayList<>();
                op.path("parameters").forEach(param -> {
                    if ("path".equals(param.path("in").asText())) {
                        params.add(param.path("name").asText());
                    }
                });
                JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
                As own = op.path("security").isEmpty() ? As.ANONYMOUS
                        : op.path("description").asText().contains("device token") ? As.DEVICE : As.ADMIN;
                boolean stream = op.path("responses").findValue("text/event-stream") != null;
                out.add(new Route(o.getKey(), p.getKey(), params, body.isMissingNode() ? null : body, own, stream));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ fixtures for valid path ids

    private void fixtures() {
        GymFixtures fx = new GymFixtures(server);
        String admin = server.login(Role.ADMIN);
        tokens.put(As.ADMIN, admin);
        GymFixtures.Member member = fx.memberWithUnlimitedPlan();
        tokens.put(As.MEMBER, member.token());
        UUID location = fx.location("Europe/Berlin");
        UUID session = fx.classSession(admin, location, 10);
        UUID slot = fx.slot(admin, session, Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3)), 60);
        Response booking = api.post("/api/v1/bookings", Map.of("slotId", slot, "memberId", member.memberId()), admin);
        UUID plan = fx.plan(app.spotter.model.membership.PlanKind.CLASS_PACK, 10);
        UUID membership = fx.membership(member.memberId(), plan, 5);
        String code = api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), admin).text("code");
        Response enrolled = api.post("/api/v1/devices/enroll", Map.of("pairingCode", code, "name", "Fuzz desk",
                "kind", "FRONT_DESK"), null);
        tokens.put(As.DEVICE, api.post("/api/v1/devices/token", Map.of("deviceId", enrolled.text("deviceId"),
                "deviceSecret", enrolled.text("deviceSecret")), null).text("accessToken"));
        // a path id is taken from the segment before it; an unknown segment gets an unknown id
        validIds.put("members", member.memberId().toString());
        validIds.put("locations", location.toString());
        validIds.put("sessions", session.toString());
        validIds.put("slots", slot.toString());
        validIds.put("bookings", booking.text("id") == null ? UUID.randomUUID().toString() : booking.text("id"));
        validIds.put("plans", plan.toString());
        validIds.put("memberships", membership.toString());
        validIds.put("devices", enrolled.text("deviceId"));
        validIds.put("roles", Role.TRAINER.name());
    }

    /** A fixture's id for a body field named like one ({@code planId}, {@code member_id}), or null. */
    private String fixtureFor(String field) {
        String f = field.replace("_id", "Id");
        if (!f.endsWith("Id") || f.length() < 3) {
            return null;
        }
        String kind = f.substring(0, f.length() - 2).toLowerCase(Locale.ROOT);
        if (kind.endsWith("session") || kind.endsWith("slot") || kind.endsWith("location") || kind.endsWith("member")) {
            kind = kind.replaceAll(".*(session|slot|location|member)$", "$1");
        }
        String id = validIds.get(kind + "s");
        return id == null || id.equals(Role.TRAINER.name()) ? null : id;
    }

    private String validParam(String path, String param) {
        String before = path.substring(0, path.indexOf("{" + param + "}"));
        String[] segments = before.split("/");
        String segment = segments.length == 0 ? "" : segments[segments.length - 1];
        return validIds.getOrDefault(segment, UUID.randomUUID().toString());
    }

    // ------------------------------------------------------------------ generating and sending

    private void fuzz(Route route, As as, int n) {
        boolean hasBody = route.bodySchema() != null;
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(10);
            if (!route.pathParams().isEmpty() && (pick < 3 || !hasBody && pick < 7)) {
                send(route, as, badPath(route), hasBody ? plausibleBody(route) : null, false);
            } else if (hasBody) {
                send(route, as, validPath(route), badBody(route), false);
            } else if (route.pathParams().isEmpty()) {
                if (as == route.own() && !"get".equals(route.method())) {
                    // the document lists no query parameters: a body-less POST with a stray one is a valid
                    // call that may change state by design (e.g. starting a TOTP enrolment), not bad input
                    continue;
                }
                send(route, as, route.path() + badQuery(), null, true);
            } else {
                send(route, as, badPath(route), null, false);
            }
        }
    }

    private void send(Route route, As as, String path, String body, boolean onlyQueryIsBad) {
        Sent sent = new Sent(route.method(), path, body, as);
        Response r;
        try {
            r = api.send(route.method().toUpperCase(Locale.ROOT), path, body, tokens.get(as));
        } catch (RuntimeException e) {
            failures.add(sent + " -> no answer: " + e);
            return;
        }
        requests++;
        statuses.merge(r.status(), 1, Integer::sum);
        if (r.status() < 300 && onlyQueryIsBad) {
            ignoredQueries++;
            return;
        }
        if (r.status() < 400 || r.status() >= 500) {
            fail(route + " -> " + r.status(), sent + " -> " + r.status() + " " + abbreviate(r.raw()));
            return;
        }
        JsonNode b = r.body();
        boolean shape = b.isObject() && b.size() == 3 && b.has("code") && b.has("message") && b.has("field")
                && CODE.matcher(b.path("code").asText()).matches() && b.path("message").isTextual()
                && (b.path("field").isNull() || b.path("field").isTextual());
        if (!shape || r.raw().contains("Exception") || r.raw().contains("\tat ")) {
            fail(route + " -> " + r.status() + " shape", sent + " -> " + r.status() + " without the error shape: "
                    + abbreviate(r.raw()));
        }
    }

    /** One example of each kind of failure (a route and a status), and how often it happened. */
    private void fail(String kind, String example) {
        if (failureKinds.merge(kind, 1, Integer::sum) == 1) {
            failures.add(example);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private String validPath(Route route) {
        String path = route.path();
        for (String p : route.pathParams()) {
            path = path.replace("{" + p + "}", validParam(route.path(), p));
        }
        return path;
    }

    private String badPath(Route route) {
        String path = route.path();
        String bad = route.pathParams().get(random.nextInt(route.pathParams().size()));
        for (String p : route.pathParams()) {
            path = path.replace("{" + p + "}", p.equals(bad) ? encode(pick(badIds())) : validParam(route.path(), p));
        }
        return path;
    }

    private static List<String> badIds() {
        return List.of("not-a-uuid", UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000", "1", "-1",
                "x".repeat(300), "null", " ", "\u0000", "ＡＢＣ", "' or 1=1 --", "+999999999-12-31",
                UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "0");
    }

    private String badQuery() {
        List<String> values = List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31", "2026-13-45",
                "+999999999-12-31T00:00:00Z", "99999999999999999999", "-1", "-2147483648", "abc", "not-a-uuid",
                "\u0000", "x".repeat(2000), "Mars/Olympus", "", "1e400", "NaN");
        StringBuilder q = new StringBuilder("?");
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            q.append(i == 0 ? "" : "&").append(pick(QUERY_NAMES)).append('=').append(encode(pick(values)));
        }
        return q.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    // ------------------------------------------------------------------ bodies

    private String plausibleBody(Route route) {
        return plausible(route.bodySchema(), 0).toString();
    }

    private String badBody(Route route) {
        int kind = random.nextInt(20);
        switch (kind) {
            case 0:
                return pick(List.of("{", "{\"a\":", "[}", "{\"a\" 1}", "nul", "\u0000", "{'a':1}", "{\"a\":1}}",
                        "\u00ff\u00fe", "{\"a\":01}", "{\"a\":\"\\uZZZZ\"}"));
            case 1:
                return "";
            case 2:
                return pick(List.of("[]", "[1,2]", "\"text\"", "42", "null", "true", "[{}]"));
            case 3:
                return "[".repeat(200) + "]".repeat(200);
            default:
                break;
        }
        ObjectNode root = F.objectNode();
        JsonNode plausible = plausible(route.bodySchema(), 0);
        if (!plausible.isObject()) {
            return "{\"fuzz\":" + plausible + "}";
        }
        root.setAll((ObjectNode) plausible);
        List<Target> targets = new ArrayList<>();
        collect(root, route.bodySchema(), targets, 0);
        if (kind == 4 || targets.isEmpty()) {
            Target t = targets.isEmpty() ? null : pick(targets);
            ObjectNode where = t != null && t.value() instanceof ObjectNode o && random.nextBoolean() ? o : root;
            where.put("fuzzUnknownField", 1);
            return root.toString();
        }
        Target t = pick(targets);
        JsonNode bad = badValue(t.schema(), t.name());
        t.set(bad);
        return root.toString();
    }

    /** A place in a body: its parent, its name or index, its schema. */
    private record Target(JsonNode parent, String name, int index, JsonNode schema, JsonNode value) {
        void set(JsonNode v) {
            if (parent instanceof ObjectNode o) {
                o.set(name, v);
            } else if (parent instanceof ArrayNode a) {
                a.set(index, v);
            }
        }
    }

    private void collect(JsonNode value, JsonNode schema, List<Target> out, int depth) {
        JsonNode s = resolve(schema);
        if (depth > 4) {
            return;
        }
        if (value instanceof ObjectNode o && s.has("properties")) {
            s.path("properties").fields().forEachRemaining(p -> {
                JsonNode child = o.get(p.getKey());
                out.add(new Target(o, p.getKey(), -1, p.getValue(), child));
                if (child != null) {
                    collect(child, p.getValue(), out, depth + 1);
                }
            });
        } else if (value instanceof ArrayNode a && !a.isEmpty()) {
            out.add(new Target(a, "items", 0, s.path("items"), a.get(0)));
            collect(a.get(0), s.path("items"), out, depth + 1);
        }
    }

    private JsonNode badValue(JsonNode schema, String name) {
        JsonNode s = resolve(schema);
        String type = s.path("type").asText("");
        String format = s.path("format").asText("");
        List<JsonNode> choices = new ArrayList<>();
        ObjectNode nested = F.objectNode();
        nested.putObject("a").putArray("b").add(1);
        choices.add(nested);
        choices.add(F.arrayNode().add(1).add("x"));
        switch (type) {
            case "string" -> {
                choices.add(F.numberNode(12345));
                choices.add(F.booleanNode(true));
                choices.add(F.textNode(HUGE));
                choices.add(F.textNode("fu\u0000zz"));
                if (format.equals("uuid")) {
                    choices.add(F.textNode("not-a-uuid"));
                }
                if (format.startsWith("date") || s.has("example") || DATE_NAME.matcher(name).matches()) {
                    choices.add(F.textNode(pick(List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31",
                            "+999999999-12-31T23:59:59Z", "1850-01-01T00:00:00Z", "2026-02-30", "25:99"))));
                    choices.add(F.textNode(pick(List.of("+999999999-12-31", "+999999999-12-31T23:59:59Z"))));
                }
                if (s.has("enum")) {
                    choices.add(F.textNode("NOT_A_VALUE"));
                }
            }
            case "integer", "number" -> {
                choices.add(F.textNode("x"));
                choices.add(F.booleanNode(true));
                choices.add(pick(List.of(F.numberNode(Integer.MAX_VALUE), F.numberNode(Integer.MIN_VALUE),
                        F.numberNode(Long.MAX_VALUE), F.numberNode(Long.MIN_VALUE),
                        F.numberNode(new java.math.BigInteger("99999999999999999999999")),
                        F.numberNode(new java.math.BigDecimal("1e400")), F.numberNode(new java.math.BigDecimal("-1e400")))));
            }
            case "boolean" -> {
                choices.add(F.textNode("yes"));
                choices.add(F.numberNode(1));
            }
            case "array" -> {
                choices.add(F.textNode("x"));
                choices.add(F.arrayNode().addNull());
                ArrayNode deep = F.arrayNode();
                ArrayNode at = deep;
                for (int i = 0; i < 80; i++) {
                    at = at.addArray();
                }
                choices.add(deep);
                ObjectNode obj = F.objectNode();
                obj.put("a", 1);
                choices.add(obj);
            }
            default -> {
                // an object (a record) or free-form JSON
                choices.add(F.textNode("x"));
                if (s.has("properties")) {
                    choices.add(F.arrayNode());
                    choices.add(F.numberNode(7));
                }
            }
        }
        return pick(choices);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.has("$ref"); i++) {
            String ref = s.path("$ref").asText();
            s = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }

    private JsonNode plausible(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        String type = s.path("type").asText("");
        switch (type) {
            case "string" -> {
                if (s.has("enum") && !s.path("enum").isEmpty()) {
                    return s.path("enum").get(random.nextInt(s.path("enum").size()));
                }
                return switch (s.path("format").asText("")) {
                    case "uuid" -> F.textNode(UUID.randomUUID().toString());
                    case "date" -> F.textNode("2026-06-01");
                    case "date-time" -> F.textNode("2026-06-01T10:00:00Z");
                    default -> F.textNode(s.has("example") ? s.path("example").asText() : "fuzz");
                };
            }
            case "integer", "number" -> {
                return F.numberNode(1);
            }
            case "boolean" -> {
                return F.booleanNode(false);
            }
            case "array" -> {
                ArrayNode a = F.arrayNode();
                if (depth < 3) {
                    a.add(plausible(s.path("items"), depth + 1));
                }
                return a;
            }
            default -> {
                ObjectNode o = F.objectNode();
                if (depth < 4) {
                    s.path("properties").fields().forEachRemaining(p -> {
                        JsonNode v = plausible(p.getValue(), depth + 1);
                        String n = p.getKey().toLowerCase(Locale.ROOT);
                        String fixture = fixtureFor(p.getKey());
                        if (v.isTextual() && fixture != null && random.nextInt(4) > 0) {
                            v = F.textNode(fixture); // mostly an id that exists, so the one bad thing is what refuses
                        } else if (v.isTextual() && n.contains("email")) {
                            v = F.textNode("fuzz-" + random.nextInt(1_000_000) + "@example.com");
                        } else if (v.isTextual() && n.contains("password")) {
                            v = F.textNode("fuzz-password-1");
                        } else if (v.isTextual() && (n.contains("timezone") || n.contains("zone"))) {
                            v = F.textNode("Europe/Berlin");
                        }
                        o.set(p.getKey(), v);
                    });
                }
                return o;
            }
        }
    }

    // ------------------------------------------------------------------ the database fingerprint

    /** Every table's row count and a hash of its rows (order-free), read with plain JDBC. */
    private String fingerprint() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = server.app().database().dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            String schema = c.getSchema();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            tables.sort(null);
            for (String name : tables) {
                String table = name.toLowerCase(Locale.ROOT);
                if (EXCLUDED_TABLES.matcher(table).matches()) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("select * from " + meta.getIdentifierQuoteString() + name
                             + meta.getIdentifierQuoteString())) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        boolean skip = false;
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String column = md.getColumnName(i).toLowerCase(Locale.ROOT);
                            if (EXCLUDED_COLUMNS.contains(table + "." + column)) {
                                continue;
                            }
                            Object v = rs.getObject(i);
                            if (table.equals("audit_entry") && column.equals("action") && v != null
                                    && EXCLUDED_AUDIT.matcher(v.toString()).matches()) {
                                skip = true;
                            }
                            row.append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v)).append('|');
                        }
                        if (!skip) {
                            rows.add(row.toString());
                        }
                    }
                }
                rows.sort(null);
                out.append(table).append('=').append(rows.size()).append(':').append(sha256(String.join("\n", rows)), 0, 12)
                        .append(' ');
            }
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        }
        return out.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
