package app.spotter.desk.screenshots;

import static app.spotter.desk.support.FxTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.Desk;
import app.spotter.client.store.DeskStore;
import app.spotter.desk.DeskScreens;
import app.spotter.desk.DeskViewModels;
import app.spotter.desk.demo.DemoGym;
import app.spotter.desk.kiosk.ManagerPin;
import app.spotter.desk.schedule.ScheduleViewModel;
import app.spotter.desk.shell.Screen;
import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.FxTaskExecutor;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.Theme;
import app.spotter.model.access.Role;
import app.spotter.model.sync.DeviceKind;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.GymFixtures;
import app.spotter.server.support.TestDatabase;
import app.spotter.server.support.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of the calendar (day and week), the scanner station and the manager's device list,
 * from the real views, in English and German, into docs/screenshots (see {@link ScreenshotsTest}).
 */
@ExtendWith(ApplicationExtension.class)
class CalendarAndStationScreenshotsTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static Path shoot(Parent node, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)));
        Path dir = Path.of(System.getProperty("spotter.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertTrue(Files.size(file) > 5_000, name + " should be a real picture");
        return file;
    }

    private DeskScreens show(FxRobot robot, Desk desk, Texts texts, CurrentStaff staff, FxTaskExecutor tasks,
                             Clock clock) {
        DeskScreens screens = new DeskScreens(new DeskViewModels(desk, tasks, texts, staff,
                ManagerPin.of(DemoDesk.MANAGER_PIN), clock, sound -> { }), texts, full -> { });
        robot.interact(() -> {
            Theme.apply(false);
            Scene scene = new Scene(screens.shell.root(), 1280, 800);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            screens.shell.shown();
        });
        return screens;
    }

    private void calendarAndStation(FxRobot robot, Locale locale, String suffix) throws IOException {
        DemoDesk local = new DemoDesk();
        FxTaskExecutor tasks = new FxTaskExecutor();
        Texts texts = new Texts(locale);
        CurrentStaff staff = new CurrentStaff(new app.spotter.client.staff.StaffProfile(DemoGym.MANAGER,
                DemoGym.MANAGER_EMAIL, "Mia Manager", Role.MANAGER, false));
        DeskScreens screens = show(robot, local.desk, texts, staff, tasks, local.clock);
        try {
            Parent root = stage.getScene().getRoot();
            robot.type(KeyCode.F2);
            robot.clickOn("#scheduleMember").write("1002").type(KeyCode.ENTER);
            waitUntil(() -> screens.models.schedule.memberProperty().get() != null);
            ScheduleViewModel m = screens.models.schedule;
            robot.interact(() -> m.select(m.slots().stream().filter(i -> i.slot().id().equals(local.gym.boxing()))
                    .findFirst().orElseThrow()));
            robot.interact(() -> m.bookSelected(false));
            waitUntil(() -> m.selectedProperty().get() != null && m.selectedProperty().get().memberHoldsPlace());
            shoot(root, "13-schedule-day" + suffix);

            robot.interact(() -> robot.lookup("#calendar").query().requestFocus());
            robot.type(KeyCode.W);
            waitUntil(() -> m.days().size() == 7 && m.slots().size() == 31);
            shoot(root, "14-schedule-week" + suffix);

            robot.interact(screens.models.shell::enterScanner);
            robot.write(local.card(local.gym.ada())).type(KeyCode.ENTER);
            waitUntil(() -> robot.lookup("#scannerStation #resultPanel").query().getStyleClass().contains("admitted"));
            shoot(root, "16-scanner-admitted" + suffix);
            robot.write(local.card(local.gym.edsger())).type(KeyCode.ENTER);
            waitUntil(() -> robot.lookup("#scannerStation #resultPanel").query().getStyleClass().contains("refused"));
            shoot(root, "17-scanner-refused" + suffix);
        } finally {
            WaitForAsyncUtils.waitForAsyncFx(5_000, screens::close);
            tasks.close();
            local.desk.close();
            local.store.shutdown();
        }
    }

    @Test
    void calendarAndScannerStationInEnglish(FxRobot robot) throws IOException {
        calendarAndStation(robot, Locale.ENGLISH, "");
    }

    @Test
    void calendarAndScannerStationInGerman(FxRobot robot) throws IOException {
        calendarAndStation(robot, Locale.GERMAN, "-de");
    }

    @Test
    void managerWithDevicesFromTheServer(FxRobot robot) throws IOException {
        try (TestServer server = TestServer.start(TestDatabase.H2)) {
            GymFixtures gym = new GymFixtures(server);
            String managerToken = server.login(Role.MANAGER);
            UUID location = gym.location("Europe/Berlin");
            // the manager chooses what each device is for when creating its pairing code
            java.util.function.Function<String, String> codeFor = kind -> server.client().post(
                    "/api/v1/devices/pairing-codes", Map.of("locationId", location, "kind", kind), managerToken).text("code");
            java.util.function.Supplier<String> code = () -> codeFor.apply("FRONT_DESK");
            for (String[] other : new String[][] {{"Kiosk by the door", "KIOSK"}, {"Scanner, studio entrance", "SCANNER"},
                {"Front desk 2 (old PC)", "FRONT_DESK"}}) {
                ApiClient.Response r = server.client().post("/api/v1/devices/enroll",
                        Map.of("pairingCode", codeFor.apply(other[1]), "name", other[0]), null);
                assertEquals(201, r.status(), r.toString());
                if (other[0].contains("old PC")) {
                    assertEquals(200, server.client().post("/api/v1/devices/" + r.text("deviceId") + "/revoke", Map.of(),
                            managerToken).status());
                }
            }
            DeskStore store = DeskStore.inMemory("desk_shots_" + UUID.randomUUID().toString().replace("-", ""));
            Desk desk = new Desk(store, Desk.Settings.of(server.app().baseUrl(), new OkHttpClient(), Clock.systemUTC()));
            desk.enroll(code.get(), "Front desk", DeviceKind.FRONT_DESK);
            desk.syncOnce();
            String email = "mia-" + UUID.randomUUID().toString().substring(0, 6) + "@studio.test";
            server.app().services().accounts().bootstrapAccount(email, "manager-pass-1", "Mia Manager", Role.MANAGER, null);
            FxTaskExecutor tasks = new FxTaskExecutor();
            Texts texts = new Texts(Locale.ENGLISH);
            DeskScreens screens = show(robot, desk, texts, new CurrentStaff(), tasks, Clock.systemUTC());
            try {
                robot.clickOn("#loginEmail").write(email);
                robot.clickOn("#loginPassword").write("manager-pass-1").type(KeyCode.ENTER);
                waitUntil(() -> screens.models.staff.user() != null);
                robot.type(KeyCode.F4);
                waitUntil(() -> screens.models.manager.devices().size() == 4);
                var kiosk = screens.models.manager.devices().stream()
                        .filter(r -> r.device().name().startsWith("Kiosk")).findFirst().orElseThrow();
                robot.clickOn("#revoke-" + kiosk.device().id());
                waitUntil(() -> !robot.lookup("#revokeQuestion").queryAs(Label.class).getText().isEmpty());
                shoot(stage.getScene().getRoot(), "15-manager-devices");
            } finally {
                WaitForAsyncUtils.waitForAsyncFx(5_000, screens::close);
                tasks.close();
                desk.close();
                store.shutdown();
            }
        }
    }
}
