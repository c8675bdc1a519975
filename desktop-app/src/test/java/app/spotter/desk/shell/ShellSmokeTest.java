package app.spotter.desk.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.FxTaskExecutor;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ShellSmokeTest {

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

    @Test
    void theDeskOpensOnTheCheckInScreenWithTheStatusBarShowingOffline(FxRobot robot) {
        assertTrue(robot.lookup("#scanField").tryQuery().isPresent());
        Label connection = robot.lookup("#connection").queryAs(Label.class);
        assertEquals("Offline", connection.getText());
        assertEquals("Nothing waiting", robot.lookup("#pendingCount").queryAs(Label.class).getText());
        assertEquals("Not synced yet", robot.lookup("#lastSync").queryAs(Label.class).getText());
    }
}
