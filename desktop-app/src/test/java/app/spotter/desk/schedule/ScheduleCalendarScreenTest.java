package app.spotter.desk.schedule;

import static app.spotter.desk.support.FxTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.FxTaskExecutor;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The calendar on the real view: entries with capacity bars by kind, the keys, booking from the detail. */
@ExtendWith(ApplicationExtension.class)
class ScheduleCalendarScreenTest {

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

    // As Tab would: the calendar takes the focus, so letters are keys, not typing.
    private static void focusCalendar(FxRobot robot) {
        robot.interact(() -> robot.lookup("#calendar").query().requestFocus());
    }

    private Node entry(FxRobot robot, app.spotter.model.common.SlotId slot) {
        return robot.lookup("#slot-" + slot).query();
    }

    // A reload rebuilds the entries: between the two, the slot has no node for a moment.
    private boolean hasClass(FxRobot robot, app.spotter.model.common.SlotId slot, String styleClass) {
        return robot.lookup("#slot-" + slot).tryQuery().map(n -> n.getStyleClass().contains(styleClass)).orElse(false);
    }

    @Test
    void theDayShowsEveryKindOfSlotWithItsCapacityBar(FxRobot robot) {
        robot.type(KeyCode.F2);
        waitUntil(() -> robot.lookup(".calendar-entry").queryAll().size() == 7);

        assertEquals(1, robot.lookup(".calendar-entry.kind-PERSONAL_TRAINING").queryAll().size());
        assertEquals(1, robot.lookup(".calendar-entry.kind-EQUIPMENT").queryAll().size());
        ProgressBar hiitBar = (ProgressBar) entry(robot, local.gym.hiit()).lookup(".capacity-bar");
        assertEquals(1.0, hiitBar.getProgress());
        assertTrue(hiitBar.getStyleClass().contains("full"));
        ProgressBar spinBar = (ProgressBar) entry(robot, local.gym.spin()).lookup(".capacity-bar");
        assertEquals(9 / 12.0, spinBar.getProgress(), 1e-9);
        robot.clickOn(entry(robot, local.gym.spin()));
        waitUntil(() -> "Spin 45".equals(robot.lookup("#slotDetailTitle").queryAs(Label.class).getText()));
        // Later slots sit lower: the grid places entries by their start time.
        assertTrue(entry(robot, local.gym.spin()).getLayoutY() < entry(robot, local.gym.boxing()).getLayoutY());
    }

    @Test
    void theKeysSwitchDayAndWeekAndMoveThroughTime(FxRobot robot) {
        robot.type(KeyCode.F2);
        LocalDate today = local.models.schedule.dayProperty().get();
        focusCalendar(robot);

        robot.type(KeyCode.W);
        waitUntil(() -> robot.lookup(".calendar-day-header").queryAll().size() == 7);
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil(() -> local.models.schedule.dayProperty().get().equals(today.plusDays(7)));
        // The demo gym has nothing planned next week.
        waitUntil(() -> robot.lookup(".calendar-entry").queryAll().isEmpty());
        assertTrue(robot.lookup(".calendar-empty").query().isVisible(), "an empty week says so");
        robot.type(KeyCode.T);
        waitUntil(() -> local.models.schedule.dayProperty().get().equals(today));
        robot.type(KeyCode.D);
        waitUntil(() -> robot.lookup(".calendar-day-header").queryAll().size() == 1);
        robot.type(KeyCode.PAGE_UP);
        waitUntil(() -> local.models.schedule.dayProperty().get().equals(today.minusDays(1)));
    }

    @Test
    void aSlotSelectedAndBookedByKeyShowsPendingUntilTheServerAnswers(FxRobot robot) {
        robot.type(KeyCode.F2);
        robot.clickOn("#scheduleMember").write("Grace").type(KeyCode.ENTER);
        waitUntil(() -> local.models.schedule.memberProperty().get() != null);
        // The evening's last class, by keyboard: into the calendar, then back from the first slot.
        focusCalendar(robot);
        robot.type(KeyCode.UP);
        waitUntil(() -> "Boxing basics".equals(robot.lookup("#slotDetailTitle").queryAs(Label.class).getText()));
        assertFalse(hasClass(robot, local.gym.boxing(), "pending"));

        robot.type(KeyCode.B);

        waitUntil(() -> hasClass(robot, local.gym.boxing(), "pending"));
        assertEquals("Booked (seat held by this desk) (pending)",
                robot.lookup("#slotDetailBooking").queryAs(Label.class).getText());
        waitUntil(() -> hasClass(robot, local.gym.boxing(), "selected"));
        assertTrue(robot.lookup("#cancelBooking").query().isVisible());
        assertFalse(robot.lookup("#cancelBooking").queryButton().isDisabled());
        robot.type(KeyCode.DOWN);
        waitUntil(() -> robot.lookup("#slot-" + local.gym.boxing()).tryQuery().isPresent()
                && !hasClass(robot, local.gym.boxing(), "selected"));
    }
}
