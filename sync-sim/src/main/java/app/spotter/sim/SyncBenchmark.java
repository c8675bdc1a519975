package app.spotter.sim;

import app.spotter.client.Desk;
import app.spotter.client.booking.BookingResult;
import app.spotter.client.members.NewMember;
import app.spotter.client.store.DeskJson;
import app.spotter.client.store.DeskStore;
import app.spotter.client.store.DeviceState;
import app.spotter.model.access.Role;
import app.spotter.model.checkin.CheckInMethod;
import app.spotter.model.checkin.CheckInReason;
import app.spotter.model.common.BookingId;
import app.spotter.model.common.CheckInId;
import app.spotter.model.common.DeviceId;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.MembershipId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.DeviceKind;
import app.spotter.model.sync.HlcTimestamp;
import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.OperationProofs;
import app.spotter.model.sync.SyncApi;
import app.spotter.server.SpotterApp;
import app.spotter.server.auth.AccessTokens;
import app.spotter.server.config.ServerSecrets;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The sync benchmark on PostgreSQL (a fresh database, dropped at the end). Prints
 * {@code BENCH <name> <value> <unit>} lines:
 * <ul>
 *   <li>push throughput: booking and check-in operations in batches of 200 through the real HTTP
 *       push endpoint, against plain JDBC inserting the same rows in the same run (sync_operation,
 *       check_in or booking, and their change-feed rows), and the ratio;</li>
 *   <li>initial sync of a 50,000-member club to a new desk (members and memberships inserted
 *       directly on the server, then the desk's first full sync);</li>
 *   <li>draining a 10,000-operation backlog (offline sign-ups) from a real desk with {@code syncOnce};</li>
 *   <li>propagation from desk A to desk B (A books and syncs; B is poked by the event stream and
 *       pulls), p50 and p99 over 100 rounds.</li>
 * </ul>
 * Push is measured for one desk and for SPOTTER_BENCH_DESKS desks pushing at once (each its own
 * members, all booking the same classes). Sizes: SPOTTER_BENCH_MEMBERS (50000), SPOTTER_BENCH_PUSH_OPS
 * (4000, per run), SPOTTER_BENCH_BACKLOG (10000), SPOTTER_BENCH_ROUNDS (100), SPOTTER_BENCH_DESKS (4).
 */
public final class SyncBenchmark {

    private static final int MEMBERS = intEnv("SPOTTER_BENCH_MEMBERS", 50_000);
    private static final int PUSH_OPS = intEnv("SPOTTER_BENCH_PUSH_OPS", 4_000);
    private static final int BACKLOG = intEnv("SPOTTER_BENCH_BACKLOG", 10_000);
    private static final int ROUNDS = intEnv("SPOTTER_BENCH_ROUNDS", 100);
    private static final int DESKS = intEnv("SPOTTER_BENCH_DESKS", 4);
    private static final int BATCH = 200;
    private static final ObjectMapper JSON = DeskJson.mapper();
    private static final java.util.concurrent.atomic.AtomicInteger SLOT_DAY = new java.util.concurrent.atomic.AtomicInteger();

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestDatabase.Instance database = TestDatabase.POSTGRESQL.create();
        ServerSecrets secrets = ServerSecrets.random();
        SpotterApp app = SpotterApp.create(database.config(), secrets, Clock.systemUTC()).start();
        try {
            new SyncBenchmark.Run(app, secrets).all();
        } finally {
            app.close();
            database.close();
        }
        System.exit(0);
    }

    private static final class Run {
        private final SpotterApp app;
        private final ApiClient api;
        private final String manager;
        private final UserId frontDesk;
        private final String frontDeskToken;
        private final UUID location;
        private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(2)).build();
        private final List<DeskStore> stores = new ArrayList<>();
        private List<Club.Member> members;

        Run(SpotterApp app, ServerSecrets secrets) {
            this.app = app;
            this.api = new ApiClient(app.baseUrl());
            var accounts = app.services().accounts();
            accounts.bootstrapAccount("bench-manager@sim.spotter.app", "bench-password-1", "Manager", Role.MANAGER, null);
            var desk = accounts.bootstrapAccount("bench-desk@sim.spotter.app", "bench-password-1", "Desk",
                    Role.FRONT_DESK, null);
            this.frontDeskToken = desk.accessToken();
            this.frontDesk = UserId.of(api.get("/api/v1/me", frontDeskToken).text("id"));
            UUID managerId = app.services().tx().inTransaction(s -> s.createSelectionQuery(
                    "select u.id from UserAccount u where u.email = 'bench-manager@sim.spotter.app'", UUID.class)
                    .getSingleResult());
            this.manager = new AccessTokens(secrets.jwtSecret(), Clock.systemUTC()).issue(new UserId(managerId), Role.MANAGER);
            this.location = UUID.randomUUID();
            app.services().tx().run(s -> {
                var l = new app.spotter.server.locations.LocationRecord();
                l.id = location;
                l.name = "Bench studio";
                l.zoneId = "Europe/Berlin";
                l.createdAt = Instant.now();
                s.persist(l);
            });
        }

        void all() throws Exception {
            long t0 = System.nanoTime();
            members = Club.bulkMembersWithMemberships(app, MEMBERS);
            print("arrange_members", MEMBERS, "members");
            print("arrange_members_time", seconds(t0), "s");
            pushThroughput();
            Desk a = initialSync();
            backlog(a);
            propagation(a);
            stores.forEach(DeskStore::shutdown);
        }

        private void pushThroughput() throws Exception {
            long feedBefore = app.services().feed().position();
            List<SyncApi.Operation> ops = operations(members.subList(0, PUSH_OPS));
            Pusher pusher = pusher("Bench pusher");
            ops = pusher.signed(ops); // a desk signs when it records, not when it pushes
            long t = System.nanoTime();
            pusher.pushAll(ops);
            double pushRate = PUSH_OPS / seconds(t);
            long changeRows = app.services().feed().position() - feedBefore;
            print("push_http_ops_per_s", pushRate, "ops/s");
            print("push_change_rows_per_op", (double) changeRows / PUSH_OPS, "rows");

            // several desks of the club at once, each its own members, booking the same classes
            List<List<SyncApi.Operation>> perDesk = new ArrayList<>();
            List<Pusher> pushers = new ArrayList<>();
            int share = PUSH_OPS / DESKS;
            List<SyncApi.Operation> all = operations(members.subList(PUSH_OPS, PUSH_OPS + share * DESKS));
            for (int d = 0; d < DESKS; d++) {
                pushers.add(pusher("Bench pusher " + d));
                perDesk.add(pushers.get(d).signed(renumber(all.subList(d * share, (d + 1) * share))));
            }
            var pool = java.util.concurrent.Executors.newFixedThreadPool(DESKS);
            try {
                List<java.util.concurrent.Future<?>> running = new ArrayList<>();
                t = System.nanoTime();
                for (int d = 0; d < DESKS; d++) {
                    int desk = d;
                    running.add(pool.submit(() -> {
                        pushers.get(desk).pushAll(perDesk.get(desk));
                        return null;
                    }));
                }
                for (var f : running) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            double concurrentRate = share * DESKS / seconds(t);
            print("push_http_" + DESKS + "_desks_ops_per_s", concurrentRate, "ops/s");

            double jdbcRate = PUSH_OPS / jdbcBaseline(ops);
            print("push_jdbc_baseline_ops_per_s", jdbcRate, "ops/s");
            print("push_http_vs_jdbc_ratio", pushRate / jdbcRate, "x");
            print("push_http_" + DESKS + "_desks_vs_jdbc_ratio", concurrentRate / jdbcRate, "x");
        }

        /** Bookings (on new 1000-seat classes) and check-ins, alternating, one per member, sequences from 1. */
        private List<SyncApi.Operation> operations(List<Club.Member> who) {
            int perSlot = 1000;
            List<SlotId> slots = new ArrayList<>();
            Instant start = Instant.now().plus(Duration.ofDays(2 + SLOT_DAY.getAndIncrement())).truncatedTo(ChronoUnit.HOURS);
            for (int i = 0; i < (who.size() / 2 + perSlot - 1) / perSlot; i++) {
                slots.add(slot(perSlot, start.plus(Duration.ofHours(2L * i))));
            }
            List<SyncApi.Operation> ops = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < who.size(); i++) {
                Club.Member m = who.get(i);
                OperationPayload payload = i % 2 == 0
                        ? new OperationPayload.BookSeat(BookingId.random(), slots.get((i / 2) / perSlot), m.id(), false, null)
                        : new OperationPayload.RecordCheckIn(CheckInId.random(), m.id(), CheckInMethod.STAFF, now, true,
                                CheckInReason.OK, false, new MembershipId(m.membershipId()), false, null,
                                new LocationId(location));
                ops.add(new SyncApi.Operation(UUID.randomUUID(), i + 1, payload.type(), new HlcTimestamp(now.toEpochMilli(),
                        i, "bench"), frontDesk, Map.of(), payload));
            }
            return ops;
        }

        private static List<SyncApi.Operation> renumber(List<SyncApi.Operation> ops) {
            List<SyncApi.Operation> out = new ArrayList<>(ops.size());
            for (int i = 0; i < ops.size(); i++) {
                SyncApi.Operation o = ops.get(i);
                out.add(new SyncApi.Operation(o.opId(), i + 1, o.type(), o.hlc(), o.actor(), o.readVersions(), o.payload()));
            }
            return out;
        }

        /** An enrolled device with its token, pushing in the desk's batch size. */
        private Pusher pusher(String name) throws Exception {
            SyncApi.Enrollment device = post("/api/v1/devices/enroll", null,
                    new SyncApi.EnrollRequest(pairingCode(), name, DeviceKind.FRONT_DESK), SyncApi.Enrollment.class);
            String token = post("/api/v1/devices/token", null, new SyncApi.DeviceLogin(device.deviceId(),
                    device.deviceSecret()), SyncApi.DeviceToken.class).accessToken();
            // the front-desk staff member logged in at this device: it signs their operations (decision 0013)
            SyncApi.StaffCredential credential = post("/api/v1/sync/staff-credentials", token,
                    new SyncApi.StaffCredentialRequest(frontDeskToken), SyncApi.StaffCredential.class);
            return new Pusher(token, device.deviceId(), credential);
        }

        private final class Pusher {
            private final String token;
            private final DeviceId device;
            private final SyncApi.StaffCredential credential;

            Pusher(String token, DeviceId device, SyncApi.StaffCredential credential) {
                this.token = token;
                this.device = device;
                this.credential = credential;
            }

            List<SyncApi.Operation> signed(List<SyncApi.Operation> ops) {
                return ops.stream().map(o -> OperationProofs.signed(credential.credentialId(),
                        credential.key(), device, o)).toList();
            }

            void pushAll(List<SyncApi.Operation> ops) throws Exception {
                int applied = 0;
                for (int from = 0; from < ops.size(); from += BATCH) {
                    SyncApi.PushResponse response = post("/api/v1/sync/push", token,
                            new SyncApi.PushRequest(ops.subList(from, Math.min(ops.size(), from + BATCH))),
                            SyncApi.PushResponse.class);
                    applied += (int) response.outcomes().stream()
                            .filter(o -> o.status() == SyncApi.OutcomeStatus.APPLIED).count();
                }
                if (applied != ops.size()) {
                    throw new IllegalStateException("Only " + applied + " of " + ops.size() + " operations applied");
                }
            }
        }

        /**
         * The same rows a push stores, plain JDBC, one batch per statement and one commit per 200
         * operations: sync_operation for each, the check_in or booking row, and one change-feed row
         * per changed row (the check-in; the booking; each booked slot once per transaction). The
         * change rows go to a copy of change_log (same columns and keys) so that no desk pulls them.
         */
        private double jdbcBaseline(List<SyncApi.Operation> ops) throws Exception {
            UUID device = UUID.randomUUID();
            try (Connection c = app.database().dataSource().getConnection()) {
                try (PreparedStatement d = c.prepareStatement("insert into device (id, name, kind, location_id, secret_hash, "
                        + "enrolled_at, last_sequence) values (?, 'Baseline', 'FRONT_DESK', ?, 'x', ?, 0)");
                     var ddl = c.createStatement()) {
                    d.setObject(1, device);
                    d.setObject(2, location);
                    d.setTimestamp(3, Timestamp.from(Instant.now()));
                    d.executeUpdate();
                    ddl.execute("create table bench_change_log (like change_log including all)");
                }
                c.commit();
                long position = 0;
                long t = System.nanoTime();
                try (PreparedStatement op = c.prepareStatement("insert into sync_operation (op_id, device_id, sequence, type, "
                        + "payload, actor, status, received_at, applied_at) values (?, ?, ?, ?, ?, ?, 'APPLIED', ?, ?)");
                     PreparedStatement checkIn = c.prepareStatement("insert into check_in (id, member_id, location_id, method, "
                             + "admitted, reason, membership_id, staff_user_id, device_id, decided_at) "
                             + "values (?, ?, ?, 'STAFF', true, 'OK', ?, ?, ?, ?)");
                     PreparedStatement booking = c.prepareStatement("insert into booking (id, slot_id, member_id, status, "
                             + "starts_at, ends_at, booked_by, created_at) values (?, ?, ?, 'BOOKED', ?, ?, ?, ?)");
                     PreparedStatement change = c.prepareStatement("insert into bench_change_log (position, entity_type, "
                             + "entity_id, kind, data, location_id, committed_at) values (?, ?, ?, 'UPSERT', ?, ?, ?)")) {
                    for (int from = 0; from < ops.size(); from += BATCH) {
                        // a row changed several times in one transaction is one change of the feed
                        java.util.Set<UUID> slotsChanged = new java.util.LinkedHashSet<>();
                        for (SyncApi.Operation o : ops.subList(from, Math.min(ops.size(), from + BATCH))) {
                            Timestamp now = Timestamp.from(Instant.now());
                            op.setObject(1, UUID.randomUUID());
                            op.setObject(2, device);
                            op.setLong(3, o.sequence());
                            op.setString(4, o.type().name());
                            op.setString(5, JSON.writeValueAsString(o.payload()));
                            op.setObject(6, frontDesk.value());
                            op.setTimestamp(7, now);
                            op.setTimestamp(8, now);
                            op.addBatch();
                            if (o.payload() instanceof OperationPayload.RecordCheckIn ci) {
                                UUID id = UUID.randomUUID();
                                checkIn.setObject(1, id);
                                checkIn.setObject(2, ci.memberId().value());
                                checkIn.setObject(3, location);
                                checkIn.setObject(4, ci.membershipId().value());
                                checkIn.setObject(5, frontDesk.value());
                                checkIn.setObject(6, device);
                                checkIn.setTimestamp(7, now);
                                checkIn.addBatch();
                                change(change, ++position, "checkIn", id, ci, now);
                            } else if (o.payload() instanceof OperationPayload.BookSeat b) {
                                UUID id = UUID.randomUUID();
                                booking.setObject(1, id);
                                booking.setObject(2, b.slotId().value());
                                booking.setObject(3, b.memberId().value());
                                booking.setTimestamp(4, now);
                                booking.setTimestamp(5, now);
                                booking.setObject(6, frontDesk.value());
                                booking.setTimestamp(7, now);
                                booking.addBatch();
                                change(change, ++position, "booking", id, b, now);
                                slotsChanged.add(b.slotId().value());
                            }
                        }
                        for (UUID slot : slotsChanged) {
                            change(change, ++position, "slot", slot, Map.of("id", slot), Timestamp.from(Instant.now()));
                        }
                        op.executeBatch();
                        checkIn.executeBatch();
                        booking.executeBatch();
                        change.executeBatch();
                        c.commit();
                    }
                }
                double s = seconds(t);
                print("push_jdbc_change_rows_per_op", (double) position / ops.size(), "rows");
                try (var ddl = c.createStatement()) {
                    ddl.execute("drop table bench_change_log");
                }
                c.commit();
                return s;
            }
        }

        private void change(PreparedStatement change, long position, String type, UUID id, Object data, Timestamp now)
                throws Exception {
            change.setLong(1, position);
            change.setString(2, type);
            change.setString(3, id.toString());
            change.setString(4, JSON.writeValueAsString(data));
            change.setObject(5, location);
            change.setTimestamp(6, now);
            change.addBatch();
        }

        private Desk initialSync() {
            Desk desk = desk("bench_a");
            long t = System.nanoTime();
            desk.syncOnce();
            double s = seconds(t);
            long mirrored = desk.store().inTransaction(x -> x.createSelectionQuery(
                    "select count(*) from MirrorRow where entityType = 'member'", Long.class).getSingleResult());
            if (mirrored < MEMBERS) {
                throw new IllegalStateException("The desk mirrored " + mirrored + " members");
            }
            print("initial_sync_members", mirrored, "members");
            print("initial_sync_seconds", s, "s");
            return desk;
        }

        private void backlog(Desk desk) {
            long t = System.nanoTime();
            for (int i = 0; i < BACKLOG; i++) {
                desk.members().register(frontDesk, new NewMember("Backlog", "Signup " + i, null, null, null));
            }
            print("backlog_record_locally_seconds", seconds(t), "s");
            t = System.nanoTime();
            int rounds = 0;
            while (desk.pendingOperations() > 0) {
                desk.syncOnce();
                rounds++;
            }
            double s = seconds(t);
            print("backlog_operations", BACKLOG, "ops");
            print("backlog_drain_seconds", s, "s");
            print("backlog_drain_ops_per_s", BACKLOG / s, "ops/s");
            print("backlog_drain_sync_rounds", rounds, "rounds");
        }

        private void propagation(Desk a) throws Exception {
            SlotId slot = slot(ROUNDS + 10, Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS));
            a.syncOnce();
            Desk b = desk("bench_b");
            b.syncOnce();
            b.start();
            try {
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                    long t = System.nanoTime();
                    BookingResult booked = a.bookings().book(frontDesk, slot, members.get(2 * PUSH_OPS + i).id(), false);
                    a.syncOnce();
                    BookingId id = booked.bookingId();
                    while (b.bookings().find(id).filter(v -> !v.pending()).isEmpty()) {
                        if (System.nanoTime() - t > Duration.ofSeconds(60).toNanos()) {
                            throw new IllegalStateException("Desk B never saw booking " + i);
                        }
                        Thread.sleep(2);
                    }
                    millis.add((System.nanoTime() - t) / 1e6);
                }
                Collections.sort(millis);
                print("propagation_p50_ms", millis.get(millis.size() / 2), "ms");
                print("propagation_p99_ms", millis.get((int) Math.ceil(millis.size() * 0.99) - 1), "ms");
            } finally {
                b.stop();
            }
        }

        private Desk desk(String name) {
            DeskStore store = DeskStore.inMemory(name + "_" + UUID.randomUUID().toString().substring(0, 8));
            stores.add(store);
            Desk desk = new Desk(store, Desk.Settings.of(app.baseUrl(), http, Clock.systemUTC()));
            desk.enroll(pairingCode(), name, DeviceKind.FRONT_DESK);
            desk.staffLogin("bench-desk@sim.spotter.app", "bench-password-1");
            return desk;
        }

        private String pairingCode() {
            ApiClient.Response code = api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), manager);
            SimGym.expect(code, 201);
            return code.text("code");
        }

        private SlotId slot(int capacity, Instant start) {
            ApiClient.Response session = api.post("/api/v1/sessions", Map.of("kind", "CLASS", "title", "Spin",
                    "locationId", location, "capacity", capacity), manager);
            SimGym.expect(session, 201);
            ApiClient.Response slot = api.post("/api/v1/sessions/" + session.text("id") + "/slots", Map.of("startsAt",
                    start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString()), manager);
            SimGym.expect(slot, 201);
            return SlotId.of(slot.body().get(0).get("id").asText());
        }

        private <T> T post(String path, String token, Object body, Class<T> type) throws Exception {
            Request.Builder request = new Request.Builder().url(app.baseUrl() + path)
                    .post(RequestBody.create(JSON.writeValueAsBytes(body), MediaType.get("application/json")));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try (Response response = http.newCall(request.build()).execute()) {
                String text = response.body().string();
                if (!response.isSuccessful()) {
                    throw new IllegalStateException(path + " answered " + response.code() + " " + text);
                }
                return JSON.readValue(text, type);
            }
        }
    }

    static void print(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.2f %s", name, value, unit));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int intEnv(String key, int fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v);
    }
}
