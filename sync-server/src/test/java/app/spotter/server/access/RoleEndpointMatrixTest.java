package app.spotter.server.access;

import static app.spotter.model.access.Role.ADMIN;
import static app.spotter.model.access.Role.FRONT_DESK;
import static app.spotter.model.access.Role.MANAGER;
import static app.spotter.model.access.Role.MEMBER;
import static app.spotter.model.access.Role.TRAINER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.access.Role;
import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.CheckInFixtures;
import app.spotter.server.support.DeskActors;
import app.spotter.server.support.ServerTest;
import app.spotter.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The whole role x endpoint matrix, walked over real HTTP with valid requests: every role gets a
 * 2xx where the design lets it in and 403 FORBIDDEN where it does not; every non-public endpoint
 * answers 401 without a token; the owner-only routes refuse someone else's resource; and every
 * registered endpoint has a row here, so a new endpoint cannot ship without a decided row.
 *
 * <p>The rows are written out by hand from {@code Permission.defaultsFor(role)} plus the ownership
 * rules of the services, on purpose not computed from the routes' {@code Access} rules: a drift
 * between code and design must fail here.
 */
class RoleEndpointMatrixTest extends ServerTest {

    private static final String PASSWORD = "test-password-1";

    /**
     * One endpoint: who gets a 2xx. Everyone else logged in must get 403; {@code open} also lets anonymous in.
     * A {@code device} row is the sync API: only a device token gets a 2xx, every user's token a 401.
     */
    private record Row(String method, String path, boolean open, Set<Role> allowed, boolean device) {
        Row(String method, String path, boolean open, Set<Role> allowed) {
            this(method, path, open, allowed, false);
        }

        String key() {
            return method + " " + path;
        }
    }

    private static Row open(String method, String path) {
        return new Row(method, path, true, EnumSet.allOf(Role.class), false);
    }

    private static Row device(String method, String path) {
        return new Row(method, path, false, EnumSet.noneOf(Role.class), true);
    }

