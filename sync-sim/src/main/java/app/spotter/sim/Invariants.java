package app.spotter.sim;

import app.spotter.client.outbox.OutboxEntry;
import app.spotter.client.store.DeskJson;
import app.spotter.client.store.DeviceState;
import app.spotter.client.store.Feed;
import app.spotter.client.store.Mirror;
import app.spotter.model.checkin.CheckInPolicy;
import app.spotter.model.common.LocationId;
import app.spotter.model.sync.SyncApi;
import app.spotter.server.support.ApiClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The protocol's promises (docs/sync.md, BRIEF "Sync"), checked after a run has settled. Each
 * check has a name; a broken one throws {@link InvariantViolation} with what it saw. The server's
 * side is read with plain SQL, the desks' side from their own H2 stores.
 */
final class Invariants {

    /** The types whose rows every desk of the location must hold exactly as the server does. */
    static final List<String> CONVERGING = List.of(Feed.BOOKING, Feed.MEMBER, Feed.MEMBERSHIP, Feed.CREDIT_ENTRY,
            Feed.CHECK_IN, Feed.SLOT, Feed.CONFLICT);

    private final Simulation run;
    private final SimServer server;
    private final SimGym gym;
    private final SimLog log;
    private final ObjectMapper deskJson = DeskJson.mapper();
    private final List<String> passed = new ArrayList<>();

    Invariants(Simulation run, SimServer server, SimGym gym, SimLog log) {
        this.run = run;
        this.server = server;
        this.gym = gym;
        this.log = log;
    }

    List<String> checkAll() {
        check("confirmed bookings per slot <= capacity", this::seatsWithinCapacity);
        check("slot seat counters match the bookings", this::seatCountersMatch);
        check("leased seats match the live leases", this::leasedSeatsMatch);
        check("no member holds overlapping seats", this::noOverlappingSeats);
        check("one durable outcome per operation", this::oneOutcomePerOperation);
        check("every desk outbox drained", this::outboxesDrained);
        check("no lost operations", this::noLostOperations);
        check("desks heard the stored outcome", this::desksHeardTheStoredOutcome);
        check("server device sequence = desk sequence", this::sequencesAgree);
        check("cursors never went backwards", this::cursorsNeverBackwards);
        check("one admitted check-in per member per visit", this::oneCheckInPerVisit);
        check("open conflicts are in the manager's queue", this::openConflictsListed);
        check("replicas converge", this::replicasConverge);
        check("every staff operation was proven", this::staffOperationsProven);
        return passed;
    }

    private void check(String name, Runnable check) {
        check.run();
        passed.add(name);
    }

    private void seatsWithinCapacity() {
        for (Object[] row : rows("""
                select s.id, s.capacity, (select count(*) from booking b where b.slot_id = s.id
                                            and b.status in ('BOOKED', 'ATTENDED'))
                from time_slot s join gym_session g on g.id = s.session_id where g.location_id = ?""", run.location)) {
            long capacity = ((Number) row[1]).longValue();
            long confirmed = ((Number) row[2]).longValue();
            if (confirmed > capacity) {
                throw new InvariantViolation("confirmed bookings per slot <= capacity",
                        "slot " + slotIndex(row[0]) + " has " + confirmed + " confirmed bookings for " + capacity + " seats");
            }
        }
    }

    private void seatCountersMatch() {
        for (Object[] row : rows("""
                select s.id, s.seats_taken, (select count(*) from booking b where b.slot_id = s.id
                                               and b.status in ('BOOKED', 'ATTENDED'))
                from time_slot s join gym_session g on g.id = s.session_id where g.location_id = ?""", run.location)) {
            if (((Number) row[1]).longValue() != ((Number) row[2]).longValue()) {
                throw new InvariantViolation("slot seat counters match the bookings", "slot " + slotIndex(row[0])
                        + " counts " + row[1] + " seats taken but has " + row[2] + " confirmed bookings");
            }
        }
    }

