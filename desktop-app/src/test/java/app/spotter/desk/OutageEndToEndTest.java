package app.spotter.desk;

import static app.spotter.desk.support.FxTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.Desk;
import app.spotter.client.store.DeskStore;
import app.spotter.client.store.DeviceState;
import app.spotter.client.store.Feed;
import app.spotter.client.sync.ConflictView;
import app.spotter.client.sync.ServerUnavailable;
import app.spotter.desk.checkin.DoorAnswer;
import app.spotter.desk.kiosk.ManagerPin;
import app.spotter.desk.schedule.SlotItem;
import app.spotter.desk.support.ServerProcess;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.FxTaskExecutor;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.Theme;
import app.spotter.model.checkin.CheckInReason;
import app.spotter.model.sync.DeviceKind;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The outage, end to end, with every part real: the sync server in its own JVM on a fresh
 * PostgreSQL database with the demo gym, two desks (each its own H2 store, its own view models,
 * paired with pairing codes, staff logged in). The server is killed; at both desks the same member
 * with one credit left is let in (hours apart) and the last seats of a class are sold beyond the
 * desks' seat leases. The server comes back on the same database, both desks sync until nothing is
 * pending, their mirrors agree with the server (never more confirmed bookings than seats, every
 * check-in there once), and the manager's screen at one desk lists what could not be merged.
 */
@ExtendWith(ApplicationExtension.class)
class OutageEndToEndTest {

    private static final String MANAGER_EMAIL = "manager@demo.spotter.app";
    private static final String MANAGER_PASSWORD = "demo-manager-1";
    private static final String DESK_EMAIL = "desk@demo.spotter.app";
    private static final String DESK_PASSWORD = "demo-desk-1";
    private static final int CAPACITY = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestDatabase.Instance database;
    private static ServerProcess server;
    private static ApiClient api;
    private static String managerToken;
    private static ZoneId zone;
    private static UUID slot;
    private static String lastCreditMember;
    private static List<String> regulars;
    private static TestDesk front;
    private static TestDesk office;

    private final Texts texts = new Texts(Locale.ENGLISH);
    private DeskScreens screens;
    private Scene scene;

    /** A desk's clock that can be turned back, for a visit made hours earlier in the outage. */
    static final class TurnableClock extends Clock {
        private final java.util.concurrent.atomic.AtomicReference<Duration> offset;
        private final ZoneId zone;

        TurnableClock() {
            this(new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO), java.time.ZoneOffset.UTC);
        }

        private TurnableClock(java.util.concurrent.atomic.AtomicReference<Duration> offset, ZoneId zone) {
            this.offset = offset;
            this.zone = zone;
        }

        void turnBack(Duration by) {
            offset.set(by.negated());
        }

