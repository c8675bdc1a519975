package app.spotter.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.Desk;
import app.spotter.client.booking.BookingResult;
import app.spotter.client.checkin.CheckInResult;
import app.spotter.client.store.DeskStore;
import app.spotter.client.sync.ServerUnavailable;
import app.spotter.model.access.Role;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.DeviceKind;
import app.spotter.server.SpotterApp;
import app.spotter.server.auth.AccessTokens;
import app.spotter.server.config.ServerSecrets;
import app.spotter.server.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server as a real, separate process on PostgreSQL: a desk pushes through a proxy that cuts
 * answers in half, and the server is SIGKILLed in the middle of a push batch and started again on
 * the same database. Afterwards every operation has exactly one outcome and every booking and
 * check-in exists exactly once.
 */
class RealProcessTest {

    private TestDatabase.Instance database;
    private ServerProcess process;
    private SpotterApp arranger;
    private DeskStore store;
    private Desk desk;
    private String managerToken;
    private UserId frontDesk;
    private String deskEmail;
    private UUID location;

    @BeforeEach
    void startServerProcess() throws Exception {
        database = TestDatabase.POSTGRESQL.create();
        String jwt = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.UTF_8));
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Map<String, String> env = new HashMap<>();
        env.put("SPOTTER_DB_URL", database.config().databaseUrl());
        env.put("SPOTTER_DB_USER", database.config().databaseUser());
        env.put("SPOTTER_DB_PASSWORD", database.config().databasePassword());
        env.put("SPOTTER_JWT_SECRET", jwt);
        env.put("SPOTTER_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
        env.put("SPOTTER_DATA_DIR", Path.of("target", "process-data", database.name()).toAbsolutePath().toString());
        process = new ServerProcess(env, ServerProcess.freePort(), Path.of("target", "server-process-" + database.name() + ".log"));
        process.start();
        // A second server on the same database (as a second process of a chain would be) arranges the gym.
        ServerSecrets secrets = new ServerSecrets(jwt.getBytes(StandardCharsets.UTF_8), key);
        arranger = SpotterApp.create(database.config(), secrets, Clock.systemUTC()).start();
        var accounts = arranger.services().accounts();
        accounts.bootstrapAccount("manager-" + UUID.randomUUID() + "@sim.spotter.app", "sim-password-1", "Manager",
                Role.MANAGER, null);
        deskEmail = "desk-" + UUID.randomUUID() + "@sim.spotter.app";
        var deskLogin = accounts.bootstrapAccount(deskEmail, "sim-password-1", "Desk", Role.FRONT_DESK, null);
        managerToken = arranger.services().tx().inTransaction(s -> {
            UUID id = s.createSelectionQuery("select u.id from UserAccount u where u.role = :r", UUID.class)
                    .setParameter("r", Role.MANAGER).getSingleResult();
            return new AccessTokens(secrets.jwtSecret(), Clock.systemUTC()).issue(new UserId(id), Role.MANAGER);
        });
        frontDesk = UserId.of(new app.spotter.server.support.ApiClient(arranger.baseUrl()).get("/api/v1/me",
                deskLogin.accessToken()).text("id"));
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (desk != null) {
            desk.close();
            store.shutdown();
        }
        if (arranger != null) {
            arranger.close();
        }
        process.close();
        database.close();
    }

    @Test
    void aPushWhoseAnswersAreCutMidResponseIsAppliedExactlyOnce() throws Exception {
        try (CuttingProxy proxy = new CuttingProxy(process.port())) {
            Workload work = prepareOfflineWork("http://127.0.0.1:" + proxy.port(), 300);
            proxy.cutResponses(4, 700);

            syncUntilDrained(Duration.ofSeconds(120));

            assertTrue(proxy.cuts() >= 1, "the proxy cut at least one answer");
            assertExactlyOnce(work);
        }
    }

    @Test
    void theServerKilledMidBatchLosesNothingAndAppliesNothingTwice() throws Exception {
        Workload work = prepareOfflineWork("http://127.0.0.1:" + process.port(), 400);
        UUID device = UUID.fromString(Club.deviceId(store));

        CompletableFuture<Void> pushing = CompletableFuture.runAsync(() -> {
            try {
                desk.syncOnce();
            } catch (ServerUnavailable expected) {
                // the server died under it
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long applied = 0;
        while (System.nanoTime() < deadline && (applied = count("select count(*) from sync_operation where device_id = ?", device)) < 60) {
            Thread.sleep(20);
        }
        assertTrue(applied >= 60 && applied < work.operations(), "killed mid-batch, after " + applied + " operations");
        process.kill();
        pushing.get();
        long survived = count("select count(*) from sync_operation where device_id = ?", device);
        assertTrue(survived < work.operations(), "the batch was cut short: " + survived);

        process.start();
        syncUntilDrained(Duration.ofSeconds(120));

        assertExactlyOnce(work);
    }

    /** What a desk did offline: bookings and check-ins, one of each per member at most. */
    private record Workload(List<MemberId> members, List<SlotId> slots, int bookings, int checkIns, int operations) {
    }

    private Workload prepareOfflineWork(String serverUrl, int operations) {
        location = UUID.randomUUID();
        arranger.services().tx().run(s -> {
            var l = new app.spotter.server.locations.LocationRecord();
            l.id = location;
            l.name = "Process studio";
            l.zoneId = "Europe/Berlin";
            l.createdAt = Instant.now();
            s.persist(l);
        });
        var api = new app.spotter.server.support.ApiClient(arranger.baseUrl());
        List<SlotId> slots = new ArrayList<>();
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 2; i++) {
            var session = api.post("/api/v1/sessions", Map.of("kind", "CLASS", "title", "Spin", "locationId", location,
                    "capacity", 500), managerToken);
            assertEquals(201, session.status(), session.toString());
            var slot = api.post("/api/v1/sessions/" + session.text("id") + "/slots", Map.of("startsAt",
                    tomorrow.plus(Duration.ofHours(2L * i)).toString(), "endsAt", tomorrow.plus(Duration.ofHours(2L * i + 1)).toString()),
                    managerToken);
            assertEquals(201, slot.status(), slot.toString());
            slots.add(SlotId.of(slot.body().get(0).get("id").asText()));
        }
        int memberCount = operations / 2;
        List<MemberId> members = Club.bulkMembers(arranger, memberCount);
        var code = api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), managerToken);
        assertEquals(201, code.status(), code.toString());

        store = DeskStore.inMemory("process_" + UUID.randomUUID().toString().replace("-", ""));
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
        desk = new Desk(store, Desk.Settings.of(serverUrl, http, Clock.systemUTC()));
        desk.enroll(code.text("code"), "Process desk", DeviceKind.FRONT_DESK);
        desk.syncOnce();
        // the staff member logs in at the desk, which gets their credential and signs their work (decision 0013)
        assertEquals(frontDesk, desk.staffLogin(deskEmail, "sim-password-1").id());

        int bookings = 0;
        int checkIns = 0;
        for (int i = 0; i < memberCount; i++) {
            BookingResult booked = desk.bookings().book(frontDesk, slots.get(i % 2), members.get(i), false);
            assertTrue(booked.opId() != null, booked.toString());
            bookings++;
            CheckInResult entry = desk.checkIns().byStaff(frontDesk, members.get(i));
            assertTrue(entry.admitted(), entry.toString());
            checkIns++;
        }
        assertEquals(bookings + checkIns, desk.pendingOperations());
        return new Workload(members, slots, bookings, checkIns, bookings + checkIns);
    }

    private void syncUntilDrained(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                desk.syncOnce();
                if (desk.pendingOperations() == 0) {
                    return;
                }
            } catch (ServerUnavailable e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private void assertExactlyOnce(Workload work) {
        UUID device = UUID.fromString(Club.deviceId(store));
        assertEquals(0, desk.pendingOperations(), "the outbox drained");
        assertEquals(work.operations(), count("select count(*) from sync_operation where device_id = ?", device),
                "one outcome per operation");
        assertEquals(work.operations(), count("select count(distinct sequence) from sync_operation where device_id = ?", device));
        assertEquals(work.operations(), count("select max(sequence) from sync_operation where device_id = ?", device),
                "no gaps");
        assertEquals(0, count("select count(*) from sync_operation where device_id = ? and status <> 'APPLIED'", device),
                "every operation applied");
        assertEquals(work.bookings(), count("""
                select count(*) from booking b join time_slot s on s.id = b.slot_id join gym_session g on g.id = s.session_id
                where g.location_id = ? and b.status = 'BOOKED'""", location), "each booking exactly once");
        assertEquals(work.bookings(), count("""
                select count(distinct b.member_id) from booking b join time_slot s on s.id = b.slot_id
                join gym_session g on g.id = s.session_id where g.location_id = ?""", location));
        assertEquals(work.checkIns(), count("select count(*) from check_in where device_id = ?", device),
                "each check-in exactly once");
        assertEquals(work.checkIns(), count("select count(distinct member_id) from check_in where device_id = ?", device));
    }

    private long count(String sql, Object... params) {
        try (Connection c = arranger.database().dataSource().getConnection();
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
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