    /**
     * A slot's {@code seats_leased} is exactly the unused seats of its leases not yet given back
     * (returned, or released once expired), never negative, and never more than the seats left.
     */
    private void leasedSeatsMatch() {
        for (Object[] row : rows("""
                select s.id, s.seats_leased, s.seats_taken, s.capacity,
                       (select coalesce(sum(l.seats - l.used), 0) from seat_lease l
                          where l.slot_id = s.id and l.returned_at is null),
                       (select count(*) from seat_lease l where l.slot_id = s.id and (l.used > l.seats or l.used < 0))
                from time_slot s join gym_session g on g.id = s.session_id where g.location_id = ?""", run.location)) {
            long leased = ((Number) row[1]).longValue();
            long live = ((Number) row[4]).longValue();
            if (leased < 0 || leased != live) {
                throw new InvariantViolation("leased seats match the live leases", "slot " + slotIndex(row[0])
                        + " counts " + leased + " leased seats but its live leases hold " + live);
            }
            if (((Number) row[5]).longValue() > 0) {
                throw new InvariantViolation("leased seats match the live leases", "slot " + slotIndex(row[0])
                        + " has a lease that used more seats than it held");
            }
            long taken = ((Number) row[2]).longValue();
            long capacity = ((Number) row[3]).longValue();
            if (taken + leased > capacity) {
                throw new InvariantViolation("leased seats match the live leases", "slot " + slotIndex(row[0])
                        + " has " + taken + " seats taken and " + leased + " leased of " + capacity);
            }
        }
    }

    /**
     * What the run ended with, for its trace: each desk's outcomes in sequence order and each slot's
     * counters, so two runs of a seed that end differently hash differently.
     */
    List<String> digest() {
        List<String> out = new ArrayList<>();
        for (int d = 0; d < run.desks.size(); d++) {
            StringBuilder outcomes = new StringBuilder();
            for (OutboxEntry e : Simulation.outbox(run.desks.get(d))) {
                outcomes.append(' ').append(e.sequence).append(':').append(e.type).append('=').append(e.outcomeStatus)
                        .append(e.reason == null ? "" : "(" + e.reason + ")");
            }
            out.add("desk" + d + " outcomes:" + outcomes);
        }
        for (Object[] row : rows("""
                select s.id, s.capacity, s.seats_taken, s.seats_leased,
                       (select count(*) from booking b where b.slot_id = s.id and b.status = 'WAITLISTED')
                from time_slot s join gym_session g on g.id = s.session_id where g.location_id = ?""", run.location)) {
            out.add("slot " + slotIndex(row[0]) + ": capacity " + row[1] + ", taken " + row[2] + ", leased " + row[3]
                    + ", waitlisted " + row[4]);
        }
        out.sort(null);
        out.add("conflicts: " + rows("select kind, status from sync_conflict where device_id in (" + String.join(",",
                run.desks.stream().map(d -> "'" + d.state().deviceId + "'").toList()) + ") order by kind, status").stream()
                .map(r -> r[0] + "/" + r[1]).toList());
        return out;
    }

    private void noOverlappingSeats() {
        List<Object[]> overlaps = rows("""
                select a.member_id, a.slot_id, b.slot_id from booking a join booking b
                  on a.member_id = b.member_id and a.id < b.id
                join time_slot sa on sa.id = a.slot_id join gym_session g on g.id = sa.session_id
                where g.location_id = ? and a.status in ('BOOKED', 'ATTENDED') and b.status in ('BOOKED', 'ATTENDED')
                  and a.starts_at < b.ends_at and b.starts_at < a.ends_at""", run.location);
        if (!overlaps.isEmpty()) {
            Object[] o = overlaps.get(0);
            throw new InvariantViolation("no member holds overlapping seats", "member " + o[0] + " holds slots "
                    + slotIndex(o[1]) + " and " + slotIndex(o[2]) + " at once");
        }
    }

    private void oneOutcomePerOperation() {
        for (SimDesk desk : run.desks) {
            UUID device = UUID.fromString(desk.state().deviceId);
            List<Object[]> twice = rows("select sequence, count(*) from sync_operation where device_id = ? "
                    + "group by sequence having count(*) > 1", device);
            if (!twice.isEmpty()) {
                throw new InvariantViolation("one durable outcome per operation", desk.name + " sequence "
                        + twice.get(0)[0] + " has " + twice.get(0)[1] + " outcomes");
            }
        }
        for (UUID op : run.createdOps) {
            long outcomes = number("select count(*) from sync_operation where op_id = ?", op);
            if (outcomes > 1) {
                throw new InvariantViolation("one durable outcome per operation", "operation " + op + " has "
                        + outcomes + " outcomes");
            }
        }
    }

