package app.spotter.desk.kiosk;

import static app.spotter.desk.support.FxTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.FxTaskExecutor;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class KioskModeTest {

    private final DemoDesk local = new DemoDesk();
    private final FxTaskExecutor tasks = new FxTaskExecutor();

    @Start
    void start(Stage stage) {
        local.show(stage, tasks);
    }

    @AfterEach
    void close() {
        tasks.close();
        local.close();
    }

    private boolean inKiosk(FxRobot robot) {
        return robot.lookup("#kiosk").tryQuery().isPresent();
    }

    @Test
    void leavingKioskModeTakesTheManagerPinAndAWrongPinKeepsItLocked(FxRobot robot) {
        robot.clickOn("#nav-KIOSK");
        waitUntil(() -> inKiosk(robot));
        assertTrue(local.fullScreen.get(), "kiosk mode asks for full screen");
        assertFalse(robot.lookup("#nav-CHECK_IN").tryQuery().isPresent(), "no navigation for members");
        assertFalse(robot.lookup("#statusBar").tryQuery().isPresent());

        robot.clickOn("#kioskExit").write("1111").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#managerPinError").queryAs(Label.class).getText().equals("Wrong manager PIN"));
        assertTrue(inKiosk(robot), "a wrong PIN leaves the kiosk locked");

        robot.clickOn("#managerPin").write(DemoDesk.MANAGER_PIN).type(KeyCode.ENTER);
        waitUntil(() -> !inKiosk(robot));
        assertTrue(robot.lookup("#scanField").tryQuery().isPresent(), "back on the desk's check-in screen");
        assertTrue(robot.lookup("#statusBar").tryQuery().isPresent());
        assertFalse(local.fullScreen.get());
    }

    @Test
    void aMemberScansAtTheKioskAndSeesTheAnswer(FxRobot robot) {
        robot.clickOn("#nav-KIOSK");
        waitUntil(() -> inKiosk(robot));

        robot.write(local.card(local.gym.ada())).type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#kiosk #resultPanel").query().getStyleClass().contains("admitted"));
        assertEquals("Ada Lovelace", robot.lookup("#kiosk #resultName").queryAs(Label.class).getText());
    }
}