        void reset() {
            offset.set(Duration.ZERO);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        /** The same turnable time, seen in another zone (the schedule's clock). */
        @Override
        public Clock withZone(ZoneId other) {
            return new TurnableClock(offset, other);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    /** One desk as the app builds it: its own store, the sync client, every view model. */
    static final class TestDesk {
        final TurnableClock clock = new TurnableClock();
        final DeskStore store = DeskStore.inMemory("e2e_" + UUID.randomUUID().toString().replace("-", ""));
        final FxTaskExecutor tasks = new FxTaskExecutor();
        final Desk desk;
        DeskViewModels models;

        TestDesk(String serverUrl, String pairingCode, String name) {
            desk = new Desk(store, Desk.Settings.of(serverUrl, new OkHttpClient.Builder()
                    .readTimeout(Duration.ofSeconds(30)).build(), clock));
            desk.enroll(pairingCode, name, DeviceKind.FRONT_DESK);
        }

        DeskViewModels models(Texts texts) {
            models = new DeskViewModels(desk, tasks, texts, new CurrentStaff(), ManagerPin.of("2468"), clock);
            return models;
        }

        String deviceId() {
            return store.inTransaction(s -> s.find(DeviceState.class, DeviceState.ID).deviceId);
        }

        void close() {
            if (models != null) {
                fx(models::close);
            }
            tasks.close();
            desk.close();
            store.shutdown();
        }
    }

    @BeforeAll
    static void startServerAndPairDesks() throws Exception {
        database = TestDatabase.POSTGRESQL.create();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = new HashMap<>();
        env.put("SPOTTER_DB_URL", database.config().databaseUrl());
        env.put("SPOTTER_DB_USER", database.config().databaseUser());
        env.put("SPOTTER_DB_PASSWORD", database.config().databasePassword());
        env.put("SPOTTER_JWT_SECRET", Base64.getEncoder().encodeToString(
                UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.UTF_8)));
        env.put("SPOTTER_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
        env.put("SPOTTER_DATA_DIR", Path.of("target", "e2e-data", database.name()).toAbsolutePath().toString());
        env.put("SPOTTER_DEMO_DATA", "true");
        server = new ServerProcess(env, ServerProcess.freePort(),
                Path.of("target", "e2e-server-" + database.name() + ".log"));
        server.start();
        api = new ApiClient(server.baseUrl());
        managerToken = demoLogin(MANAGER_EMAIL, MANAGER_PASSWORD);
        arrangeTheDay();
        front = new TestDesk(server.baseUrl(), pairingCode(), "Front desk");
        office = new TestDesk(server.baseUrl(), pairingCode(), "Manager's office");
        front.desk.syncOnce();
        office.desk.syncOnce();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (TestDesk d : new TestDesk[] {front, office}) {
            if (d != null) {
                d.close();
            }
        }
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** The demo gym loads after /health answers: its logins work a moment later. */
    private static String demoLogin(String email, String password) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ApiClient.Response r;
        do {
            r = api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
            if (r.status() == 200) {
                return r.text("accessToken");
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The demo login does not work: " + r);
    }

    /**
     * Through the API as the demo manager: a member on a one-credit drop-in plan, six regulars on
     * the unlimited plan, and tomorrow's 14:00 class with five seats, one sold online already.
     */
    private static void arrangeTheDay() {
        JsonNode location = ok(api.get("/api/v1/locations", managerToken)).body();
        JsonNode studio = location.isArray() ? location.get(0) : location.get("items").get(0);
        UUID locationId = UUID.fromString(studio.get("id").asText());
        zone = ZoneId.of(studio.get("timezone").asText());
        String unlimited = plan("Unlimited monthly");
        String dropIn = plan("Drop-in class");
        LocalDate yesterday = LocalDate.now(zone).minusDays(1);
        lastCreditMember = member("Kiran", "Lastcredit", dropIn, yesterday);
        regulars = new ArrayList<>();
        for (String last : List.of("Anand", "Bhat", "Chopra", "Dutta", "Engineer", "Fernandes", "Gill")) {
            regulars.add(member("Reg", last, unlimited, yesterday));
        }
        String session = ok(api.post("/api/v1/sessions", Map.of("kind", "CLASS", "title", "Sunset Spin",
                "locationId", locationId, "capacity", CAPACITY), managerToken)).text("id");
        ZonedDateTime start = ZonedDateTime.of(LocalDate.now(zone).plusDays(1), LocalTime.of(14, 0), zone);
        slot = UUID.fromString(ok(api.post("/api/v1/sessions/" + session + "/slots", Map.of(
                "startsAt", start.toInstant().toString(), "endsAt", start.plusMinutes(45).toInstant().toString()),
                managerToken)).body().get(0).get("id").asText());
        // One seat sold in the app before the desks pair: four left, which the two desks lease.
        ok(api.post("/api/v1/bookings", Map.of("slotId", slot, "memberId", memberId(regulars.get(6))), managerToken));
    }

    private static final Map<String, String> MEMBER_IDS = new HashMap<>();

    private static String memberId(String number) {
        return MEMBER_IDS.get(number);
    }

    private static String plan(String name) {
        JsonNode plans = ok(api.get("/api/v1/plans", managerToken)).body();
        for (JsonNode p : plans.isArray() ? plans : plans.get("items")) {
            if (name.equals(p.get("name").asText())) {
                return p.get("id").asText();
            }
        }
        throw new AssertionError("No demo plan " + name + " in " + plans);
    }

    /** Registers a member on a plan; returns the member number the desk staff type. */
    private static String member(String first, String last, String planId, LocalDate startsOn) {
        ApiClient.Response m = ok(api.post("/api/v1/members", Map.of("firstName", first, "lastName", last),
                managerToken));
        ok(api.post("/api/v1/members/" + m.text("id") + "/memberships", Map.of("planId", planId,
                "startsOn", startsOn.toString()), managerToken));
        MEMBER_IDS.put(m.text("memberNumber"), m.text("id"));
        return m.text("memberNumber");
    }

    private static String pairingCode() {
        return ok(api.post("/api/v1/devices/pairing-codes", Map.of("locationId",
                ok(api.get("/api/v1/locations", managerToken)).body().findValue("id").asText()), managerToken))
                .text("code");
    }

    private static ApiClient.Response ok(ApiClient.Response r) {
        assertTrue(r.status() / 100 == 2, r.toString());
        return r;
    }

    @Start
    void showTheOfficeDesk(Stage stage) {
        screens = new DeskScreens(office.models(texts), texts, full -> { });
        front.models(texts);
        Theme.apply(false);
        scene = new Scene(screens.shell.root(), 1280, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        screens.shell.shown();
    }

    @Test
    void bothDesksWorkThroughAnOutageConvergeAndTheManagerSeesWhatCouldNotBeMerged(FxRobot robot) throws Exception {
        // Staff log in while the server is up: the front desk's Neha in code, the manager on the screen.
        logIn(front, DESK_EMAIL, DESK_PASSWORD);
        robot.clickOn("#loginEmail").write(MANAGER_EMAIL);
        robot.clickOn("#loginPassword").write(MANAGER_PASSWORD);
        robot.clickOn("#logIn");
        waitUntil(() -> office.models.staff.user() != null);
        assertEquals(2, leasedSeats(front), "the front desk holds two seats of the class");
        assertEquals(2, leasedSeats(office), "the office desk holds the other two");

        server.kill();
        assertThrows(ServerUnavailable.class, front.desk::syncOnce);
        assertThrows(ServerUnavailable.class, office.desk::syncOnce);

        // The outage lasts the afternoon: Kiran spends the last credit at the front desk at noon...
        front.clock.turnBack(Duration.ofHours(4));
        DoorAnswer noon = checkIn(front, lastCreditMember);
        front.clock.reset();
        assertTrue(noon.admitted(), noon.toString());
        assertEquals(Integer.valueOf(0), noon.credits(), "the front desk saw the last credit go");
        // ...and comes back at four, at the other desk, which still sees one credit.
        DoorAnswer four = checkIn(office, lastCreditMember);
        assertTrue(four.admitted(), four.toString());
        assertEquals(CheckInReason.OK, four.reason());
        assertTrue(checkIn(front, regulars.get(0)).admitted());
        assertTrue(checkIn(office, regulars.get(1)).admitted());

        // Both desks sell the last seats of tomorrow's class: two from their lease each, then one more.
        List<String> frontSays = new ArrayList<>();
        List<String> officeSays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            frontSays.add(book(front, regulars.get(i)));
            officeSays.add(book(office, regulars.get(3 + i)));
        }
        List<String> expected = List.of(texts.get("schedule.result.CONFIRMED"), texts.get("schedule.result.CONFIRMED"),
                texts.get("schedule.result.TENTATIVE"));
        assertEquals(expected, frontSays);
        assertEquals(expected, officeSays);
        assertEquals(5, front.desk.pendingOperations());
        assertEquals(5, office.desk.pendingOperations());
        Set<String> checkInIds = new TreeSet<>(outboxCheckIns(front));
        checkInIds.addAll(outboxCheckIns(office));
        assertEquals(4, checkInIds.size());

        long down = System.nanoTime();
        server.start();
        System.out.printf("E2E server restart to /health: %d ms%n", (System.nanoTime() - down) / 1_000_000);
        syncUntilConverged();

        // The server: never more confirmed bookings than seats, every desk check-in there once.
        assertEquals(List.of(), overbookedSlots(), "slots with more confirmed bookings than seats");
        assertEquals(CAPACITY, (int) serverCount("select count(*) from booking where slot_id = ? and status = 'BOOKED'",
                slot));
        for (String id : checkInIds) {
            assertEquals(1, serverCount("select count(*) from check_in where id = ?", UUID.fromString(id)), id);
        }
        assertEquals(-1, serverCount("select coalesce(sum(e.delta), 0) from credit_entry e join membership m"
                + " on m.id = e.membership_id where m.member_id = ?", UUID.fromString(memberId(lastCreditMember))),
                "two visits on one credit: the ledger is overdrawn by one");
        Map<String, Long> conflicts = serverConflicts();
        assertEquals(Map.of("CREDIT_OVERDRAWN", 1L, "TENTATIVE_BOOKING_LOST", 2L), conflicts);

        // Both desks: the same confirmed rows as each other and as the server.
        Map<String, String> frontMirror = mirror(front);
        assertEquals(frontMirror, mirror(office), "the two desks' mirrors differ");
        assertEquals(serverBookings(), mirrorBookings(front), "the desk's bookings of the class differ from the server's");
        assertTrue(mirrorIds(front, Feed.CHECK_IN).containsAll(checkInIds), "every check-in came back to the desk");
        assertEquals(serverIds("select id from check_in"), mirrorIds(front, Feed.CHECK_IN));
        assertEquals(serverIds("select id from sync_conflict where status = 'OPEN'"),
                new TreeSet<>(office.desk.reconciliation().open().stream().map(c -> c.id().toString()).toList()));

        // The manager's screen at the office desk lists them.
        robot.clickOn("#nav-MANAGER");
        waitUntil(() -> screens.models.manager.conflicts().size() == 3);
        List<String> kinds = robot.lookup(".conflict-kind").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null && !t.isEmpty()).sorted().toList();
        assertEquals(List.of(texts.get("conflict.kind.TENTATIVE_BOOKING_LOST"),
                texts.get("conflict.kind.TENTATIVE_BOOKING_LOST"), texts.get("conflict.kind.CREDIT_OVERDRAWN")).stream()
                .sorted().toList(), kinds);
        List<String> facts = robot.lookup(".conflict-facts").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null && !t.isEmpty()).toList();
        assertEquals(3, facts.size(), facts.toString());
        // In words: the member's name and number and the balance, not the ids the server recorded.
        assertTrue(facts.stream().anyMatch(f -> f.contains("Kiran Lastcredit (" + lastCreditMember + ")")
                && f.contains(texts.get("conflict.fact.balance", "-1"))), facts.toString());
        for (ConflictView c : screens.models.manager.conflicts()) {
            assertTrue(!c.resolutions().isEmpty(), "every conflict offers a resolution: " + c);
        }
        assertTrue(robot.lookup("#resolve-WAIVE").tryQuery().isPresent(), "the overdrawn credit can be waived");
        screenshot("18-manager-after-outage.png");
    }

    // ------------------------------------------------------------------ the desks, as staff use them

    private static void logIn(TestDesk d, String email, String password) {
        fx(() -> {
            d.models.login.emailProperty().set(email);
            d.models.login.passwordProperty().set(password);
            d.models.login.logIn();
        });
        waitUntil(() -> d.models.staff.user() != null);
    }

    /** The member number typed on the pad and OK pressed, as for a member without the card at hand. */
    private static DoorAnswer checkIn(TestDesk d, String memberNumber) {
        fx(() -> {
            d.models.checkIn.clearAnswer();
            d.models.checkIn.padTextProperty().set(memberNumber);
            d.models.checkIn.submitPad();
        });
        waitUntil(() -> d.models.checkIn.answerProperty().get() != null);
        return d.models.checkIn.answerProperty().get();
    }

    /** At the schedule: tomorrow, the member chosen by number, Book on the class. */
    private static String book(TestDesk d, String memberNumber) {
        var schedule = d.models.schedule;
        fx(() -> {
            schedule.dayProperty().set(LocalDate.now(zone).plusDays(1));
            schedule.memberQueryProperty().set(memberNumber);
            schedule.chooseMember();
        });
        waitUntil(() -> schedule.memberProperty().get() != null
                && memberNumber.equals(schedule.memberProperty().get().memberNumber())
                && schedule.messageProperty().get().isEmpty()
                // the day as refreshed for this member, who has no place on the class yet
                && schedule.slots().stream().anyMatch(i -> i.slot().id().value().equals(slot) && !i.memberHoldsPlace()));
        SlotItem item = schedule.slots().stream().filter(i -> i.slot().id().value().equals(slot)).findFirst()
                .orElseThrow();
        fx(() -> schedule.book(item, false));
        waitUntil(() -> !schedule.messageProperty().get().isEmpty());
        return schedule.messageProperty().get();
    }

    private static void fx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Sync rounds, alternating, until neither desk has anything pending and a whole round changed neither desk's copy. */
    private static void syncUntilConverged() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                front.desk.syncOnce();
                office.desk.syncOnce();
                front.desk.syncOnce();
                if (front.desk.pendingOperations() == 0 && office.desk.pendingOperations() == 0) {
                    // Quiet: a whole round in which neither desk's copy changed. A desk's own lease
                    // top-up at the end of its round reaches its copy (the slot's seat count) only with
                    // its next pull, so "nothing pending" alone is not yet "converged".
                    Map<String, String> frontBefore = mirror(front);
                    Map<String, String> officeBefore = mirror(office);
                    front.desk.syncOnce();
                    office.desk.syncOnce();
                    if (frontBefore.equals(mirror(front)) && officeBefore.equals(mirror(office))) {
                        return;
                    }
                }
            } catch (ServerUnavailable notYet) {
                // the server is still warming up
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not converged: front " + front.desk.pendingOperations() + " pending, office "
                        + office.desk.pendingOperations());
            }
            Thread.sleep(200);
        }
    }

    // ------------------------------------------------------------------ what the desks hold

    /** This desk's own leased seats of the class (the feed carries every desk's leases). */
    private static int leasedSeats(TestDesk d) {
        return d.store.inTransaction(s -> s.createNativeQuery(
                "select data from mirror_row where entity_type = ? and slot_id = ?", String.class)
                .setParameter(1, Feed.SEAT_LEASE).setParameter(2, slot.toString()).getResultList())
                .stream().map(OutageEndToEndTest::read).filter(l -> d.deviceId().equals(l.path("deviceId").asText()))
                .mapToInt(l -> l.path("seats").asInt()).sum();
    }

    private static List<String> outboxCheckIns(TestDesk d) {
        return d.store.inTransaction(s -> s.createNativeQuery("select payload from outbox where type = 'CHECK_IN'",
                String.class).getResultList()).stream().map(p -> read(p).findValue("checkInId").asText()).toList();
    }

    /** Every confirmed row but the desk's own seat leases, as (type:id -> JSON). */
    private static Map<String, String> mirror(TestDesk d) {
        Map<String, String> rows = new TreeMap<>();
        d.store.inTransaction(s -> s.createNativeQuery(
                "select entity_type, entity_id, data from mirror_row where entity_type <> ?", Object[].class)
                .setParameter(1, Feed.SEAT_LEASE).getResultList())
                .forEach(r -> rows.put(r[0] + ":" + r[1], String.valueOf(r[2])));
        return rows;
    }

    private static Map<String, String> mirrorBookings(TestDesk d) {
        Map<String, String> bookings = new TreeMap<>();
        d.store.inTransaction(s -> s.createNativeQuery(
                "select data from mirror_row where entity_type = ? and slot_id = ?", String.class)
                .setParameter(1, Feed.BOOKING).setParameter(2, slot.toString()).getResultList())
                .forEach(data -> bookings.put(read(data).get("id").asText(), read(data).get("status").asText()));
        return bookings;
    }

    private static Set<String> mirrorIds(TestDesk d, String type) {
        List<String> ids = d.store.inTransaction(s -> s.createNativeQuery(
                "select entity_id from mirror_row where entity_type = ?", String.class).setParameter(1, type)
                .getResultList());
        return new TreeSet<>(ids);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ what the server holds

    private static Connection serverDb() throws SQLException {
        return DriverManager.getConnection(database.config().databaseUrl(), database.config().databaseUser(),
                database.config().databasePassword());
    }

    private static <T> T query(String sql, SqlReader<T> reader, Object... params) {
        try (Connection c = serverDb(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private interface SqlReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static long serverCount(String sql, Object... params) {
        return query(sql, rs -> {
            rs.next();
            return rs.getLong(1);
        }, params);
    }

    private static List<String> overbookedSlots() {
        return query("select s.id from time_slot s where s.capacity < (select count(*) from booking b"
                + " where b.slot_id = s.id and b.status in ('BOOKED', 'ATTENDED'))", rs -> {
                    List<String> ids = new ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                    return ids;
                });
    }

    private static Map<String, Long> serverConflicts() {
        return query("select kind, count(*) from sync_conflict where status = 'OPEN' group by kind", rs -> {
            Map<String, Long> kinds = new TreeMap<>();
            while (rs.next()) {
                kinds.put(rs.getString(1), rs.getLong(2));
            }
            return kinds;
        });
    }

    private static Map<String, String> serverBookings() {
        return query("select id, status from booking where slot_id = ?", rs -> {
            Map<String, String> bookings = new TreeMap<>();
            while (rs.next()) {
                bookings.put(rs.getString(1), rs.getString(2));
            }
            return bookings;
        }, slot);
    }

    private static Set<String> serverIds(String sql) {
        return query(sql, rs -> {
            Set<String> ids = new TreeSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        });
    }

    private void screenshot(String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        fx(() -> image[0] = scene.getRoot().snapshot(null, null));
        Path dir = Path.of(System.getProperty("spotter.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", dir.resolve(name).toFile());
        assertNotNull(image[0]);
    }

}