    /**
     * The staff at the desks logged in there (online at set-up, again after each crash), so the server
     * proved every operation's actor (decision 0013): none was refused as unproven.
     */
    private void staffOperationsProven() {
        long unproven = number("select count(*) from sync_operation where reason in ('ACTOR_NOT_PROVEN', "
                + "'DEVICE_KIND_FORBIDS')");
        if (unproven > 0) {
            throw new InvariantViolation("every staff operation was proven", unproven
                    + " operations were refused as not proven");
        }
    }

    private void outboxesDrained() {
        for (SimDesk desk : run.desks) {
            long pending = desk.desk().pendingOperations();
            if (pending != 0) {
                throw new InvariantViolation("every desk outbox drained", desk.name + " still has " + pending
                        + " pending operations");
            }
        }
    }

    private void noLostOperations() {
        Set<UUID> inOutboxes = new HashSet<>();
        for (SimDesk desk : run.desks) {
            for (OutboxEntry entry : Simulation.outbox(desk)) {
                inOutboxes.add(entry.opId);
                if (number("select count(*) from sync_operation where op_id = ?", entry.opId) != 1) {
                    throw new InvariantViolation("no lost operations", desk.name + "'s operation " + entry.sequence
                            + " (" + entry.type + ") never reached the server");
                }
            }
        }
        for (UUID op : run.createdOps) {
            if (!inOutboxes.contains(op)) {
                throw new InvariantViolation("no lost operations", "operation " + op
                        + " was answered at a desk but is in no outbox (lost in a crash?)");
            }
        }
    }

    private void desksHeardTheStoredOutcome() {
        for (SimDesk desk : run.desks) {
            for (OutboxEntry entry : Simulation.outbox(desk)) {
                List<Object[]> stored = rows("select status, reason from sync_operation where op_id = ?", entry.opId);
                Object status = stored.get(0)[0];
                if (!Objects.equals(status, entry.outcomeStatus)
                        && !"SEQUENCE_REUSED".equals(entry.reason)) {
                    throw new InvariantViolation("desks heard the stored outcome", desk.name + "'s operation "
                            + entry.sequence + " is " + entry.outcomeStatus + " at the desk but " + status
                            + " on the server");
                }
            }
        }
    }

    private void sequencesAgree() {
        for (SimDesk desk : run.desks) {
            DeviceState state = desk.state();
            long onServer = number("select last_sequence from device where id = ?", UUID.fromString(state.deviceId));
            long atDesk = state.nextSequence - 1;
            if (onServer != atDesk) {
                throw new InvariantViolation("server device sequence = desk sequence", desk.name + " used sequences up to "
                        + atDesk + " but the server applied up to " + onServer);
            }
        }
    }

    private void cursorsNeverBackwards() {
        for (SimDesk desk : run.desks) {
            for (int i = 1; i < desk.cursors.size(); i++) {
                if (desk.cursors.get(i) < desk.cursors.get(i - 1)) {
                    throw new InvariantViolation("cursors never went backwards", desk.name + "'s cursor went from "
                            + desk.cursors.get(i - 1) + " to " + desk.cursors.get(i));
                }
            }
        }
    }

    private void oneCheckInPerVisit() {
        Duration visit = CheckInPolicy.standard().visitWindow();
        Map<Object, Instant> last = new HashMap<>();
        for (Object[] row : rows("select member_id, decided_at from check_in where admitted = true and location_id = ? "
                + "order by member_id, decided_at", run.location)) {
            Instant at = instant(row[1]);
            Instant before = last.put(row[0], at);
            if (before != null && Duration.between(before, at).compareTo(visit) < 0) {
                throw new InvariantViolation("one admitted check-in per member per visit", "member " + row[0]
                        + " was admitted at " + before + " and again at " + at);
            }
        }
    }

