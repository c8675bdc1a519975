package app.spotter.desk.scanner;

import static app.spotter.desk.support.FxTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.desk.DeskScreens;
import app.spotter.desk.DeskViewModels;
import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.FxTaskExecutor;
import app.spotter.desk.ui.Theme;
import app.spotter.desk.kiosk.ManagerPin;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Scanner-station mode on the real views: a scan shows the big answer and plays the right sound
 * (recorded by an injected player), and only the manager PIN leaves the station.
 */
@ExtendWith(ApplicationExtension.class)
class ScannerStationTest {

    private final DemoDesk local = new DemoDesk();
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final List<Sound> played = new CopyOnWriteArrayList<>();
    private DeskScreens screens;

    @Start
    void start(Stage stage) {
        DeskViewModels models = new DeskViewModels(local.desk, tasks, local.texts, new CurrentStaff(),
                ManagerPin.of(DemoDesk.MANAGER_PIN), local.clock, played::add);
        screens = new DeskScreens(models, local.texts, local.fullScreen::set);
        Theme.apply(false);
        Scene scene = new Scene(screens.shell.root(), 1280, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        screens.shell.shown();
        models.shell.enterScanner();
    }

    @AfterEach
    void close() {
        org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(5_000, screens::close);
        tasks.close();
        local.desk.close();
        local.store.shutdown();
    }

    private String headline(FxRobot robot) {
        return robot.lookup("#scannerStation #resultHeadline").queryAs(Label.class).getText();
    }

    @Test
    void anAdmittedScanShowsWelcomeAndBeeps(FxRobot robot) {
        assertTrue(local.fullScreen.get(), "the station runs full screen");
        assertTrue(robot.lookup("#scannerScanField").query().isFocused());

        robot.write(local.card(local.gym.ada())).type(KeyCode.ENTER);

        waitUntil(() -> !played.isEmpty());
        assertEquals(List.of(Sound.ADMITTED), played);
        assertTrue(robot.lookup("#scannerStation #resultPanel").query().getStyleClass().contains("admitted"));
        assertEquals("Welcome!", headline(robot));
    }

    @Test
    void aRefusedScanShowsTheReasonAndBuzzesEachTime(FxRobot robot) {
        robot.write(local.card(local.gym.edsger())).type(KeyCode.ENTER);
        waitUntil(() -> played.size() == 1);
        assertEquals("Membership frozen", headline(robot));
        assertTrue(robot.lookup("#scannerStation #resultPanel").query().getStyleClass().contains("refused"));

        // The same member tries again at once: the same answer, and the buzz again.
        robot.write(local.card(local.gym.edsger())).type(KeyCode.ENTER);
        waitUntil(() -> played.size() == 2);
        assertEquals(List.of(Sound.REFUSED, Sound.REFUSED), played);
    }

    @Test
    void onlyTheManagerPinLeavesTheStation(FxRobot robot) {
        robot.clickOn("#scannerExit");
        robot.write("0000").type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#scannerManagerPinError").queryAs(Label.class).getText().isEmpty());
        assertTrue(screens.models.shell.scannerProperty().get());
        robot.type(KeyCode.F2);
        assertTrue(screens.models.shell.scannerProperty().get(), "function keys do not leave the station");

        robot.clickOn("#scannerManagerPin").write(DemoDesk.MANAGER_PIN).type(KeyCode.ENTER);
        waitUntil(() -> !screens.models.shell.scannerProperty().get());
        assertFalse(local.fullScreen.get());
    }
}
