package app.spotter.desk.screenshots;

import static app.spotter.desk.support.FxTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.desk.demo.DemoGym;
import app.spotter.desk.enroll.EnrollView;
import app.spotter.desk.enroll.EnrollViewModel;
import app.spotter.desk.shell.Screen;
import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.FxTaskExecutor;
import app.spotter.desk.ui.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of every screen, taken from the real views on the demo gym, headless, into
 * docs/screenshots (the folder comes from the system property {@code spotter.screenshots}).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private final DemoDesk local = new DemoDesk();
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        local.show(stage, tasks);
    }

    @AfterEach
    void close() {
        tasks.close();
        local.close();
    }

    private Path shoot(Parent node, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)));
        Path dir = Path.of(System.getProperty("spotter.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertTrue(Files.size(file) > 5_000, name + " should be a real picture");
        return file;
    }

    @Test
    void everyScreen(FxRobot robot) throws IOException {
        Parent root = stage.getScene().getRoot();
        shoot(root, "01-check-in-ready");

        robot.write(local.card(local.gym.grace())).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#resultPanel").query().getStyleClass().contains("admitted"));
        shoot(root, "02-check-in-admitted");

        robot.write(local.card(local.gym.edsger())).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#resultName").queryAs(Label.class).getText().equals("Edsger Dijkstra"));
        shoot(root, "03-check-in-refused");

        robot.clickOn("#searchField").write("Lov").type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#matches").queryListView().getItems().isEmpty());
        shoot(root, "04-check-in-search");

        robot.interact(() -> local.screens.models.shell.show(Screen.SCHEDULE));
        robot.clickOn("#scheduleMember").write("1002").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#scheduleMemberChosen").queryAs(Label.class).getText().startsWith("Grace"));
        robot.interact(() -> {
            var m = local.screens.models.schedule;
            m.book(m.slots().stream().filter(i -> i.slot().id().equals(local.gym.boxing())).findFirst().orElseThrow(),
                    false);
        });
        waitUntil(() -> robot.lookup("#scheduleMessage").queryAs(Label.class).getText().equals("Booked."));
        robot.interact(() -> {
            var m = local.screens.models.schedule;
            m.book(m.slots().stream().filter(i -> i.slot().id().equals(local.gym.hiit())).findFirst().orElseThrow(),
                    false);
        });
        waitUntil(() -> robot.lookup("#scheduleMessage").queryAs(Label.class).getText().startsWith("Not booked"));
        shoot(root, "05-schedule");

        robot.interact(() -> local.screens.models.shell.show(Screen.MEMBERS));
        waitUntil(() -> !robot.lookup("#memberTable").queryTableView().getItems().isEmpty());
        robot.clickOn("#startRegister");
        robot.clickOn("#firstName").write("Katherine");
        robot.clickOn("#lastName").write("Johnson");
        robot.clickOn("#email").write("katherine.nasa.gov");
        robot.interact(() -> local.screens.models.members.planProperty().set(
                local.screens.models.members.plans().getFirst()));
        robot.clickOn("#registerMember");
        waitUntil(() -> !robot.lookup("#emailError").queryAs(Label.class).getText().isEmpty());
        shoot(root, "19-members-register-error");
        robot.interact(() -> robot.lookup("#email").queryTextInputControl().clear());
        robot.clickOn("#email").write("katherine@nasa.gov");
        robot.clickOn("#registerMember");
        waitUntil(() -> robot.lookup("#membersMessage").queryAs(Label.class).getText().contains("Katherine"));
        robot.interact(() -> local.desk.checkIns().byStaff(DemoGym.MANAGER, local.gym.grace()));
        robot.clickOn("#memberSearch").eraseText(20).write("Hopper").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#memberTable").queryTableView().getItems().size() == 1);
        robot.clickOn("Grace Hopper");
        waitUntil(() -> robot.lookup("#memberName").queryAs(Label.class).getText().equals("Grace Hopper"));
        shoot(root, "06-members");

        robot.interact(() -> local.screens.models.shell.darkProperty().set(true));
        robot.interact(() -> local.screens.models.shell.show(Screen.CHECK_IN));
        robot.write(local.card(local.gym.ada())).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#resultName").queryAs(Label.class).getText().equals("Ada Lovelace"));
        shoot(root, "07-check-in-dark");
        robot.interact(() -> local.screens.models.shell.darkProperty().set(false));

        robot.interact(() -> local.screens.models.shell.show(Screen.MANAGER));
        waitUntil(() -> local.screens.models.manager.conflicts().size() == 2);
        robot.clickOn("#resolve-ADD_SEAT");
        waitUntil(() -> local.screens.models.manager.conflicts().get(0).pending());
        shoot(root, "11-manager");

        DemoGym.staff(local.desk);
        robot.clickOn("#logOut");
        robot.interact(() -> {
            local.screens.models.login.emailProperty().set(DemoGym.FRONT_DESK_EMAIL);
            local.screens.models.login.hintProperty().set(local.texts.get("login.demoHint", DemoGym.FRONT_DESK_EMAIL,
                    DemoGym.STAFF_PASSWORD));
        });
        robot.clickOn("#loginPassword").write("wrong-guess").type(KeyCode.ENTER);
        waitUntil(() -> !local.screens.models.login.errorProperty().get().isEmpty());
        shoot(root, "12-login");
        robot.clickOn("#loginPassword").write(DemoGym.STAFF_PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> local.screens.models.shell.loggedInBinding().get());

        robot.clickOn("#nav-KIOSK");
        waitUntil(() -> robot.lookup("#kiosk").tryQuery().isPresent());
        robot.write(local.card(local.gym.alan())).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#kiosk #resultPanel").query().getStyleClass().contains("refused"));
        shoot(root, "08-kiosk-refused");
        robot.clickOn("#kioskExit");
        WaitForAsyncUtils.waitForFxEvents();
        shoot(root, "09-kiosk-manager-pin");

        EnrollViewModel enroll = new EnrollViewModel(r -> {
            throw new IllegalStateException("Pairing code expired");
        }, r -> { }, tasks, local.texts);
        EnrollView enrollView = new EnrollView(enroll, local.texts);
        robot.interact(() -> {
            Scene scene = new Scene(enrollView.root(), 1280, 800);
            Theme.style(scene);
            stage.setScene(scene);
            enrollView.shown();
            enroll.pairingCodeProperty().set("K7Q2-M9XD");
            enroll.pair();
        });
        waitUntil(() -> !enroll.errorProperty().get().isEmpty());
        shoot(enrollView.root(), "10-enroll");
    }
}
