package app.spotter.desk.members;

import static app.spotter.desk.support.FxTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.members.MemberView;
import app.spotter.desk.shell.Screen;
import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.FxTaskExecutor;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The members screen on a real desk store with no server (an outage), clicked through as at the counter. */
@ExtendWith(ApplicationExtension.class)
class MembersScreenTest {

    private final DemoDesk local = new DemoDesk();
    private final FxTaskExecutor tasks = new FxTaskExecutor();

    @Start
    void start(Stage stage) {
        local.show(stage, tasks);
    }

    @AfterEach
    void close() throws Exception {
        // leave the members screen on the FX thread, as the shell does, before the desk goes away
        org.testfx.util.WaitForAsyncUtils.waitFor(org.testfx.util.WaitForAsyncUtils.asyncFx(
                () -> local.screens.models.shell.show(Screen.CHECK_IN)));
        tasks.close();
        local.close();
    }

    /** Replaces what a field holds, as select-all and typing would. */
    private static void retype(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryTextInputControl().clear());
        robot.clickOn(id).write(text);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<MemberView> table(FxRobot robot) {
        return robot.lookup("#memberTable").queryAs(TableView.class);
    }

    private void open(FxRobot robot) {
        robot.interact(() -> local.screens.models.shell.show(Screen.MEMBERS));
        waitUntil(() -> !table(robot).getItems().isEmpty());
    }

    @Test
    void aMemberRegisteredWithAPlanWhileOfflineIsListedAsPending(FxRobot robot) {
        open(robot);
        robot.clickOn("#startRegister");
        robot.clickOn("#firstName").write("Katherine");
        robot.clickOn("#lastName").write("Johnson");
        robot.clickOn("#email").write("katherine@example");
        robot.clickOn("#registerMember");
        waitUntil(() -> text(robot, "#emailError").equals("Not an e-mail address"));
        assertTrue(robot.lookup("#emailError").query().isVisible(), "the message is next to the field");
        assertEquals(0, local.desk.pendingOperations());

        retype(robot, "#email", "katherine@example.com");
        robot.clickOn("#planChoice");
        robot.clickOn("10-class pack");
        robot.clickOn("#registerMember");

        waitUntil(() -> text(robot, "#membersMessage").startsWith("Katherine Johnson is registered"));
        waitUntil(() -> !table(robot).getItems().isEmpty() && table(robot).getItems().getFirst().lastName().equals("Johnson"));
        robot.clickOn("Katherine Johnson");
        waitUntil(() -> text(robot, "#memberName").equals("Katherine Johnson"));
        assertEquals("KJ", text(robot, "#memberAvatar"));
        assertEquals("10-class pack", text(robot, "#memberPlan"));
        assertEquals("Active · Pending", text(robot, "#memberStanding"));
        assertEquals(2, local.desk.pendingOperations(), "the sign-up and the plan are queued for the server");
        assertTrue(robot.lookup("#saveCard").query().isDisabled(), "no card before the server signs it");
    }

    @Test
    void aPhoneNumberIsEditedAndAMembershipFrozenFromTheMembersPane(FxRobot robot) {
        open(robot);
        robot.clickOn("#memberSearch").write("1234566").type(KeyCode.ENTER);
        waitUntil(() -> table(robot).getItems().size() == 1);
        robot.clickOn("Margaret Hamilton");
        waitUntil(() -> text(robot, "#memberName").equals("Margaret Hamilton"));
        assertEquals("MH", text(robot, "#memberAvatar"));
        assertEquals("Member number 1006", text(robot, "#memberNumber"));

        robot.clickOn("#editMember");
        retype(robot, "#phone", "+49 30 5550000");
        robot.clickOn("#registerMember");
        waitUntil(() -> text(robot, "#membersMessage").equals("Margaret Hamilton is changed (waiting for the server)."));
        waitUntil(() -> text(robot, "#memberContact").startsWith("+49 30 5550000"));

        assertFalse(robot.lookup("#freezeMembership").query().isDisabled());
        robot.clickOn("#freezeMembership");
        waitUntil(() -> text(robot, "#memberStanding").startsWith("Frozen until"));
        assertFalse(robot.lookup("#unfreezeMembership").query().isDisabled());
        assertEquals(2, local.desk.pendingOperations());
        assertTrue(robot.lookup("#healthNotes").tryQuery().map(n -> !n.isVisible() || ((Label) n).getText().isEmpty())
                .orElse(true), "health notes are not shown until asked for");
    }
}