    private void openConflictsListed() {
        Set<String> inDatabase = new HashSet<>();
        for (Object[] row : rows("select id from sync_conflict where status = 'OPEN' and device_id in ("
                + String.join(",", run.desks.stream().map(d -> "'" + d.state().deviceId + "'").toList()) + ")")) {
            inDatabase.add(row[0].toString());
        }
        ApiClient.Response listed = gym.api().get("/api/v1/conflicts?status=OPEN", run.managerToken());
        SimGym.expect(listed, 200);
        Set<String> queue = new HashSet<>();
        listed.body().forEach(c -> queue.add(c.path("id").asText()));
        inDatabase.removeAll(queue);
        if (!inDatabase.isEmpty()) {
            throw new InvariantViolation("open conflicts are in the manager's queue", inDatabase.size()
                    + " open conflicts are missing from GET /api/v1/conflicts, e.g. " + inDatabase.iterator().next());
        }
    }

    /**
     * Every desk's mirror holds, for each converging type, exactly the rows the server serves in a
     * snapshot to a desk of that location (slots, bookings: of the schedule window both hold): same
     * ids, same fields, same values. Resolved conflicts
     * are among them, so a resolution that did not reach a desk shows here.
     */
    private void replicasConverge() {
        Mirror mirror = new Mirror(deskJson);
        LocationId location = new LocationId(run.location);
        // The server's snapshot below is of its current schedule window; each desk must hold that one.
        SyncApi.SyncWindow window = server.app().services().feed().window(location);
        for (SimDesk desk : run.desks) {
            DeviceState state = desk.state();
            if (!window.from().equals(state.windowFrom) || !window.until().equals(state.heldUntil)) {
                throw new InvariantViolation("replicas converge", desk.name + " holds the schedule window ["
                        + state.windowFrom + ", " + state.heldUntil + ") but the server's is " + window);
            }
        }
        for (String type : CONVERGING) {
            Map<String, JsonNode> onServer = snapshot(location, type);
            for (SimDesk desk : run.desks) {
                Map<String, JsonNode> atDesk = new TreeMap<>();
                desk.store().run(s -> mirror.all(s, type).forEach(row -> atDesk.put(String.valueOf(row.get("id")),
                        normalized(row, deskJson))));
                if (!atDesk.equals(onServer)) {
                    throw new InvariantViolation("replicas converge", desk.name + "'s " + type + " rows differ from the server's: "
                            + difference(onServer, atDesk));
                }
            }
        }
    }

    private Map<String, JsonNode> snapshot(LocationId location, String type) {
        Map<String, JsonNode> rows = new TreeMap<>();
        String after = null;
        ObjectMapper serverJson = server.app().services().json();
        do {
            SyncApi.SnapshotPage page = server.app().services().feed().snapshot(location, type, after, 1000);
            page.rows().forEach(row -> rows.put(String.valueOf(row.get("id")), normalized(row, serverJson)));
            after = page.rows().isEmpty() ? null : page.nextAfter();
        } while (after != null);
        return rows;
    }

    /** The row as the desk would read it off the wire: written by {@code writer}, read as a tree. */
    private JsonNode normalized(Map<String, Object> row, ObjectMapper writer) {
        try {
            return deskJson.readTree(writer.writeValueAsString(row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String difference(Map<String, JsonNode> server, Map<String, JsonNode> desk) {
        for (var e : server.entrySet()) {
            JsonNode mine = desk.get(e.getKey());
            if (mine == null) {
                return "the desk lacks " + e.getKey() + " " + e.getValue();
            }
            if (!mine.equals(e.getValue())) {
                return e.getKey() + ": server " + e.getValue() + " vs desk " + mine;
            }
        }
        for (String id : desk.keySet()) {
            if (!server.containsKey(id)) {
                return "the desk has " + id + " that the server does not: " + desk.get(id);
            }
        }
        return "?";
    }

    private String slotIndex(Object slotId) {
        for (int i = 0; i < run.slots.size(); i++) {
            if (run.slots.get(i).value().toString().equals(slotId.toString())) {
                return "#" + i;
            }
        }
        return slotId.toString();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    private long number(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0)[0]).longValue();
    }

    private List<Object[]> rows(String sql, Object... params) {
        try (Connection c = server.app().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            c.rollback();
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
