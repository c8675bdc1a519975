package app.spotter.desk.checkin;

import static app.spotter.desk.support.FxTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.spotter.client.Desk;
import app.spotter.client.members.MemberView;
import app.spotter.client.staff.StaffProfile;
import app.spotter.client.store.DeskStore;
import app.spotter.desk.DeskScreens;
import app.spotter.desk.DeskViewModels;
import app.spotter.desk.kiosk.ManagerPin;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.FxTaskExecutor;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.Theme;
import app.spotter.model.access.Role;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.DeviceKind;
import app.spotter.server.demo.DemoGym;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.TestDatabase;
import app.spotter.server.support.TestServer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The reported bug: on a desk synced from the demo server, "Find a member" (Enter in the search
 * field of the check-in screen) found nobody. The server here loads the same demo gym as
 * {@code ./demo.sh}; the desk pairs with it over HTTP and pulls, and staff search as they would.
 */
@ExtendWith(ApplicationExtension.class)
class MemberSearchAgainstDemoServerTest {

    private static TestServer server;

    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final Texts texts = new Texts(Locale.ENGLISH);
    private DeskStore store;
    private Desk desk;
    private DeskScreens screens;

    @BeforeAll
    static void startDemoServer() {
        server = TestServer.start(TestDatabase.H2);
        new DemoGym(server.app().services(), ZoneId.of("Asia/Kolkata")).loadIfEmpty();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void pairAndShow(Stage stage) {
        UUID location = server.app().services().tx().inTransaction(s -> s.createSelectionQuery(
                "select l.id from LocationRecord l", UUID.class).getResultList().get(0));
        ApiClient.Response code = server.client().post("/api/v1/devices/pairing-codes", Map.of("locationId", location),
                server.login(Role.MANAGER));
        assertEquals(201, code.status(), code.toString());
        store = DeskStore.inMemory("desk_search_" + UUID.randomUUID().toString().replace("-", ""));
        desk = new Desk(store, Desk.Settings.of(server.app().baseUrl(), new OkHttpClient(), Clock.systemUTC()));
        desk.enroll(code.text("code"), "Front desk", DeviceKind.FRONT_DESK);
        desk.syncOnce();
        CurrentStaff staff = new CurrentStaff(new StaffProfile(UserId.of(UUID.randomUUID().toString()),
                "desk@demo.spotter.app", "Neha", Role.FRONT_DESK, false));
        screens = new DeskScreens(new DeskViewModels(desk, tasks, texts, staff, ManagerPin.of("2468"),
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

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
        "Rao, Ananya Rao",
        "Ananya, Ananya Rao",
        "nina petrova, Nina Petrova",
        "m000001, Ananya Rao",
        "O'Connor, Liam O'Connor",
        "98450 00000, Ananya Rao",
    })
    void findAMemberSyncedFromTheDemoServer(String typed, String expected, FxRobot robot) {
        robot.clickOn("#searchField").write(typed).type(KeyCode.ENTER);
        waitUntil(() -> !screens.models.checkIn.matches().isEmpty());
        List<String> names = screens.models.checkIn.matches().stream()
                .map(m -> m.firstName() + " " + m.lastName()).toList();
        assertEquals(expected, names.get(0), names.toString());
        MemberView first = screens.models.checkIn.matches().get(0);
        assertEquals(expected, robot.lookup("#matches .list-cell").queryLabeled().getText().split("  ")[0],
                "the list shows " + first);
    }
}