    private static Row row(String method, String path, Role... allowed) {
        return new Row(method, path, false, allowed.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(allowed)),
                false);
    }

    /*
     * Default permissions (shared-model Permission.defaultsFor):
     *   ADMIN      everything
     *   MANAGER    everything but ROLES_MANAGE, AUDIT_READ, BOOKINGS_OWN
     *   TRAINER    MEMBERS_READ_BOOKED, HEALTH_NOTES, SESSIONS_OWN, SCHEDULE_READ, CHECKINS_READ, FEEDBACK_READ
     *              (need to know: only the members booked into their own sessions; others answer 404)
     *   FRONT_DESK MEMBERS_READ, MEMBERS_WRITE, MEMBERSHIPS_MANAGE, SCHEDULE_READ, BOOKINGS_ANY, CHECKINS_WRITE, CHECKINS_READ
     *   MEMBER     BOOKINGS_OWN, FEEDBACK_WRITE
     * "(own)" marks a role let in only on its own member record, booking or session.
     */
    private static final List<Row> MATRIX = List.of(
            // auth: public sign-up and tokens; the profile for anyone logged in
            open("POST", "/api/v1/auth/register"),
            open("POST", "/api/v1/auth/login"),
            open("POST", "/api/v1/auth/refresh"),
            row("POST", "/api/v1/auth/logout", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),
            row("GET", "/api/v1/me", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),
            row("PUT", "/api/v1/me", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),
            row("POST", "/api/v1/staff", ADMIN, MANAGER),                                   // STAFF_MANAGE
            row("GET", "/api/v1/staff/pending", ADMIN, MANAGER),                            // STAFF_MANAGE
            row("POST", "/api/v1/staff/{id}/approve", ADMIN, MANAGER),                      // STAFF_MANAGE
            row("POST", "/api/v1/staff/{id}/reject", ADMIN, MANAGER),                       // STAFF_MANAGE
            row("POST", "/api/v1/staff/{id}/unlock", ADMIN, MANAGER),                       // STAFF_MANAGE
            row("GET", "/api/v1/roles", ADMIN),                                             // ROLES_MANAGE
            row("PUT", "/api/v1/roles/{role}/permissions", ADMIN),                          // ROLES_MANAGE
            row("GET", "/api/v1/audit", ADMIN),                                             // AUDIT_READ
            // staff accounts: own password; reset links (STAFF_MANAGE); TOTP for staff only; gym security (ROLES_MANAGE)
            row("POST", "/api/v1/me/password", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),
            row("POST", "/api/v1/staff/{id}/password-reset", ADMIN, MANAGER),               // STAFF_MANAGE
            open("POST", "/api/v1/auth/password-reset"),
            row("POST", "/api/v1/me/totp", ADMIN, MANAGER, TRAINER, FRONT_DESK),            // staff only
            row("POST", "/api/v1/me/totp/confirm", ADMIN, MANAGER, TRAINER, FRONT_DESK),    // staff only
            row("POST", "/api/v1/me/totp/disable", ADMIN, MANAGER, TRAINER, FRONT_DESK),    // staff only
            row("GET", "/api/v1/settings/security", ADMIN),                                 // ROLES_MANAGE
            row("PUT", "/api/v1/settings/security", ADMIN),                                 // ROLES_MANAGE
            // members
            row("POST", "/api/v1/members", ADMIN, MANAGER, FRONT_DESK),                     // MEMBERS_WRITE
            row("GET", "/api/v1/members", ADMIN, MANAGER, TRAINER, FRONT_DESK),             // MEMBERS_READ(_BOOKED)
            row("GET", "/api/v1/members/{id}", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER), // MEMBERS_READ, TRAINER (booked), (own)
            row("PUT", "/api/v1/members/{id}", ADMIN, MANAGER, FRONT_DESK),                 // MEMBERS_WRITE
            row("GET", "/api/v1/members/{id}/attendance", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER), // (own)
            row("PUT", "/api/v1/members/{id}/pin", ADMIN, MANAGER, FRONT_DESK, MEMBER),     // MEMBERS_WRITE or (own)
            row("GET", "/api/v1/members/{id}/card", ADMIN, MANAGER, FRONT_DESK, MEMBER),    // MEMBERS_WRITE or (own)
            row("POST", "/api/v1/members/{id}/card/revoke", ADMIN, MANAGER, FRONT_DESK),    // MEMBERS_WRITE
            // plans and memberships
            row("POST", "/api/v1/plans", ADMIN, MANAGER),                                   // PLANS_MANAGE
            row("GET", "/api/v1/plans", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),
            row("PUT", "/api/v1/plans/{id}", ADMIN, MANAGER),                               // PLANS_MANAGE
            row("POST", "/api/v1/members/{id}/memberships", ADMIN, MANAGER, FRONT_DESK),    // MEMBERSHIPS_MANAGE
            row("GET", "/api/v1/members/{id}/memberships", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER), // (own)
            row("GET", "/api/v1/memberships/{id}", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),         // (own)
            row("POST", "/api/v1/memberships/{id}/freeze", ADMIN, MANAGER, FRONT_DESK),     // MEMBERSHIPS_MANAGE
            row("POST", "/api/v1/memberships/{id}/unfreeze", ADMIN, MANAGER, FRONT_DESK),   // MEMBERSHIPS_MANAGE
            row("POST", "/api/v1/memberships/{id}/cancel", ADMIN, MANAGER, FRONT_DESK),     // MEMBERSHIPS_MANAGE
            row("POST", "/api/v1/memberships/{id}/change-plan", ADMIN, MANAGER, FRONT_DESK), // MEMBERSHIPS_MANAGE
            row("GET", "/api/v1/memberships/{id}/credits", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER), // (own)
            row("POST", "/api/v1/memberships/{id}/credits", ADMIN, MANAGER, FRONT_DESK),    // MEMBERSHIPS_MANAGE
            // locations
            row("POST", "/api/v1/locations", ADMIN, MANAGER),                               // LOCATIONS_MANAGE
            row("GET", "/api/v1/locations", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),
            row("GET", "/api/v1/locations/{id}", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),
            row("POST", "/api/v1/locations/{id}/rooms", ADMIN, MANAGER),                    // LOCATIONS_MANAGE
            row("POST", "/api/v1/locations/{id}/equipment", ADMIN, MANAGER),                // LOCATIONS_MANAGE
            // schedule: trainers edit their own sessions (SESSIONS_OWN), managers anyone's (SESSIONS_ANY)
            row("POST", "/api/v1/sessions", ADMIN, MANAGER, TRAINER),
            row("GET", "/api/v1/sessions", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),
            row("GET", "/api/v1/sessions/{id}", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),
            row("PUT", "/api/v1/sessions/{id}", ADMIN, MANAGER, TRAINER),                   // TRAINER (own)
            row("DELETE", "/api/v1/sessions/{id}", ADMIN, MANAGER, TRAINER),                // TRAINER (own)
            row("POST", "/api/v1/sessions/{id}/slots", ADMIN, MANAGER, TRAINER),            // TRAINER (own)
            row("GET", "/api/v1/slots", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),       // SCHEDULE_READ or BOOKINGS_OWN
            row("GET", "/api/v1/slots/{id}", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),
            row("POST", "/api/v1/slots/{id}/cancel", ADMIN, MANAGER, TRAINER),              // TRAINER (own)
            // bookings
            row("POST", "/api/v1/bookings", ADMIN, MANAGER, FRONT_DESK, MEMBER),            // BOOKINGS_ANY or (own)
            row("GET", "/api/v1/bookings/{id}", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER), // SCHEDULE_READ or (own)
            row("DELETE", "/api/v1/bookings/{id}", ADMIN, MANAGER, FRONT_DESK, MEMBER),     // BOOKINGS_ANY or (own)
            row("POST", "/api/v1/bookings/{id}/attended", ADMIN, MANAGER, FRONT_DESK),      // CHECKINS_WRITE
            row("POST", "/api/v1/bookings/{id}/no-show", ADMIN, MANAGER, FRONT_DESK),       // CHECKINS_WRITE
            row("GET", "/api/v1/members/{id}/bookings", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER), // (own)
            row("GET", "/api/v1/slots/{id}/bookings", ADMIN, MANAGER, TRAINER, FRONT_DESK), // SCHEDULE_READ
            // check-ins and member cards
            row("GET", "/api/v1/checkin/public-key", ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER),
            row("GET", "/api/v1/checkin/revocations", ADMIN, MANAGER, FRONT_DESK),          // CHECKINS_WRITE
            row("POST", "/api/v1/check-ins", ADMIN, MANAGER, FRONT_DESK),                   // CHECKINS_WRITE
            row("GET", "/api/v1/check-ins", ADMIN, MANAGER, TRAINER, FRONT_DESK),           // CHECKINS_READ
            row("GET", "/api/v1/check-ins/present", ADMIN, MANAGER, TRAINER, FRONT_DESK),   // CHECKINS_READ
            // feedback: FEEDBACK_WRITE (admin, manager, member) but only the member who attended may rate
            row("POST", "/api/v1/feedback", MEMBER),
            row("GET", "/api/v1/sessions/{id}/feedback", ADMIN, MANAGER, TRAINER),          // FEEDBACK_READ
            // fitness-studio API: instructors are SESSIONS_OWN/ANY holders, clients are members (BOOKINGS_OWN)
            open("POST", "/api/register/"),
            open("POST", "/api/login/"),
            open("POST", "/api/refresh-token/"),
            row("POST", "/api/sessions/create/", ADMIN, MANAGER, TRAINER),
            row("GET", "/api/sessions/instructor/", ADMIN, MANAGER, TRAINER),
            row("PUT", "/api/sessions/{id}/update/", ADMIN, MANAGER, TRAINER),              // TRAINER (own)
            row("DELETE", "/api/sessions/{id}/delete/", ADMIN, MANAGER, TRAINER),           // TRAINER (own)
            row("GET", "/api/sessions/{id}/", ADMIN, MANAGER, TRAINER),                     // TRAINER (own)
            open("GET", "/api/public/sessions/"),
            open("GET", "/api/public/sessions/{id}/"),
            // only clients (a login with a member record) book and list; the admin has no member record
            row("POST", "/api/bookings/", MEMBER),
            row("GET", "/api/bookings/", MEMBER),
            // BOOKINGS_OWN at the route; the member cancels their own, the admin (also BOOKINGS_ANY) anyone's
            row("DELETE", "/api/bookings/{id}/", ADMIN, MEMBER),
            // devices and sync: managers enroll and revoke devices (DEVICES_MANAGE) and resolve conflicts
            // (CONFLICTS_RESOLVE); push and leases take a device token, never a user's
            row("POST", "/api/v1/devices/pairing-codes", ADMIN, MANAGER),
            open("POST", "/api/v1/devices/enroll"),
            open("POST", "/api/v1/devices/token"),
            row("GET", "/api/v1/devices", ADMIN, MANAGER),
            row("POST", "/api/v1/devices/{id}/revoke", ADMIN, MANAGER),
            row("PUT", "/api/v1/devices/{id}/kind", ADMIN, MANAGER),                        // DEVICES_MANAGE
            // a front desk asks for the credential of the staff member who just logged in there (decision 0013)
            device("POST", "/api/v1/sync/staff-credentials"),
            row("POST", "/api/v1/staff/{id}/deactivate", ADMIN, MANAGER),                   // STAFF_MANAGE
            device("POST", "/api/v1/sync/push"),
            device("POST", "/api/v1/sync/leases"),
            device("POST", "/api/v1/sync/leases/return"),
            row("GET", "/api/v1/conflicts", ADMIN, MANAGER),
            row("GET", "/api/v1/conflicts/{id}", ADMIN, MANAGER),
            row("POST", "/api/v1/conflicts/{id}/resolve", ADMIN, MANAGER),
            device("GET", "/api/v1/sync/pull"),
            device("GET", "/api/v1/sync/snapshot"),
            device("GET", "/api/v1/sync/events"),
            device("GET", "/api/v1/sync/staff"),
            device("GET", "/api/v1/sync/members/{id}/health-notes"),
            // service
            open("GET", "/health"),
            open("GET", "/openapi.json"));

    /** A login made once per database run. */
    private record Login(String token, UUID userId, String email) {
    }

    /** What one database run arranges once: the five role logins and the read-only objects they look at. */
    private static final class Gym {
        final TestServer server;
        final Map<Role, Login> logins = new EnumMap<>(Role.class);
        final AtomicInteger nextSlot = new AtomicInteger();
        final AtomicInteger nextPastSlot = new AtomicInteger();
        final Instant firstSlot = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
        UUID memberId;          // the MEMBER login's member record
        UUID membershipId;      // its unlimited membership
        UUID otherMemberId;     // someone else, for the ownership cases
        UUID otherMembershipId;
        UUID otherTrainerId;
        UUID locationId;
        UUID monthlyPlanId;
        UUID packPlanId;
        UUID sessionId;         // a class of the TRAINER login
        UUID slotId;            // a slot of it
        UUID bookingId;         // the member's booking on it
        JsonNode memberRolePermissions;
        String publicEmail;     // a member login for the public login and refresh endpoints
        Response device;        // an enrolled device (id, secret)
        String deviceToken;
        UUID conflictId;        // an open conflict
        final AtomicInteger deviceSequence = new AtomicInteger();

        Gym(TestServer server) {
            this.server = server;
        }
    }

    private static Gym gym;

    private Gym gym() {
        if (gym == null || gym.server != server) {
            gym = arrange(new Gym(server));
        }
        return gym;
    }

    // ------------------------------------------------------------------ tests

    @Test
    void everyRegisteredEndpointHasAMatrixRow() {
        Set<String> registered = server.app().routes().endpoints().stream()
                .map(e -> e.method() + " " + e.path())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = new TreeSet<>();
        for (Row r : MATRIX) {
            assertTrue(rows.add(r.key()), "Two rows for " + r.key());
        }
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(rows);
        Set<String> stale = new TreeSet<>(rows);
        stale.removeAll(registered);
        assertTrue(missing.isEmpty(), "Endpoints without a decided row in the role matrix: " + missing);
        assertTrue(stale.isEmpty(), "Rows for endpoints that no longer exist: " + stale);
        assertEquals(new TreeSet<>(scenarios().keySet()), rows, "Every row needs its valid request");
    }

    @Test
    void everyRoleGetsItsDesignedAnswerFromEveryEndpoint() {
        Gym g = gym();
        Map<String, Scenario> scenarios = scenarios();
        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%nRole x endpoint matrix on %s (status per caller)%n%-7s%-40s",
                database, "", ""));
        for (Role role : Role.values()) {
            table.append(String.format("%-11s", role));
        }
        table.append("anonymous\n");
        for (Row row : MATRIX) {
            Scenario scenario = scenarios.get(row.key());
            table.append(String.format("%-7s%-40s", row.method(), row.path()));
            for (Role role : Role.values()) {
                Response r = scenario.call(role, g.logins.get(role).token());
                table.append(String.format("%-11s", r.status()));
                if (row.device()) {
                    if (r.status() != 401) {
                        wrong.add(row.key() + " as " + role + ": expected 401 (device token required), got " + r);
                    }
                } else if (row.allowed().contains(role)) {
                    if (r.status() < 200 || r.status() > 299) {
                        wrong.add(row.key() + " as " + role + ": expected 2xx, got " + r);
                    }
                } else if (r.status() != 403 || !"FORBIDDEN".equals(r.code())) {
                    wrong.add(row.key() + " as " + role + ": expected 403 FORBIDDEN, got " + r);
                }
            }
            if (row.device() && row.path().endsWith("/events")) {
                // an event stream never ends; ChangeFeedApiTest reads it as a device
                table.append("stream (device)");
            } else if (row.device()) {
                Response r = scenario.call(null, g.deviceToken);
                table.append(r.status()).append(" (device)");
                if (r.status() < 200 || r.status() > 299) {
                    wrong.add(row.key() + " with a device token: expected 2xx, got " + r);
                }
            } else if (row.open()) {
                Response r = scenario.call(null, null);
                table.append(r.status());
                if (r.status() < 200 || r.status() > 299) {
                    wrong.add(row.key() + " without a token: expected 2xx, got " + r);
                }
            } else {
                table.append('-');
            }
            table.append('\n');
        }
        System.out.println(table);
        assertTrue(wrong.isEmpty(), wrong.size() + " calls answered against the design:\n" + String.join("\n", wrong));
    }

    @Test
    void everyNonPublicEndpointAsksForALogin() {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            if (row.open()) {
                continue;
            }
            String path = row.path().replace("{id}", UUID.randomUUID().toString()).replace("{role}", "MEMBER");
            Response r = api.send(row.method(), path, null, null);
            if (r.status() != 401 || !"UNAUTHORIZED".equals(r.code())) {
                wrong.add(row.key() + ": expected 401 UNAUTHORIZED, got " + r);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** A role let in at the route, but on someone else's member record, booking or session. */
    private record OwnershipCase(Role role, String call, int status, Function<String, Response> send) {
    }

    @Test
    void ownersOnlyActOnTheirOwnResources() {
        Gym g = gym();
        UUID otherBooking = booking(g.otherMemberId);
        UUID otherAttended = attendedBooking(g.otherMemberId);
        UUID otherTrainerSession = session(g.otherTrainerId);
        UUID otherTrainerSlot = slot(otherTrainerSession);
        UUID classWithoutTrainer = session(null);
        // someone never booked into the TRAINER's classes, with a booking in another trainer's class
        UUID stranger = newMember();
        UUID strangerMembership = membership(stranger, g.monthlyPlanId);
        UUID strangerBooking = id(ok(api.post("/api/v1/bookings", Map.of("slotId", otherTrainerSlot, "memberId", stranger),
                admin())));
        String notMine = "/api/v1/members/" + stranger;
        String other = "/api/v1/members/" + g.otherMemberId;
        List<OwnershipCase> cases = List.of(
                new OwnershipCase(MEMBER, "GET  member profile", 403, t -> api.get(other, t)),
                new OwnershipCase(MEMBER, "GET  member attendance", 403, t -> api.get(other + "/attendance", t)),
                new OwnershipCase(MEMBER, "PUT  member pin", 403, t -> api.put(other + "/pin", Map.of("pin", "4821"), t)),
                new OwnershipCase(MEMBER, "GET  member card", 403, t -> api.get(other + "/card", t)),
                new OwnershipCase(MEMBER, "GET  member memberships", 403, t -> api.get(other + "/memberships", t)),
                new OwnershipCase(MEMBER, "GET  member bookings", 403, t -> api.get(other + "/bookings", t)),
                new OwnershipCase(MEMBER, "GET  membership", 403, t -> api.get("/api/v1/memberships/" + g.otherMembershipId, t)),
                new OwnershipCase(MEMBER, "GET  membership credits", 403,
                        t -> api.get("/api/v1/memberships/" + g.otherMembershipId + "/credits", t)),
                new OwnershipCase(MEMBER, "POST booking for someone else", 403,
                        t -> api.post("/api/v1/bookings", Map.of("slotId", slot(g.sessionId), "memberId", g.otherMemberId), t)),
                // someone else's booking is not even shown to exist
                new OwnershipCase(MEMBER, "GET  booking", 404, t -> api.get("/api/v1/bookings/" + otherBooking, t)),
                new OwnershipCase(MEMBER, "DELETE booking", 403, t -> api.delete("/api/v1/bookings/" + otherBooking, t)),
                new OwnershipCase(MEMBER, "DELETE studio booking", 403, t -> api.delete("/api/bookings/" + otherBooking + "/", t)),
                new OwnershipCase(MEMBER, "POST feedback on another's class", 403,
                        t -> api.post("/api/v1/feedback", Map.of("bookingId", otherAttended, "rating", 5), t)),
                // need to know: a member outside the trainer's own classes is not even shown to exist
                new OwnershipCase(TRAINER, "GET  member not booked with them", 404, t -> api.get(notMine, t)),
                new OwnershipCase(TRAINER, "GET  attendance of such a member", 404, t -> api.get(notMine + "/attendance", t)),
                new OwnershipCase(TRAINER, "GET  memberships of such a member", 404, t -> api.get(notMine + "/memberships", t)),
                new OwnershipCase(TRAINER, "GET  bookings of such a member", 404, t -> api.get(notMine + "/bookings", t)),
                new OwnershipCase(TRAINER, "GET  membership of such a member", 404,
                        t -> api.get("/api/v1/memberships/" + strangerMembership, t)),
                new OwnershipCase(TRAINER, "GET  credits of such a member", 404,
                        t -> api.get("/api/v1/memberships/" + strangerMembership + "/credits", t)),
                new OwnershipCase(TRAINER, "GET  booking in another's class", 404, t -> api.get("/api/v1/bookings/" + strangerBooking, t)),
                new OwnershipCase(TRAINER, "GET  bookings of another's slot", 404,
                        t -> api.get("/api/v1/slots/" + otherTrainerSlot + "/bookings", t)),
                new OwnershipCase(TRAINER, "GET  feedback of another's session", 404,
                        t -> api.get("/api/v1/sessions/" + otherTrainerSession + "/feedback", t)),
                new OwnershipCase(TRAINER, "POST session taught by another", 403, t -> api.post("/api/v1/sessions",
                        Map.of("kind", "CLASS", "title", "Spin", "locationId", g.locationId, "trainerId", g.otherTrainerId,
                                "capacity", 10), t)),
                new OwnershipCase(TRAINER, "PUT  another's session", 403,
                        t -> api.put("/api/v1/sessions/" + otherTrainerSession, Map.of("title", "Mine now"), t)),
                new OwnershipCase(TRAINER, "PUT  a class without trainer", 403,
                        t -> api.put("/api/v1/sessions/" + classWithoutTrainer, Map.of("title", "Mine now"), t)),
                new OwnershipCase(TRAINER, "POST slots to another's session", 403,
                        t -> api.post("/api/v1/sessions/" + otherTrainerSession + "/slots", slotBody(), t)),
                new OwnershipCase(TRAINER, "POST cancel another's slot", 403,
                        t -> api.post("/api/v1/slots/" + otherTrainerSlot + "/cancel", null, t)),
                new OwnershipCase(TRAINER, "DELETE another's session", 403,
                        t -> api.delete("/api/v1/sessions/" + otherTrainerSession, t)),
                new OwnershipCase(TRAINER, "PUT  studio update of another's", 403,
                        t -> api.put("/api/sessions/" + otherTrainerSession + "/update/", Map.of("title", "Mine now"), t)),
                new OwnershipCase(TRAINER, "GET  studio view of another's", 403,
                        t -> api.get("/api/sessions/" + otherTrainerSession + "/", t)),
                new OwnershipCase(TRAINER, "DELETE studio delete of another's", 403,
                        t -> api.delete("/api/sessions/" + otherTrainerSession + "/delete/", t)));
        List<String> wrong = new ArrayList<>();
        for (OwnershipCase c : cases) {
            Response r = c.send().apply(g.logins.get(c.role()).token());
            String code = c.status() == 403 ? "FORBIDDEN" : "NOT_FOUND";
            if (r.status() != c.status() || !code.equals(r.code())) {
                wrong.add(c.role() + " " + c.call() + ": expected " + c.status() + " " + code + ", got " + r);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        // and nothing of theirs moved
        assertEquals("BOOKED", api.get("/api/v1/bookings/" + otherBooking, admin()).text("status"));
        assertEquals(200, api.get("/api/v1/sessions/" + otherTrainerSession, admin()).status());
        assertEquals("SCHEDULED", api.get("/api/v1/slots/" + otherTrainerSlot, admin()).text("status"));
        assertEquals(0, api.get("/api/v1/sessions/" + otherTrainerSession + "/feedback", admin()).body().get("count").asInt());
    }

    @Test
    void aTrainersMemberListHoldsOnlyTheMembersOfTheirOwnClasses() {
        Gym g = gym();
        String tag = "Own" + UUID.randomUUID().toString().substring(0, 6);
        UUID mine = id(ok(api.post("/api/v1/members", Map.of("firstName", tag, "lastName", "Booked"), admin())));
        UUID theirs = id(ok(api.post("/api/v1/members", Map.of("firstName", tag, "lastName", "Elsewhere"), admin())));
        UUID nobodys = id(ok(api.post("/api/v1/members", Map.of("firstName", tag, "lastName", "Unbooked"), admin())));
        membership(mine, g.monthlyPlanId);
        membership(theirs, g.monthlyPlanId);
        booking(mine);
        ok(api.post("/api/v1/bookings", Map.of("slotId", slot(session(g.otherTrainerId)), "memberId", theirs), admin()));
        Response list = api.get("/api/v1/members?q=" + tag + "&limit=100", g.logins.get(TRAINER).token());
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.body().size(), list.toString());
        assertEquals(mine.toString(), list.body().get(0).get("id").asText());
        Response desk = api.get("/api/v1/members?q=" + tag + "&limit=100", g.logins.get(FRONT_DESK).token());
        assertEquals(3, desk.body().size(), desk.toString());
        assertTrue(desk.raw().contains(nobodys.toString()) && desk.raw().contains(theirs.toString()), desk.toString());
    }

    // ------------------------------------------------------------------ one valid request per endpoint

    /** Arranges fresh objects where the call changes something, then makes the call as the caller (null: anonymous). */
    private interface Scenario {
        Response call(Role role, String token);
    }

    private Map<String, Scenario> scenarios() {
        Map<String, Scenario> s = new LinkedHashMap<>();
        // auth
        s.put("POST /api/v1/auth/register", (role, t) -> api.post("/api/v1/auth/register",
                Map.of("email", email("signup"), "password", PASSWORD, "name", "New Member"), t));
        s.put("POST /api/v1/auth/login", (role, t) -> api.post("/api/v1/auth/login",
                Map.of("email", gym().publicEmail, "password", PASSWORD), t));
        s.put("POST /api/v1/auth/refresh", (role, t) -> api.post("/api/v1/auth/refresh",
                Map.of("refreshToken", refreshTokenOf(gym().publicEmail)), t));
        s.put("POST /api/v1/staff/{id}/unlock", (role, t) -> api.post("/api/v1/staff/" + gym().logins.get(MEMBER).userId()
                + "/unlock", null, t));
        s.put("POST /api/v1/auth/logout", (role, t) -> api.post("/api/v1/auth/logout",
                Map.of("refreshToken", refreshTokenOf(gym().logins.get(role).email())), t));
        s.put("GET /api/v1/me", (role, t) -> api.get("/api/v1/me", t));
        s.put("PUT /api/v1/me", (role, t) -> api.put("/api/v1/me", Map.of("name", "Test " + role), t));
        s.put("POST /api/v1/staff", (role, t) -> api.post("/api/v1/staff",
                Map.of("email", email("staff"), "password", PASSWORD, "name", "New Trainer", "role", "TRAINER"), t));
        s.put("GET /api/v1/staff/pending", (role, t) -> api.get("/api/v1/staff/pending", t));
        s.put("POST /api/v1/staff/{id}/approve", (role, t) -> api.post("/api/v1/staff/" + pendingInstructor() + "/approve",
                null, t));
        s.put("POST /api/v1/staff/{id}/reject", (role, t) -> api.post("/api/v1/staff/" + pendingInstructor() + "/reject",
                null, t));
        s.put("GET /api/v1/roles", (role, t) -> api.get("/api/v1/roles", t));
        // the same permissions MEMBER already has: the matrix must not change mid-test
        s.put("PUT /api/v1/roles/{role}/permissions", (role, t) -> api.put("/api/v1/roles/MEMBER/permissions",
                Map.of("role", "MEMBER", "permissions", gym().memberRolePermissions), t));
        s.put("GET /api/v1/audit", (role, t) -> api.get("/api/v1/audit?limit=5", t));
        // staff accounts (the same password again, so the logins stay usable)
        s.put("POST /api/v1/me/password", (role, t) -> api.post("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD), t));
        s.put("POST /api/v1/staff/{id}/password-reset", (role, t) -> api.post("/api/v1/staff/" + gym().otherTrainerId
                + "/password-reset", null, t));
        s.put("POST /api/v1/auth/password-reset", (role, t) -> {
            UUID trainer = id(ok(api.post("/api/v1/staff", Map.of("email", email("reset"), "password", PASSWORD,
                    "name", "Reset Trainer", "role", "TRAINER"), admin())));
            String token = ok(api.post("/api/v1/staff/" + trainer + "/password-reset", null, admin())).text("token");
            return api.post("/api/v1/auth/password-reset", Map.of("token", token, "newPassword", PASSWORD), t);
        });
        s.put("POST /api/v1/me/totp", (role, t) -> api.post("/api/v1/me/totp", null, t));
        // confirming turns the second factor on; it is turned off again so the role's logins stay password-only
        s.put("POST /api/v1/me/totp/confirm", (role, t) -> {
            byte[] secret = totpSecret(t);
            Response confirmed = api.post("/api/v1/me/totp/confirm", Map.of("code", totpCode(secret)), t);
            if (confirmed.status() == 204) {
                ok(api.post("/api/v1/me/totp/disable", Map.of("password", PASSWORD, "code", totpCode(secret)), t));
            }
            return confirmed;
        });
        s.put("POST /api/v1/me/totp/disable", (role, t) -> {
            byte[] secret = totpSecret(t);
            if (secret.length > 0) {
                ok(api.post("/api/v1/me/totp/confirm", Map.of("code", totpCode(secret)), t));
            }
            return api.post("/api/v1/me/totp/disable", Map.of("password", PASSWORD, "code", totpCode(secret)), t);
        });
        s.put("GET /api/v1/settings/security", (role, t) -> api.get("/api/v1/settings/security", t));
        s.put("PUT /api/v1/settings/security", (role, t) -> api.put("/api/v1/settings/security",
                Map.of("totpRequiredForAdmins", false), t));
        // sync change feed (device tokens only; ChangeFeedApiTest calls them as a device)
        s.put("GET /api/v1/sync/pull", (role, t) -> api.get("/api/v1/sync/pull?after=0", t));
        s.put("GET /api/v1/sync/snapshot", (role, t) -> api.get("/api/v1/sync/snapshot?entityType=member", t));
        s.put("GET /api/v1/sync/events", (role, t) -> api.get("/api/v1/sync/events", t));
        s.put("GET /api/v1/sync/staff", (role, t) -> api.get("/api/v1/sync/staff", t));
        // on behalf of the MANAGER login at the desk (HEALTH_NOTES)
        // with the device token, signed for the manager logged in at the desk (decision 0013)
        s.put("GET /api/v1/sync/members/{id}/health-notes", (role, t) -> role != null ? api.get("/api/v1/sync/members/"
                + gym().memberId + "/health-notes?actor=" + gym().logins.get(Role.MANAGER).userId(), t)
                : atTheDesk().healthNotes(t, UUID.fromString(gym().device.text("deviceId")),
                        gym().logins.get(Role.MANAGER).userId(), gym().memberId));
        // members
        s.put("POST /api/v1/members", (role, t) -> api.post("/api/v1/members", newMemberBody(), t));
        s.put("GET /api/v1/members", (role, t) -> api.get("/api/v1/members?q=Test&limit=5", t));
        s.put("GET /api/v1/members/{id}", (role, t) -> api.get("/api/v1/members/" + gym().memberId, t));
        s.put("PUT /api/v1/members/{id}", (role, t) -> api.put("/api/v1/members/" + memberFor(role),
                Map.of("phone", "+49 30 1234567"), t));
        s.put("GET /api/v1/members/{id}/attendance", (role, t) -> api.get("/api/v1/members/" + gym().memberId + "/attendance", t));
        s.put("PUT /api/v1/members/{id}/pin", (role, t) -> api.put("/api/v1/members/" + memberFor(role) + "/pin",
                Map.of("pin", "4821"), t));
        s.put("GET /api/v1/members/{id}/card", (role, t) -> api.get("/api/v1/members/" + gym().memberId + "/card", t));
        s.put("POST /api/v1/members/{id}/card/revoke", (role, t) -> api.post("/api/v1/members/" + memberFor(role)
                + "/card/revoke", null, t));
        // plans and memberships (the changing calls each get a fresh member of their own)
        s.put("POST /api/v1/plans", (role, t) -> api.post("/api/v1/plans", monthlyPlanBody(), t));
        s.put("GET /api/v1/plans", (role, t) -> api.get("/api/v1/plans", t));
        s.put("PUT /api/v1/plans/{id}", (role, t) -> api.put("/api/v1/plans/" + id(api.post("/api/v1/plans",
                monthlyPlanBody(), admin())), Map.of("priceMinor", 5900), t));
        s.put("POST /api/v1/members/{id}/memberships", (role, t) -> api.post("/api/v1/members/" + newMember() + "/memberships",
                Map.of("planId", gym().monthlyPlanId, "startsOn", today().toString()), t));
        s.put("GET /api/v1/members/{id}/memberships", (role, t) -> api.get("/api/v1/members/" + gym().memberId + "/memberships", t));
        s.put("GET /api/v1/memberships/{id}", (role, t) -> api.get("/api/v1/memberships/" + gym().membershipId, t));
        s.put("POST /api/v1/memberships/{id}/freeze", (role, t) -> api.post("/api/v1/memberships/"
                + membership(newMember(), gym().monthlyPlanId) + "/freeze",
                Map.of("from", today().plusDays(1).toString(), "to", today().plusDays(7).toString()), t));
        s.put("POST /api/v1/memberships/{id}/unfreeze", (role, t) -> {
            UUID m = membership(newMember(), gym().monthlyPlanId);
            ok(api.post("/api/v1/memberships/" + m + "/freeze",
                    Map.of("from", today().plusDays(1).toString(), "to", today().plusDays(7).toString()), admin()));
            return api.post("/api/v1/memberships/" + m + "/unfreeze", Map.of("on", today().plusDays(1).toString()), t);
        });
        s.put("POST /api/v1/memberships/{id}/cancel", (role, t) -> api.post("/api/v1/memberships/"
                + membership(newMember(), gym().monthlyPlanId) + "/cancel", null, t));
        s.put("POST /api/v1/memberships/{id}/change-plan", (role, t) -> api.post("/api/v1/memberships/"
                + membership(newMember(), gym().monthlyPlanId) + "/change-plan",
                Map.of("planId", gym().packPlanId, "effectiveOn", today().plusDays(2).toString()), t));
        s.put("GET /api/v1/memberships/{id}/credits", (role, t) -> api.get("/api/v1/memberships/" + gym().membershipId + "/credits", t));
        s.put("POST /api/v1/memberships/{id}/credits", (role, t) -> api.post("/api/v1/memberships/"
                + membership(newMember(), gym().packPlanId) + "/credits", Map.of("delta", 2, "reason", "Goodwill"), t));
        // locations
        s.put("POST /api/v1/locations", (role, t) -> api.post("/api/v1/locations",
                Map.of("name", unique("Club"), "timezone", "Europe/Berlin"), t));
        s.put("GET /api/v1/locations", (role, t) -> api.get("/api/v1/locations", t));
        s.put("GET /api/v1/locations/{id}", (role, t) -> api.get("/api/v1/locations/" + gym().locationId, t));
        s.put("POST /api/v1/locations/{id}/rooms", (role, t) -> api.post("/api/v1/locations/" + gym().locationId + "/rooms",
                Map.of("name", unique("Studio"), "capacity", 20), t));
        s.put("POST /api/v1/locations/{id}/equipment", (role, t) -> api.post("/api/v1/locations/" + gym().locationId
                + "/equipment", Map.of("name", unique("Rower")), t));
        // schedule: the trainer's own session for everyone, so a 2xx for TRAINER is the owner's
        s.put("POST /api/v1/sessions", (role, t) -> api.post("/api/v1/sessions",
                Map.of("kind", "CLASS", "title", "Spin", "locationId", gym().locationId, "capacity", 10), t));
        s.put("GET /api/v1/sessions", (role, t) -> api.get("/api/v1/sessions", t));
        s.put("GET /api/v1/sessions/{id}", (role, t) -> api.get("/api/v1/sessions/" + gym().sessionId, t));
        s.put("PUT /api/v1/sessions/{id}", (role, t) -> api.put("/api/v1/sessions/" + trainerSession(),
                Map.of("title", "Spin and Stretch"), t));
        s.put("DELETE /api/v1/sessions/{id}", (role, t) -> api.delete("/api/v1/sessions/" + trainerSession(), t));
        s.put("POST /api/v1/sessions/{id}/slots", (role, t) -> api.post("/api/v1/sessions/" + gym().sessionId + "/slots",
                slotBody(), t));
        s.put("GET /api/v1/slots", (role, t) -> api.get("/api/v1/slots?locationId=" + gym().locationId, t));
        s.put("GET /api/v1/slots/{id}", (role, t) -> api.get("/api/v1/slots/" + gym().slotId, t));
        s.put("POST /api/v1/slots/{id}/cancel", (role, t) -> api.post("/api/v1/slots/" + slot(gym().sessionId) + "/cancel",
                null, t));
        // bookings: always the MEMBER login's, so a 2xx for MEMBER is the owner's
        s.put("POST /api/v1/bookings", (role, t) -> api.post("/api/v1/bookings", role == MEMBER
                ? Map.of("slotId", slot(gym().sessionId))
                : Map.of("slotId", slot(gym().sessionId), "memberId", gym().memberId), t));
        s.put("GET /api/v1/bookings/{id}", (role, t) -> api.get("/api/v1/bookings/" + gym().bookingId, t));
        s.put("DELETE /api/v1/bookings/{id}", (role, t) -> api.delete("/api/v1/bookings/" + booking(gym().memberId), t));
        s.put("POST /api/v1/bookings/{id}/attended", (role, t) -> api.post("/api/v1/bookings/" + booking(gym().memberId)
                + "/attended", null, t));
        s.put("POST /api/v1/bookings/{id}/no-show", (role, t) -> api.post("/api/v1/bookings/" + startedBooking()
                + "/no-show", null, t));
        s.put("GET /api/v1/members/{id}/bookings", (role, t) -> api.get("/api/v1/members/" + gym().memberId
                + "/bookings?scope=upcoming", t));
        s.put("GET /api/v1/slots/{id}/bookings", (role, t) -> api.get("/api/v1/slots/" + gym().slotId + "/bookings", t));
        // check-ins
        s.put("GET /api/v1/checkin/public-key", (role, t) -> api.get("/api/v1/checkin/public-key", t));
        s.put("GET /api/v1/checkin/revocations", (role, t) -> api.get("/api/v1/checkin/revocations", t));
        s.put("POST /api/v1/check-ins", (role, t) -> api.post("/api/v1/check-ins", Map.of("method", "STAFF",
                "memberId", newMember().toString(), "locationId", gym().locationId.toString()), t));
        s.put("GET /api/v1/check-ins", (role, t) -> api.get("/api/v1/check-ins", t));
        s.put("GET /api/v1/check-ins/present", (role, t) -> api.get("/api/v1/check-ins/present", t));
        // feedback: the member's own attended class
        s.put("POST /api/v1/feedback", (role, t) -> api.post("/api/v1/feedback",
                Map.of("bookingId", attendedBooking(gym().memberId), "rating", 5, "comment", "Great class"), t));
        s.put("GET /api/v1/sessions/{id}/feedback", (role, t) -> api.get("/api/v1/sessions/" + gym().sessionId + "/feedback", t));
        // fitness-studio API (snake_case)
        s.put("POST /api/register/", (role, t) -> api.post("/api/register/",
                Map.of("email", email("client"), "password", PASSWORD, "name", "Carl Client", "role", "client"), t));
        s.put("POST /api/login/", (role, t) -> api.post("/api/login/",
                Map.of("email", gym().publicEmail, "password", PASSWORD), t));
        s.put("POST /api/refresh-token/", (role, t) -> api.post("/api/refresh-token/",
                Map.of("refresh", refreshTokenOf(gym().publicEmail)), t));
        s.put("POST /api/sessions/create/", (role, t) -> {
            Instant start = nextStart();
            return api.post("/api/sessions/create/", Map.of("title", "Sunrise Yoga", "description", "Bring a mat",
                    "time_slots", List.of(Map.of("start_time", start.toString(),
                            "end_time", start.plus(Duration.ofHours(1)).toString(), "capacity", 5))), t);
        });
        s.put("GET /api/sessions/instructor/", (role, t) -> api.get("/api/sessions/instructor/", t));
        s.put("PUT /api/sessions/{id}/update/", (role, t) -> api.put("/api/sessions/" + trainerSession() + "/update/",
                Map.of("title", "Sunrise Yoga Flow"), t));
        s.put("DELETE /api/sessions/{id}/delete/", (role, t) -> api.delete("/api/sessions/" + trainerSession() + "/delete/", t));
        s.put("GET /api/sessions/{id}/", (role, t) -> api.get("/api/sessions/" + gym().sessionId + "/", t));
        s.put("GET /api/public/sessions/", (role, t) -> api.get("/api/public/sessions/", t));
        s.put("GET /api/public/sessions/{id}/", (role, t) -> api.get("/api/public/sessions/" + gym().sessionId + "/", t));
        s.put("POST /api/bookings/", (role, t) -> api.post("/api/bookings/", Map.of("time_slot_id", slot(gym().sessionId)), t));
        s.put("GET /api/bookings/", (role, t) -> api.get("/api/bookings/", t));
        s.put("DELETE /api/bookings/{id}/", (role, t) -> api.delete("/api/bookings/" + booking(gym().memberId) + "/", t));
        // devices, sync and conflicts
        s.put("POST /api/v1/devices/pairing-codes", (role, t) -> api.post("/api/v1/devices/pairing-codes",
                Map.of("locationId", gym().locationId), t));
        s.put("POST /api/v1/devices/enroll", (role, t) -> api.post("/api/v1/devices/enroll", Map.of("pairingCode",
                pairingCode(), "name", unique("Desk"), "kind", "FRONT_DESK"), t));
        s.put("POST /api/v1/devices/token", (role, t) -> api.post("/api/v1/devices/token", Map.of("deviceId",
                gym().device.text("deviceId"), "deviceSecret", gym().device.text("deviceSecret")), t));
        s.put("GET /api/v1/devices", (role, t) -> api.get("/api/v1/devices", t));
        s.put("POST /api/v1/devices/{id}/revoke", (role, t) -> api.post("/api/v1/devices/" + enroll().text("deviceId")
                + "/revoke", null, t));
        s.put("PUT /api/v1/devices/{id}/kind", (role, t) -> api.put("/api/v1/devices/" + enroll().text("deviceId")
                + "/kind", Map.of("kind", "KIOSK"), t));
        s.put("POST /api/v1/sync/staff-credentials", (role, t) -> api.post("/api/v1/sync/staff-credentials",
                Map.of("accessToken", gym().logins.get(MANAGER).token()), t));
        s.put("POST /api/v1/staff/{id}/deactivate", (role, t) -> api.post("/api/v1/staff/" + id(ok(api.post("/api/v1/staff",
                Map.of("email", email("leaver"), "password", PASSWORD, "name", "Leaving Trainer", "role", "TRAINER"),
                admin()))) + "/deactivate", null, t));
        s.put("POST /api/v1/sync/push", (role, t) -> api.post("/api/v1/sync/push", Map.of("operations", List.of()), t));
        s.put("POST /api/v1/sync/leases", (role, t) -> api.post("/api/v1/sync/leases",
                Map.of("slotIds", List.of(slot(gym().sessionId)), "seatsPerSlot", 1), t));
        s.put("POST /api/v1/sync/leases/return", (role, t) -> api.post("/api/v1/sync/leases/return",
                Map.of("leaseIds", List.of(UUID.randomUUID())), t));
        s.put("GET /api/v1/conflicts", (role, t) -> api.get("/api/v1/conflicts?status=OPEN", t));
        s.put("GET /api/v1/conflicts/{id}", (role, t) -> api.get("/api/v1/conflicts/" + gym().conflictId, t));
        s.put("POST /api/v1/conflicts/{id}/resolve", (role, t) -> api.post("/api/v1/conflicts/" + conflict() + "/resolve",
                Map.of("resolution", "ACKNOWLEDGE"), t));
        // service
        s.put("GET /health", (role, t) -> api.get("/health", t));
        s.put("GET /openapi.json", (role, t) -> api.get("/openapi.json", t));
        return s;
    }

    // ------------------------------------------------------------------ arranging, as ADMIN over the API

    private Gym arrange(Gym g) {
        for (Role role : Role.values()) {
            String token = server.login(role);
            Response me = ok(api.get("/api/v1/me", token));
            g.logins.put(role, new Login(token, UUID.fromString(me.text("id")), me.text("email")));
            if (role == MEMBER) {
                g.memberId = UUID.fromString(me.text("memberId"));
            }
        }
        gym = g; // the helpers below read it
        String admin = admin();
        g.locationId = id(ok(api.post("/api/v1/locations", Map.of("name", unique("Club"), "timezone", "Europe/Berlin"), admin)));
        g.monthlyPlanId = id(ok(api.post("/api/v1/plans", monthlyPlanBody(), admin)));
        g.packPlanId = id(ok(api.post("/api/v1/plans", Map.of("name", unique("Ten classes"), "kind", "CLASS_PACK",
                "priceMinor", 9900, "currency", "EUR", "credits", 10, "durationDays", 90), admin)));
        g.membershipId = membership(g.memberId, g.monthlyPlanId);
        g.otherMemberId = newMember();
        g.otherMembershipId = membership(g.otherMemberId, g.monthlyPlanId);
        g.otherTrainerId = id(ok(api.post("/api/v1/staff", Map.of("email", email("trainer"), "password", PASSWORD,
                "name", "Other Trainer", "role", "TRAINER"), admin)));
        g.sessionId = session(g.logins.get(TRAINER).userId());
        g.slotId = slot(g.sessionId);
        g.bookingId = booking(g.memberId);
        for (JsonNode r : ok(api.get("/api/v1/roles", admin)).body()) {
            if (r.get("role").asText().equals("MEMBER")) {
                g.memberRolePermissions = r.get("permissions");
            }
        }
        g.device = enroll();
        g.deviceToken = ok(api.post("/api/v1/devices/token", Map.of("deviceId", g.device.text("deviceId"),
                "deviceSecret", g.device.text("deviceSecret")), null)).text("accessToken");
        g.conflictId = conflict();
        g.publicEmail = email("public");
        ok(api.post("/api/v1/auth/register", Map.of("email", g.publicEmail, "password", PASSWORD, "name", "Public Member"), null));
        return g;
    }

    private String admin() {
        return gym().logins.get(ADMIN).token();
    }

    /** An instructor who registered through the studio API and waits for approval; its account id. */
    private String pendingInstructor() {
        String email = email("instructor");
        Response r = api.post("/api/register/", Map.of("email", email, "password", PASSWORD, "name", "Priya Pending",
                "role", "instructor"), null);
        assertEquals(202, r.status(), r.toString());
        for (JsonNode p : ok(api.get("/api/v1/staff/pending", admin())).body()) {
            if (p.get("email").asText().equals(email)) {
                return p.get("id").asText();
            }
        }
        throw new AssertionError("The new instructor is not pending: " + email);
    }

    /** Starts a TOTP enrolment as the caller; an empty secret when refused (members). */
    private byte[] totpSecret(String token) {
        Response enrol = api.post("/api/v1/me/totp", null, token);
        return enrol.status() == 200 ? app.spotter.server.auth.Totp.base32Decode(enrol.text("secret")) : new byte[0];
    }

    private static String totpCode(byte[] secret) {
        return secret.length == 0 ? "000000" : app.spotter.server.auth.Totp.code(secret,
                app.spotter.server.auth.Totp.step(Instant.now()), app.spotter.server.auth.Totp.DIGITS);
    }

    /** The caller's own member record for MEMBER, a fresh member for everyone else. */
    private UUID memberFor(Role role) {
        return role == MEMBER ? gym().memberId : newMember();
    }

    private UUID newMember() {
        return id(ok(api.post("/api/v1/members", newMemberBody(), admin())));
    }

    private static Map<String, Object> newMemberBody() {
        return Map.of("firstName", "Test", "lastName", unique("Member"), "email", email("member"));
    }

    private static Map<String, Object> monthlyPlanBody() {
        return Map.of("name", unique("Monthly"), "kind", "RECURRING_MONTHLY", "priceMinor", 4900, "currency", "EUR",
                "durationDays", 30);
    }

    private UUID membership(UUID memberId, UUID planId) {
        return id(ok(api.post("/api/v1/members/" + memberId + "/memberships",
                Map.of("planId", planId, "startsOn", today().toString()), admin())));
    }

    /** A class at the gym's location taught by the trainer (null: no trainer). */
    private UUID session(UUID trainerId) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", "CLASS", "title", "Spin",
                "locationId", gym().locationId, "capacity", 10));
        if (trainerId != null) {
            body.put("trainerId", trainerId);
        }
        return id(ok(api.post("/api/v1/sessions", body, admin())));
    }

    private UUID trainerSession() {
        return session(gym().logins.get(TRAINER).userId());
    }

    /** Every slot of the run gets its own hour and a half, so no member or trainer is ever in two places. */
    private Instant nextStart() {
        return gym().firstSlot.plus(Duration.ofMinutes(90L * gym().nextSlot.getAndIncrement()));
    }

    private Map<String, Object> slotBody() {
        Instant start = nextStart();
        return Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString());
    }

    private UUID slot(UUID sessionId) {
        Response r = ok(api.post("/api/v1/sessions/" + sessionId + "/slots", slotBody(), admin()));
        return UUID.fromString(r.body().get(0).get("id").asText());
    }

    /** A BOOKED booking of the member on a fresh slot of the trainer's class. */
    private UUID booking(UUID memberId) {
        return id(ok(api.post("/api/v1/bookings", Map.of("slotId", slot(gym().sessionId), "memberId", memberId), admin())));
    }

    private UUID attendedBooking(UUID memberId) {
        UUID b = booking(memberId);
        ok(api.post("/api/v1/bookings/" + b + "/attended", null, admin()));
        return b;
    }

    /** A booking of the member on a class that started ten minutes ago (the API books only future slots). */
    private UUID startedBooking() {
        Instant start = Instant.now().minus(Duration.ofMinutes(10))
                .minus(Duration.ofMinutes(90L * gym().nextPastSlot.getAndIncrement()));
        return new CheckInFixtures(server).booking(gym().memberId, gym().locationId, gym().membershipId, start, "BOOKED");
    }

    private String pairingCode() {
        return ok(api.post("/api/v1/devices/pairing-codes", Map.of("locationId", gym().locationId), admin())).text("code");
    }

    private Response enroll() {
        return ok(api.post("/api/v1/devices/enroll", Map.of("pairingCode", pairingCode(), "name", unique("Desk"),
                "kind", "FRONT_DESK"), null));
    }

    /** An open OFFLINE_ENTRY_ON_GRACE conflict, from the gym's device pushing an entry on grace. */
    private UUID conflict() {
        Map<String, Object> checkIn = new LinkedHashMap<>();
        checkIn.put("kind", "CHECK_IN");
        checkIn.put("checkInId", UUID.randomUUID());
        checkIn.put("memberId", newMember());
        checkIn.put("method", "STAFF");
        checkIn.put("admitted", true);
        checkIn.put("reason", "ON_GRACE");
        checkIn.put("onGrace", true);
        checkIn.put("consumesCredit", false);
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("opId", UUID.randomUUID());
        op.put("sequence", gym().deviceSequence.incrementAndGet());
        op.put("type", "CHECK_IN");
        op.put("actor", gym().logins.get(ADMIN).userId());
        op.put("payload", checkIn);
        Response r = ok(api.post("/api/v1/sync/push", Map.of("operations", List.of(atTheDesk().signed(gym().deviceToken,
                UUID.fromString(gym().device.text("deviceId")), op))), gym().deviceToken));
        return UUID.fromString(r.body().get("outcomes").get(0).get("conflictId").asText());
    }

    /** The admin and the manager logged in at the gym's desk, which signs their operations. */
    private DeskActors atTheDesk() {
        DeskActors actors = new DeskActors(api);
        actors.staff(gym().logins.get(ADMIN).token());
        actors.staff(gym().logins.get(MANAGER).token());
        return actors;
    }

    /** A new refresh token of the login, from a password login. */
    private String refreshTokenOf(String email) {
        return ok(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null)).text("refreshToken");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@matrix.spotter.app";
    }

    private static UUID id(Response r) {
        return UUID.fromString(r.text("id"));
    }

    private static Response ok(Response r) {
        if (r.status() < 200 || r.status() > 299) {
            throw new AssertionError("Arranging failed: " + r);
        }
        return r;
    }
}
