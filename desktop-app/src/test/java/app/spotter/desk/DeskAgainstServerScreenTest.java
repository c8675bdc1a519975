package app.spotter.desk;

import static app.spotter.desk.support.FxTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.Desk;
import app.spotter.client.store.DeskStore;
import app.spotter.client.sync.ServerUnavailable;
import app.spotter.desk.kiosk.ManagerPin;
import app.spotter.desk.support.Outage;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.FxTaskExecutor;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.Theme;
import app.spotter.model.access.Role;
import app.spotter.model.common.MemberId;
import app.spotter.model.sync.DeviceKind;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.TestDatabase;
import app.spotter.server.support.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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

/**
 * The desk's screens against the real server, in-process over HTTP (H2): a staff member logs in,
 * the server goes away (every call fails at the desk's network layer), bookings made at the
 * schedule screen show as pending, and after the server is back and the desk has synced they show
 * what the server decided: confirmed, or refused with the reason (which the manager then reconciles).
 */
@ExtendWith(ApplicationExtension.class)
class DeskAgainstServerScreenTest {

    private static final String PASSWORD = "desk-staff-pass-1";

    private static TestServer server;
    private static GymFixtures gym;
    private static ApiClient api;
    private static String managerToken;

    private final Outage outage = new Outage();
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final Texts texts = new Texts(Locale.ENGLISH);
    private DeskStore store;
    private Desk desk;
    private DeskScreens screens;
    private UUID location;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestDatabase.H2);
        gym = new GymFixtures(server);
        api = server.client();
        managerToken = server.login(Role.MANAGER);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void enrollAndShow(Stage stage) {
        location = gym.location("Europe/Berlin");
        ApiClient.Response code = api.post("/api/v1/devices/pairing-codes", Map.of("locationId", location), managerToken);
        assertEquals(201, code.status(), code.toString());
        store = DeskStore.inMemory("desk_e2e_" + UUID.randomUUID().toString().replace("-", ""));
        desk = new Desk(store, Desk.Settings.of(server.app().baseUrl(),
                new OkHttpClient.Builder().addInterceptor(outage).build(), Clock.systemUTC()));
        desk.enroll(code.text("code"), "Front desk", DeviceKind.FRONT_DESK);
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
        // Unbinding touches the scene graph: on the FX thread.
        org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(5_000, screens::close);
        tasks.close();
        desk.close();
        store.shutdown();
    }

    private String staff(Role role) {
        String email = role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@desk.test";
        server.app().services().accounts().bootstrapAccount(email, PASSWORD, "Sam " + role, role, null);
        return email;
    }

    private UUID slot(int capacity, Instant start) {
        return gym.slot(managerToken, gym.classSession(managerToken, location, capacity), start, 60);
    }

    private void logIn(FxRobot robot, String email) {
        robot.interact(() -> robot.lookup("#loginEmail").queryTextInputControl().clear());
        robot.clickOn("#loginEmail").write(email);
        robot.clickOn("#loginPassword").write(PASSWORD);
        robot.clickOn("#logIn");
        waitUntil(() -> screens.models.staff.user() != null);
    }

    private void showScheduleFor(FxRobot robot, Instant day, MemberId member) {
        robot.clickOn("#nav-SCHEDULE");
        String number = desk.members().find(member).orElseThrow().memberNumber();
        robot.interact(() -> screens.models.schedule.dayProperty().set(LocalDate.ofInstant(day, screens.models.zone)));
        robot.clickOn("#scheduleMember").write(number).type(KeyCode.ENTER);
        waitUntil(() -> screens.models.schedule.memberProperty().get() != null
                && !screens.models.schedule.slots().isEmpty());
    }

    private void clickBook(FxRobot robot) {
        // The calendar shows the location's one slot that day: select it by key, then book in its detail.
        robot.interact(() -> robot.lookup("#calendar").query().requestFocus());
        robot.type(KeyCode.DOWN);
        waitUntil(() -> !robot.lookup("#book").queryAs(Button.class).isDisabled());
        robot.clickOn("#book");
    }

    private String bookingState(FxRobot robot) {
        return robot.lookup(".booking-state").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null && !t.isEmpty()).findFirst().orElse("");
    }

    private void serverBack() {
        outage.up();
        desk.syncOnce();
    }

    private String bookingStatusOnServer(UUID slot, UUID member) {
        return server.app().services().tx().inTransaction(s -> s.createNativeQuery(
                        "select status from booking where slot_id = ? and member_id = ?", String.class)
                .setParameter(1, slot).setParameter(2, member).getResultList().stream().findFirst().orElse(null));
    }

    @Test
    void aBookingMadeWhileTheServerIsDownShowsPendingAndConfirmedOnceSynced(FxRobot robot) {
        String frontDesk = staff(Role.FRONT_DESK);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        UUID slot = slot(10, tomorrow);
        MemberId member = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        desk.syncOnce();
        logIn(robot, frontDesk);
        assertFalse(robot.lookup("#nav-MANAGER").query().isVisible(), "front desk staff see no manager screen");

        outage.down();
        assertThrows(ServerUnavailable.class, desk::syncOnce);
        // Shift change during the outage: a wrong password is refused, the right one works offline.
        var online = screens.models.staff.profileProperty().get();
        robot.clickOn("#logOut");
        assertEquals(frontDesk, robot.lookup("#loginEmail").queryTextInputControl().getText(), "the e-mail stays");
        robot.clickOn("#loginPassword").write("not-" + PASSWORD);
        robot.clickOn("#logIn");
        waitUntil(() -> !robot.lookup("#loginError").queryAs(Label.class).getText().isEmpty());
        assertEquals("Wrong e-mail or password.", robot.lookup("#loginError").queryAs(Label.class).getText());
        assertNull(screens.models.staff.user());
        logIn(robot, frontDesk);
        assertTrue(screens.models.staff.profileProperty().get().offline());
        assertEquals(online.id(), screens.models.staff.user());
        showScheduleFor(robot, tomorrow, member);
        clickBook(robot);

        waitUntil(() -> bookingState(robot).endsWith("(pending)"));
        assertEquals("Booked (seat held by this desk) (pending)", bookingState(robot));
        assertEquals(1, desk.pendingOperations());
        assertNull(bookingStatusOnServer(slot, member.value()), "the server has not heard of it yet");
        UUID actor = store.inTransaction(s -> s.createSelectionQuery("select actor from OutboxEntry", UUID.class)
                .getSingleResult());
        assertEquals(screens.models.staff.user().value(), actor, "recorded in the logged-in staff member's name");

        serverBack();
        robot.interact(screens.models.schedule::refresh);

        waitUntil(() -> "Booked".equals(bookingState(robot)));
        assertEquals(0, desk.pendingOperations());
        assertEquals("BOOKED", bookingStatusOnServer(slot, member.value()));
        assertEquals(1, gym.count("select count(*) from sync_operation where actor = ?",
                screens.models.staff.user().value()), "the server recorded who made it");
    }

    @Test
    void aBookingTheServerRefusesShowsWhyAndTheManagerReconcilesIt(FxRobot robot) {
        String manager = staff(Role.MANAGER);
        // Beyond the lease horizon: no seats held here, so the desk books tentatively.
        Instant later = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        UUID slot = slot(1, later);
        MemberId member = new MemberId(gym.memberWithUnlimitedPlan().memberId());
        GymFixtures.Member rival = gym.memberWithUnlimitedPlan();
        desk.syncOnce();
        logIn(robot, manager);

        outage.down();
        showScheduleFor(robot, later, member);
        clickBook(robot);
        waitUntil(() -> bookingState(robot).endsWith("(pending)"));
        assertEquals("Booked - waiting for the server (pending)", bookingState(robot));
        // Meanwhile the last seat goes to someone booking in the app.
        assertEquals(201, api.post("/api/v1/bookings", Map.of("slotId", slot, "memberId", rival.memberId()),
                rival.token()).status());

        serverBack();
        robot.interact(screens.models.schedule::refresh);

        waitUntil(() -> bookingState(robot).startsWith("Refused"));
        assertEquals("Refused by the server: This class is full", bookingState(robot));
        assertTrue(robot.lookup(".booking-state").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getStyleClass().contains("refused")));

        robot.clickOn("#nav-MANAGER");
        waitUntil(() -> screens.models.manager.conflicts().size() == 1);
        assertEquals("A booking made offline did not get a seat",
                screens.models.manager.kind(screens.models.manager.conflicts().get(0)));
        UUID conflict = screens.models.manager.conflicts().get(0).id();
        robot.clickOn("#resolve-ACCEPT");
        waitUntil(() -> screens.models.manager.conflicts().get(0).pending());
        assertEquals(1, gym.count("select count(*) from sync_conflict where id = ? and status = 'OPEN'", conflict));

        desk.syncOnce();
        robot.interact(screens.models.manager::refresh);

        waitUntil(() -> screens.models.manager.conflicts().isEmpty());
        assertEquals(1, gym.count("select count(*) from sync_conflict where id = ? and status <> 'OPEN'"
                + " and resolution = 'ACCEPT' and resolved_by = ?", conflict, screens.models.staff.user().value()),
                "resolved in the logged-in manager's name");
        List<String> left = robot.lookup("#conflicts").queryListView().getItems().stream().map(Object::toString).toList();
        assertTrue(left.isEmpty(), left.toString());
    }
}
