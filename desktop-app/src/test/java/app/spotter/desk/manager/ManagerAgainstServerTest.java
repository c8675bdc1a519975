package app.spotter.desk.manager;

import static app.spotter.desk.support.FxTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.Desk;
import app.spotter.client.store.DeskStore;
import app.spotter.desk.DeskScreens;
import app.spotter.desk.DeskViewModels;
import app.spotter.desk.kiosk.ManagerPin;
import app.spotter.desk.support.Outage;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.FxTaskExecutor;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.Theme;
import app.spotter.model.access.Role;
import app.spotter.model.sync.DeviceKind;
import app.spotter.server.conflicts.ConflictRecord;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.TestDatabase;
import app.spotter.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The manager's screen against the real server over HTTP: the device list comes from
 * {@code GET /api/v1/devices} in the manager's own name (their online login at this desk), revoking
 * asks first and then takes effect on the server, the list says so when it cannot be had (offline,
 * or an offline login), and every open conflict of {@code GET /api/v1/conflicts} is on the screen.
 */
@ExtendWith(ApplicationExtension.class)
class ManagerAgainstServerTest {

    private static final String PASSWORD = "manager-pass-1";

    private static TestServer server;
    private static GymFixtures gym;
    private static String managerToken;

    private final Outage outage = new Outage();
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final Texts texts = new Texts(Locale.ENGLISH);
    private DeskStore store;
    private Desk desk;
    private DeskScreens screens;
    private UUID location;
    private String email;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestDatabase.H2);
        gym = new GymFixtures(server);
        managerToken = server.login(Role.MANAGER);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private String pairingCode() {
        return pairingCode("FRONT_DESK");
    }

    /** A pairing code for a device of this kind (the manager chooses it, decision 0013). */
    private String pairingCode(String kind) {
        ApiClient.Response code = server.client().post("/api/v1/devices/pairing-codes",
                Map.of("locationId", location, "kind", kind), managerToken);
        assertEquals(201, code.status(), code.toString());
        return code.text("code");
    }

    @Start
    void enrollAndShow(Stage stage) {
        location = gym.location("Europe/Berlin");
        store = DeskStore.inMemory("desk_mgr_" + UUID.randomUUID().toString().replace("-", ""));
        desk = new Desk(store, Desk.Settings.of(server.app().baseUrl(),
                new OkHttpClient.Builder().addInterceptor(outage).build(), Clock.systemUTC()));
        desk.enroll(pairingCode(), "Front desk " + UUID.randomUUID().toString().substring(0, 4), DeviceKind.FRONT_DESK);
        email = "mgr-" + UUID.randomUUID().toString().substring(0, 8) + "@desk.test";
        server.app().services().accounts().bootstrapAccount(email, PASSWORD, "Mia Manager", Role.MANAGER, null);
        screens = new DeskScreens(new DeskViewModels(desk, tasks, texts, new CurrentStaff(), ManagerPin.of("2468"),
                Clock.systemUTC()), texts, full -> { });
        Theme.apply(false);
        Scene scene = new Scene(screens.shell.root(), 1280, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        screens.shell.shown();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, screens::close);
        tasks.close();
        desk.close();
        store.shutdown();
    }

    private void logIn(FxRobot robot) {
        robot.interact(() -> robot.lookup("#loginEmail").queryTextInputControl().clear());
        robot.clickOn("#loginEmail").write(email);
        robot.clickOn("#loginPassword").write(PASSWORD);
        robot.clickOn("#logIn");
        waitUntil(() -> screens.models.staff.user() != null);
    }

    private String note(FxRobot robot) {
        return robot.lookup("#devicesNote").queryAs(Label.class).getText();
    }

    @Test
    void theManagerSeesTheDevicesAndRevokesOneAfterConfirming(FxRobot robot) {
        // A kiosk at the same gym, paired by another manager.
        ApiClient.Response kiosk = server.client().post("/api/v1/devices/enroll",
                Map.of("pairingCode", pairingCode("KIOSK"), "name", "Kiosk by the door"), null);
        assertEquals(201, kiosk.status(), kiosk.toString());
        String kioskId = kiosk.text("deviceId");
        desk.syncOnce();
        logIn(robot);
        robot.type(KeyCode.F4);

        waitUntil(() -> screens.models.manager.devices().stream().anyMatch(r -> r.device().id().toString().equals(kioskId)));
        var rows = screens.models.manager.devices();
        var mine = rows.stream().filter(ManagerViewModel.DeviceRow::thisDesk).findFirst().orElseThrow();
        assertEquals(desk.deviceId(), mine.device().id().toString());
        assertTrue(mine.device().lastSeenAt() != null, "this desk synced, so the server has seen it");
        assertTrue(rows.stream().filter(r -> r.device().id().toString().equals(kioskId)).findFirst().orElseThrow()
                .device().lastSeenAt() == null, "the kiosk never called in");
        assertTrue(robot.lookup("#devices .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(c -> c.getGraphic() != null && c.getGraphic().lookupAll(".label").stream()
                        .anyMatch(l -> "Self check-in kiosk".equals(((Label) l).getText()))), "the kiosk's kind is shown");

        robot.clickOn("#revoke-" + kioskId);
        assertEquals("Revoke \"Kiosk by the door\"? It stops syncing at once and must be paired again.",
                robot.lookup("#revokeQuestion").queryAs(Label.class).getText());
        assertEquals(0, gym.count("select count(*) from device where id = ? and revoked_at is not null",
                UUID.fromString(kioskId)), "nothing is sent before the manager confirms");
        robot.clickOn("#revokeConfirm");

        waitUntil(() -> note(robot).equals("\"Kiosk by the door\" is revoked."));
        assertEquals(1, gym.count("select count(*) from device where id = ? and revoked_at is not null",
                UUID.fromString(kioskId)));
        waitUntil(() -> screens.models.manager.devices().stream()
                .anyMatch(r -> r.device().id().toString().equals(kioskId) && r.revoked()));
    }

    @Test
    void theDeviceListSaysWhyItIsEmptyOfflineAndAfterAnOfflineLogin(FxRobot robot) {
        logIn(robot);
        robot.type(KeyCode.F4);
        waitUntil(() -> !screens.models.manager.devices().isEmpty());

        outage.down();
        robot.clickOn("#devicesRefresh");
        waitUntil(() -> screens.models.manager.devices().isEmpty());
        assertEquals("The device list needs the server, which cannot be reached right now.", note(robot));

        robot.clickOn("#logOut");
        logIn(robot);
        assertTrue(screens.models.staff.profileProperty().get().offline());
        outage.up();
        robot.type(KeyCode.F4);
        waitUntil(() -> note(robot).startsWith("The device list needs the server: you logged in while it was offline."));
        assertTrue(screens.models.manager.devices().isEmpty());
    }

    @Test
    void everyOpenConflictOfTheServerIsOnTheManagersScreen(FxRobot robot) {
        UUID elsewhere = gym.location("Asia/Kolkata");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // The overdrawn credit happened at a kiosk of this gym, for a member the desk mirrors.
        ApiClient.Response kiosk = server.client().post("/api/v1/devices/enroll",
                Map.of("pairingCode", pairingCode("KIOSK"), "name", "Kiosk by the door"), null);
        assertEquals(201, kiosk.status(), kiosk.toString());
        UUID member = gym.member().memberId();
        server.app().services().tx().run(s -> {
            int i = 0;
            for (String kind : List.of("CREDIT_OVERDRAWN", "SAME_FIELD_EDIT", "OFFLINE_ENTRY_ON_GRACE", "LEASE_EXPIRED_OFFLINE")) {
                ConflictRecord c = new ConflictRecord();
                c.id = UUID.randomUUID();
                c.kind = kind;
                c.entityType = "member";
                c.entityId = (i % 2 == 0 ? location : elsewhere).toString();
                c.facts = "CREDIT_OVERDRAWN".equals(kind)
                        ? "{\"memberId\":\"" + member + "\",\"deviceId\":\"" + kiosk.text("deviceId") + "\",\"balance\":-1}"
                        : "{\"note\":\"raised at " + (i % 2 == 0 ? "this gym" : "another gym") + "\"}";
                c.status = "OPEN";
                c.createdAt = now.plusSeconds(i++);
                s.persist(c);
            }
        });
        desk.syncOnce();
        logIn(robot);
        robot.type(KeyCode.F4);

        JsonNode open = server.client().get("/api/v1/conflicts?status=OPEN", managerToken).body();
        Set<String> onServer = StreamSupport.stream(open.spliterator(), false).map(c -> c.get("id").asText())
                .collect(Collectors.toSet());
        assertEquals(4, onServer.size(), open.toString());
        waitUntil(() -> screens.models.manager.conflicts().size() == onServer.size());
        assertEquals(onServer, screens.models.manager.conflicts().stream().map(c -> c.id().toString())
                .collect(Collectors.toSet()));
        assertEquals(4, robot.lookup("#conflicts .conflict-row").queryAll().size());

        // Its facts in words: the member's name and number from the desk's mirror, the kiosk's name
        // once the device list has come from the server.
        var known = desk.members().find(app.spotter.model.common.MemberId.of(member.toString())).orElseThrow();
        String expected = "Member: " + known.firstName() + " " + known.lastName() + " (" + known.memberNumber()
                + ")  ·  Credits left: -1  ·  Desk: Kiosk by the door";
        waitUntil(() -> robot.lookup("#conflicts .conflict-facts").queryAllAs(Label.class).stream()
                .anyMatch(l -> expected.equals(l.getText())));
    }
}
