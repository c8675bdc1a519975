package app.spotter.server.support;

import app.spotter.model.access.Role;
import app.spotter.model.common.UserId;
import app.spotter.model.membership.MembershipStatus;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.auth.AccessTokens;
import app.spotter.server.auth.UserAccount;
import app.spotter.server.locations.EquipmentRecord;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.memberships.CreditEntryRecord;
import app.spotter.server.memberships.MembershipRecord;
import app.spotter.server.plans.PlanRecord;
import app.spotter.server.support.ApiClient.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Arranges gym state for the schedule and booking tests by persisting entities directly, so these
 * tests do not depend on the members, plans and memberships APIs.
 */
public final class GymFixtures {

    /** A member login: the member record, its login and an access token. */
    public record Member(UUID memberId, UUID userId, String token) {
    }

    private final TestServer server;
    private final ApiClient api;

    public GymFixtures(TestServer server) {
        this.server = server;
        this.api = server.client();
    }

    public UUID location(String zone) {
        LocationRecord l = new LocationRecord();
        l.id = UUID.randomUUID();
        l.name = "Studio " + l.id.toString().substring(0, 6);
        l.zoneId = zone;
        l.createdAt = Instant.now();
        persist(l);
        return l.id;
    }

    public UUID equipment(UUID locationId) {
        EquipmentRecord e = new EquipmentRecord();
        e.id = UUID.randomUUID();
        e.locationId = locationId;
        e.name = "Rower " + e.id.toString().substring(0, 4);
        persist(e);
        return e.id;
    }

    public UUID plan(PlanKind kind, Integer credits) {
        PlanRecord p = new PlanRecord();
        p.id = UUID.randomUUID();
        p.name = kind + " " + p.id.toString().substring(0, 6);
        p.kind = kind.name();
        p.priceMinor = 4900;
        p.currency = "EUR";
        p.credits = credits;
        p.active = true;
        p.createdAt = Instant.now();
        persist(p);
        return p.id;
    }

    /** An active membership from a month ago with no end; a credit plan gets {@code credits} in its ledger. */
    public UUID membership(UUID memberId, UUID planId, int credits) {
        MembershipRecord m = membershipRecord(memberId, planId);
        persist(m);
        if (credits != 0) {
            credit(m.id, credits, "PURCHASE");
        }
        return m.id;
    }

    public void credit(UUID membershipId, int delta, String reason) {
        CreditEntryRecord c = new CreditEntryRecord();
        c.id = UUID.randomUUID();
        c.membershipId = membershipId;
        c.delta = delta;
        c.reason = reason;
        c.createdAt = Instant.now();
        persist(c);
    }

    public void setStatus(UUID membershipId, MembershipStatus status) {
        server.app().services().tx().run(s -> s.find(MembershipRecord.class, membershipId).status = status.name());
    }

    /** A fresh member login (through the account bootstrap) and its member id from GET /api/v1/me. */
    public Member member() {
        String token = server.account(Role.MEMBER).accessToken();
        Response me = api.get("/api/v1/me", token);
        return new Member(UUID.fromString(me.text("memberId")), UUID.fromString(me.text("id")), token);
    }

    /** A fresh member with an unlimited monthly membership. */
    public Member memberWithUnlimitedPlan() {
        Member m = member();
        membership(m.memberId(), plan(PlanKind.RECURRING_MONTHLY, null), 0);
        return m;
    }

    /**
     * Many members at once, each with a login and a membership of the plan, inserted in one
     * transaction with one shared password hash; their access tokens are minted directly (hashing
     * hundreds of passwords would dominate the test).
     */
    public List<Member> bulkMembers(int count, UUID planId) {
        String hash = server.app().services().hasher().hash("bulk-password-1");
        AccessTokens tokens = new AccessTokens(server.secrets().jwtSecret(), Clock.systemUTC());
        String batch = UUID.randomUUID().toString().substring(0, 6);
        List<Member> out = new ArrayList<>();
        server.app().services().tx().run(s -> {
            for (int i = 0; i < count; i++) {
                MemberRecord m = new MemberRecord();
                m.id = UUID.randomUUID();
                m.memberNumber = "B" + batch + i;
                m.firstName = "Bulk";
                m.lastName = "Member " + i;
                m.createdAt = Instant.now();
                m.updatedAt = m.createdAt;
                s.persist(m);
                UserAccount u = new UserAccount();
                u.id = UUID.randomUUID();
                u.email = "bulk-" + batch + "-" + i + "@test.spotter.app";
                u.passwordHash = hash;
                u.name = "Bulk Member " + i;
                u.role = Role.MEMBER;
                u.memberId = m.id;
                u.createdAt = m.createdAt;
                s.persist(u);
                s.persist(membershipRecord(m.id, planId));
                out.add(new Member(m.id, u.id, tokens.issue(new UserId(u.id), Role.MEMBER)));
            }
        });
        return out;
    }

    /** A class session (no trainer) at the location, created through the API by the given staff token. */
    public UUID classSession(String staffToken, UUID locationId, int capacity) {
        Response r = api.post("/api/v1/sessions", Map.of("kind", "CLASS", "title", "Spin", "locationId", locationId,
                "capacity", capacity), staffToken);
        check(r, 201);
        return UUID.fromString(r.body().get("id").asText());
    }

    /** One slot of the session from {@code start} for {@code minutes}; returns its id. */
    public UUID slot(String staffToken, UUID sessionId, Instant start, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusSeconds(60L * minutes).toString());
        Response r = api.post("/api/v1/sessions/" + sessionId + "/slots", body, staffToken);
        check(r, 201);
        return UUID.fromString(r.body().get(0).get("id").asText());
    }

    /** A class slot of the given capacity at a fresh location. */
    public UUID classSlot(String staffToken, int capacity, Instant start) {
        return slot(staffToken, classSession(staffToken, location("Europe/Berlin"), capacity), start, 60);
    }

    public int creditBalance(UUID membershipId) {
        return (int) count("select coalesce(sum(delta), 0) from credit_entry where membership_id = ?", membershipId);
    }

    /** A single number from SQL, read over plain JDBC. */
    public long count(String sql, Object... params) {
        try (Connection c = server.app().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                c.rollback();
                return v;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MembershipRecord membershipRecord(UUID memberId, UUID planId) {
        MembershipRecord m = new MembershipRecord();
        m.id = UUID.randomUUID();
        m.memberId = memberId;
        m.planId = planId;
        m.status = MembershipStatus.ACTIVE.name();
        m.startsOn = LocalDate.now().minusDays(30);
        m.versionVector = "";
        m.createdAt = Instant.now();
        return m;
    }

    private void persist(Object entity) {
        server.app().services().tx().run(s -> s.persist(entity));
    }

    private static void check(Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + r);
        }
    }
}
