package app.spotter.sim;

import app.spotter.model.access.Role;
import app.spotter.model.common.UserId;
import app.spotter.model.membership.MembershipStatus;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.auth.AccessTokens;
import app.spotter.server.auth.UserAccount;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.memberships.CreditEntryRecord;
import app.spotter.server.memberships.MembershipRecord;
import app.spotter.server.plans.PlanRecord;
import app.spotter.server.support.ApiClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The gym of one run, on its own fresh server: staff accounts, plans, a location with its classes
 * and members, persisted directly with ids from the run's seed. The manager's tokens are minted on
 * the simulated clock; the front-desk staff log in at each desk (decision 0013). The directly
 * installed desks share one secret, hashed once per JVM with the simulation's cheap hasher (the hash carries its
 * parameters, so the server checks it as it is).
 */
public final class SimGym {

    /** The secret of the desks installed directly; the hash is what enrollment would have stored. */
    static final String DEVICE_SECRET = "sim-device-secret";
    private static final String DEVICE_SECRET_HASH = SimServer.HASHER.hash(DEVICE_SECRET);
    /** The staff log in at the desks with this password (checked by the server's cheap simulation hasher). */
    static final String STAFF_PASSWORD = "sim-password-1";
    static final String FRONT_DESK_EMAIL = "sim-front-desk@sim.spotter.app";
    private static final String STAFF_PASSWORD_HASH = SimServer.HASHER.hash(STAFF_PASSWORD);

    final UserId manager;
    final UserId frontDesk;
    final UUID unlimitedPlan;
    final UUID creditPlan;
    private final SimServer server;
    private final Supplier<UUID> ids;

    public SimGym(SimServer server, Supplier<UUID> ids) {
        this.server = server;
        this.ids = ids;
        this.manager = account(Role.MANAGER);
        this.frontDesk = account(Role.FRONT_DESK);
        this.unlimitedPlan = plan(PlanKind.RECURRING_MONTHLY, null);
        this.creditPlan = plan(PlanKind.CLASS_PACK, 2);
    }

    private UserId account(Role role) {
        UserAccount u = new UserAccount();
        u.id = ids.get();
        u.email = "sim-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "@sim.spotter.app";
        u.passwordHash = STAFF_PASSWORD_HASH;
        u.name = "Sim " + role;
        u.role = role;
        u.createdAt = server.clock().instant();
        persist(u);
        return new UserId(u.id);
    }

    /** A manager's access token minted on the simulated clock (no password hashing per run). */
    String managerToken() {
        return new AccessTokens(server.secrets().jwtSecret(), server.clock()).issue(manager, Role.MANAGER);
    }

    ApiClient api() {
        return server.api();
    }

    private UUID plan(PlanKind kind, Integer credits) {
        PlanRecord p = new PlanRecord();
        p.id = ids.get();
        p.name = "Sim " + kind;
        p.kind = kind.name();
        p.priceMinor = 4900;
        p.currency = "EUR";
        p.credits = credits;
        p.active = true;
        p.createdAt = server.clock().instant();
        persist(p);
        return p.id;
    }

    UUID location() {
        LocationRecord l = new LocationRecord();
        l.id = ids.get();
        l.name = "Sim studio";
        l.zoneId = "Europe/Berlin";
        l.createdAt = server.clock().instant();
        persist(l);
        return l.id;
    }

    /** A member with a membership of the plan from last month; credits go into the ledger. */
    UUID member(String lastName, UUID planId, int credits) {
        Instant now = server.clock().instant();
        MemberRecord m = new MemberRecord();
        m.id = ids.get();
        m.memberNumber = "S" + m.id.toString().substring(0, 13);
        m.firstName = "Sim";
        m.lastName = lastName;
        m.createdAt = now;
        m.updatedAt = now;
        MembershipRecord ms = new MembershipRecord();
        ms.id = ids.get();
        ms.memberId = m.id;
        ms.planId = planId;
        ms.status = MembershipStatus.ACTIVE.name();
        ms.startsOn = LocalDate.of(2026, 9, 1);
        ms.versionVector = "";
        ms.createdAt = now;
        server.app().services().tx().run(s -> {
            s.persist(m);
            s.persist(ms);
            if (credits != 0) {
                CreditEntryRecord c = new CreditEntryRecord();
                c.id = ids.get();
                c.membershipId = ms.id;
                c.delta = credits;
                c.reason = "PURCHASE";
                c.createdAt = now;
                s.persist(c);
            }
        });
        return m.id;
    }

    /** A class of the given capacity with one slot, through the API as a manager would. */
    UUID slot(String token, UUID location, int capacity, Instant start, int minutes) {
        ApiClient.Response session = api().post("/api/v1/sessions", Map.of("kind", "CLASS", "title", "Spin",
                "locationId", location, "capacity", capacity), token);
        expect(session, 201);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusSeconds(60L * minutes).toString());
        ApiClient.Response slot = api().post("/api/v1/sessions/" + session.text("id") + "/slots", body, token);
        expect(slot, 201);
        return UUID.fromString(slot.body().get(0).get("id").asText());
    }

    String card(String token, UUID member) {
        ApiClient.Response card = api().get("/api/v1/members/" + member + "/card", token);
        expect(card, 200);
        return card.text("qrPayload");
    }

    String pairingCode(String token, UUID location) {
        ApiClient.Response code = api().post("/api/v1/devices/pairing-codes", Map.of("locationId", location), token);
        expect(code, 201);
        return code.text("code");
    }

    /**
     * A device enrolled at the location as the enrollment endpoint would leave it, minus the
     * password hashing of a fresh secret; the desk's store gets what enrollment would have returned.
     */
    void installDevice(SimDesk desk, UUID location, String name) {
        app.spotter.server.devices.DeviceRecord d = new app.spotter.server.devices.DeviceRecord();
        d.id = ids.get();
        d.name = name;
        d.kind = app.spotter.model.sync.DeviceKind.FRONT_DESK.name();
        d.locationId = location;
        d.secretHash = DEVICE_SECRET_HASH;
        d.enrolledAt = server.clock().instant();
        persist(d);
        String publicKey = app.spotter.model.checkin.MemberQrCodes.encodePublicKey(
                server.app().services().cardSigner().publicKey());
        desk.store().run(s -> {
            app.spotter.client.store.DeviceState state = s.find(app.spotter.client.store.DeviceState.class,
                    app.spotter.client.store.DeviceState.ID);
            state.deviceId = d.id.toString();
            state.deviceSecret = DEVICE_SECRET;
            state.locationId = location.toString();
            state.zoneId = "Europe/Berlin";
            state.memberCardPublicKey = publicKey;
        });
    }

    private void persist(Object entity) {
        server.app().services().tx().run(s -> s.persist(entity));
    }

    static void expect(ApiClient.Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("Expected " + status + " but got " + r);
        }
    }
}
