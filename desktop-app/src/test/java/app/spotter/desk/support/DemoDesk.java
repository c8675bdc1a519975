package app.spotter.desk.support;

import app.spotter.client.Desk;
import app.spotter.client.store.DeskStore;
import app.spotter.desk.DeskScreens;
import app.spotter.desk.DeskViewModels;
import app.spotter.desk.demo.DemoGym;
import app.spotter.desk.kiosk.ManagerPin;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.TaskExecutor;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.Theme;
import app.spotter.model.common.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * A real desk for UI tests: the sync-client's store in memory, seeded with the demo gym as if
 * pulled, no server reachable (offline, as in an outage), and every screen built as the app
 * builds them. The clock stands at 08:00 in the gym's zone, so the day's classes are ahead.
 */
public final class DemoDesk implements AutoCloseable {

    public static final String MANAGER_PIN = "2468";

    public final Clock clock;
    public final DeskStore store = DeskStore.inMemory("desk-ui-" + UUID.randomUUID());
    public final DemoGym.Seeded gym;
    public final Desk desk;
    public final Texts texts = new Texts(Locale.ENGLISH);
    public final AtomicBoolean fullScreen = new AtomicBoolean();
    public DeskScreens screens;
    public DeskViewModels models;

    public DemoDesk() {
        Instant eight = java.time.LocalDate.now(DemoGym.ZONE).atTime(LocalTime.of(8, 0)).atZone(DemoGym.ZONE).toInstant();
        clock = Clock.fixed(eight, ZoneOffset.UTC);
        gym = DemoGym.seed(store, clock.instant());
        desk = new Desk(store, Desk.Settings.of("http://127.0.0.1:9", new OkHttpClient(), clock));
    }

    /** The view models alone, for tests without a stage. */
    public DeskViewModels models(TaskExecutor tasks) {
        models = new DeskViewModels(desk, tasks, texts, new CurrentStaff(new app.spotter.client.staff.StaffProfile(DemoGym.MANAGER, DemoGym.MANAGER_EMAIL, "Mia Manager", app.spotter.model.access.Role.MANAGER, false)), ManagerPin.of(MANAGER_PIN),
                clock);
        return models;
    }

    public DeskScreens build(TaskExecutor tasks) {
        screens = new DeskScreens(models(tasks), texts, fullScreen::set);
        return screens;
    }

    /** Puts the shell on the stage, as the app does. */
    public void show(Stage stage, TaskExecutor tasks) {
        build(tasks);
        Theme.apply(false);
        Scene scene = new Scene(screens.shell.root(), 1280, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        screens.shell.shown();
    }

    /** A member card the desk accepts, issued a month ago. */
    public String card(app.spotter.model.common.MemberId member) {
        return gym.gym().card(member, clock.instant().minus(Duration.ofDays(30)));
    }

    @Override
    public void close() {
        if (screens != null) {
            screens.close();
        } else if (models != null) {
            models.close();
        }
        desk.close();
        store.shutdown();
    }
}
