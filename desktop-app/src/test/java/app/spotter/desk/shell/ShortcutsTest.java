package app.spotter.desk.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.FxTaskExecutor;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Keyboard first: every screen opens with its function key, and the nav bar shows which. */
@ExtendWith(ApplicationExtension.class)
class ShortcutsTest {

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
    void functionKeysOpenEveryScreenEvenWhileTypingInTheScanField(FxRobot robot) {
        robot.clickOn("#scanField").write("M00");
        robot.type(KeyCode.F2);
        assertEquals(Screen.SCHEDULE, local.models.shell.screenProperty().get());
        assertTrue(robot.lookup("#nav-SCHEDULE").queryAs(ToggleButton.class).isSelected());
        robot.type(KeyCode.F3);
        assertEquals(Screen.MEMBERS, local.models.shell.screenProperty().get());
        robot.type(KeyCode.F4);
        assertEquals(Screen.MANAGER, local.models.shell.screenProperty().get());
        robot.type(KeyCode.F1);
        assertEquals(Screen.CHECK_IN, local.models.shell.screenProperty().get());
        assertTrue(robot.lookup("#scanField").query().isFocused(), "back on check-in, the scanner types again");
    }

    @Test
    void theNavBarShowsEachScreensKey(FxRobot robot) {
        for (Screen screen : Screen.values()) {
            ToggleButton b = robot.lookup("#nav-" + screen.name()).queryAs(ToggleButton.class);
            assertEquals("F" + (screen.ordinal() + 1), ((Label) b.getGraphic()).getText(), screen.name());
        }
    }

    @Test
    void theKioskIgnoresTheKeys(FxRobot robot) {
        robot.interact(local.models.shell::enterKiosk);
        robot.type(KeyCode.F2);
        assertTrue(local.models.shell.kioskProperty().get());
        assertEquals(Screen.CHECK_IN, local.models.shell.screenProperty().get());
    }

    @Test
    void aFrontDeskLoginCannotOpenTheManagerScreenByKey(FxRobot robot) {
        robot.interact(() -> local.models.staff.profileProperty().set(new app.spotter.client.staff.StaffProfile(
                app.spotter.desk.demo.DemoGym.MANAGER, "desk@gym", "Dana Desk", app.spotter.model.access.Role.FRONT_DESK,
                false)));
        robot.type(KeyCode.F4);
        assertEquals(Screen.CHECK_IN, local.models.shell.screenProperty().get());
    }
}
