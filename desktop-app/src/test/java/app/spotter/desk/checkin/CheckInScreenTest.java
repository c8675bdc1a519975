package app.spotter.desk.checkin;

import static app.spotter.desk.support.FxTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.FxTaskExecutor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The check-in screen on a real desk store, driven like the front desk drives it: by the scanner. */
@ExtendWith(ApplicationExtension.class)
class CheckInScreenTest {

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

    private Node panel(FxRobot robot) {
        return robot.lookup("#resultPanel").query();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aRealScanTypedIntoTheScanFieldChecksAMemberIn(FxRobot robot) {
        // No click: the scan field has the focus when the screen opens, as a keyboard-wedge scanner needs.
        assertSame(robot.lookup("#scanField").query(), robot.targetWindow().getScene().getFocusOwner());

        robot.write(local.card(local.gym.grace())).type(KeyCode.ENTER);

        waitUntil(() -> panel(robot).getStyleClass().contains("admitted"));
        assertEquals("Grace Hopper", text(robot, "#resultName"));
        assertEquals("GH", text(robot, "#resultInitials"));
        assertEquals("Welcome!", text(robot, "#resultHeadline"));
        assertEquals("Plan: 10-class pack", text(robot, "#resultPlan"));
        assertEquals("3 credits left", text(robot, "#resultCredits"));
        assertEquals(1, local.desk.pendingOperations(), "the check-in is queued for the server");
        assertEquals("", robot.lookup("#scanField").queryTextInputControl().getText(), "ready for the next scan");
    }

    @Test
    void aFrozenMembersScanShowsRedWithTheReason(FxRobot robot) {
        robot.write(local.card(local.gym.edsger())).type(KeyCode.ENTER);

        waitUntil(() -> panel(robot).getStyleClass().contains("refused"));
        assertEquals("Edsger Dijkstra", text(robot, "#resultName"));
        assertEquals("Membership frozen", text(robot, "#resultHeadline"));
    }

    @Test
    void aForgedCodeIsRefusedAsNotAMemberCard(FxRobot robot) {
        robot.write("SPOTTER1.not-a-card").type(KeyCode.ENTER);

        waitUntil(() -> panel(robot).getStyleClass().contains("refused"));
        assertEquals("This code is not a valid member card", text(robot, "#resultHeadline"));
        assertEquals(0, local.desk.pendingOperations());
    }

    @Test
    void theMemberNumberOnThePinPadChecksInAndTheScanFieldKeepsTheFocus(FxRobot robot) {
        robot.clickOn("#pad1").clickOn("#pad0").clickOn("#pad0").clickOn("#pad3").clickOn("#padOk");

        waitUntil(() -> panel(robot).getStyleClass().contains("refused"));
        assertEquals("Alan Turing", text(robot, "#resultName"));
        assertEquals("No credits left", text(robot, "#resultHeadline"));
        assertSame(robot.lookup("#scanField").query(), robot.targetWindow().getScene().getFocusOwner());
    }

    @Test
    void theStatusBarCountsTheQueuedCheckIn(FxRobot robot) {
        robot.write(local.card(local.gym.ada())).type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#pendingCount").equals("1 change waiting for the server"));
        assertTrue(robot.lookup("#pendingCount").query().getStyleClass().contains("has-pending"));
    }
}
