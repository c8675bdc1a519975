package app.spotter.desk;

import app.spotter.client.Desk;
import app.spotter.client.store.DeskStore;
import app.spotter.desk.demo.DemoGym;
import app.spotter.desk.enroll.EnrollView;
import app.spotter.desk.enroll.EnrollViewModel;
import app.spotter.desk.kiosk.ManagerPin;
import app.spotter.desk.shell.Screen;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.FxDialogService;
import app.spotter.desk.ui.FxTaskExecutor;
import app.spotter.desk.ui.TaskExecutor;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.Theme;
import app.spotter.desk.ui.View;
import app.spotter.model.sync.DeviceKind;
import app.spotter.model.sync.SyncApi;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * The composition root: reads the settings, opens the local store, builds the desk and every
 * screen by hand, and shows the window. No container, no static state.
 */
public final class DeskApp implements AutoCloseable {

    /** The PIN of the demo desk's kiosk; a real desk sets its own at enrollment. */
    public static final String DEMO_MANAGER_PIN = "2468";

    private final Stage stage;
    private final Texts texts;
    private final TaskExecutor tasks = new FxTaskExecutor();
    private final DeskSettings settings;
    private final boolean demo;
    private final DeskStartup startup;
    private final Clock clock = Clock.systemUTC();
    private final Scene scene;
    private DeskStore store;
    private Desk desk;
    private DeskScreens screens;
    private View shown;

    private DeskApp(Stage stage, DeskSettings settings, DeskStartup startup) {
        this.stage = stage;
        this.settings = settings;
        this.startup = startup;
        this.demo = startup.demo();
        this.texts = new Texts(settings.locale());
        Theme.apply(false);
        this.scene = new Scene(new javafx.scene.layout.StackPane(), 1280, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setTitle(texts.get("app.title"));
        stage.setFullScreenExitHint("");
    }

    public static DeskApp open(Stage stage, List<String> args) {
        DeskStartup startup = DeskStartup.parse(args, System.getenv());
        DeskSettings settings = DeskSettings.load(DeskSettings.defaultDataDir());
        DeskApp app = new DeskApp(stage, settings, startup);
        app.begin();
        stage.show();
        return app;
    }

    private void begin() {
        if (demo) {
            store = DeskStore.inMemory("spotter-demo-" + UUID.randomUUID());
            DemoGym.seed(store, clock.instant());
            // Nothing listens on port 9: the demo desk is offline, as during an outage.
            desk = new Desk(store, Desk.Settings.of("http://127.0.0.1:9", new OkHttpClient(), clock));
            showDesk(ManagerPin.of(DEMO_MANAGER_PIN));
            // Two slow password hashes: after the first screen, on the one worker that also runs
            // the first login, so that login always finds them.
            tasks.run(() -> {
                DemoGym.staff(desk);
                return null;
            }, done -> { }, e -> System.err.println("Could not cache the demo staff logins: " + e));
            return;
        }
        store = DeskStore.inDirectory(settings.dataDir());
        if (startup.pairsAtStart() && !enrolledWith(startup.serverUrl())) {
            try {
                // Scripted start (demo.sh, installs): pair now, before the first screen.
                pair(new EnrollViewModel.Request(startup.serverUrl(), startup.pairingCode(), startup.deskName()));
                showDesk(managerPin());
                return;
            } catch (RuntimeException e) {
                // Fall through to the enrollment screen; the code may have expired or been used.
                System.err.println("Could not pair with " + startup.serverUrl() + ": " + e.getMessage());
            }
        }
        if (settings.serverUrl() != null) {
            desk = new Desk(store, Desk.Settings.of(settings.serverUrl(), new OkHttpClient(), clock));
            if (desk.isEnrolled()) {
                showDesk(managerPin());
                return;
            }
        }
        EnrollViewModel model = new EnrollViewModel(this::pair, done -> showDesk(managerPin()), tasks, texts);
        show(new EnrollView(model, texts));
    }

    private DeviceKind pair(EnrollViewModel.Request request) {
        if (desk != null) {
            desk.close();
        }
        desk = new Desk(store, Desk.Settings.of(request.serverUrl(), new OkHttpClient(), clock));
        // what the device is for comes with the manager's pairing code (decision 0013)
        SyncApi.Enrollment enrollment = desk.enroll(request.pairingCode(), request.deviceName());
        DeviceKind kind = enrollment.kind() == null ? DeviceKind.FRONT_DESK : enrollment.kind();
        settings.serverUrl(request.serverUrl());
        settings.mode(kind.name());
        settings.save();
        return kind;
    }

    private boolean enrolledWith(String serverUrl) {
        if (!serverUrl.equals(settings.serverUrl())) {
            return false;
        }
        try (Desk existing = new Desk(store, Desk.Settings.of(serverUrl, new OkHttpClient(), clock))) {
            return existing.isEnrolled();
        }
    }

    private ManagerPin managerPin() {
        if (settings.managerPin() != null) {
            try {
                return ManagerPin.parse(settings.managerPin());
            } catch (IllegalArgumentException unreadable) {
                // a settings file from before PINs were stored this way: start over with the demo PIN
                settings.managerPin(null);
            }
        }
        if (settings.managerPin() == null) {
            // Until a manager sets one, the kiosk opens with the demo PIN; the settings file says so.
            settings.managerPin(ManagerPin.of(DEMO_MANAGER_PIN).stored());
            settings.save();
        }
        return ManagerPin.parse(settings.managerPin());
    }

    private void showDesk(ManagerPin managerPin) {
        // Nobody is logged in yet: the shell shows the staff login first (the kiosk needs nobody).
        // A --staff-id given at start no longer stands in for a login.
        CurrentStaff staff = new CurrentStaff();
        screens = new DeskScreens(new DeskViewModels(desk, tasks, texts, staff, managerPin, clock), texts,
                stage::setFullScreen);
        if (demo) {
            screens.models.login.emailProperty().set(DemoGym.MANAGER_EMAIL);
            screens.models.login.hintProperty().set(texts.get("login.demoHint", DemoGym.MANAGER_EMAIL,
                    DemoGym.STAFF_PASSWORD));
        }
        screens.models.checkIn.failureProperty().addListener((obs, was, e) -> {
            if (e != null) {
                new FxDialogService(stage).showError(texts.get("error.title"), String.valueOf(e.getMessage()));
            }
        });
        show(screens.shell);
        if (!demo) {
            desk.start();
        }
        screens.models.shell.modeProperty().set(modeOf(settings.mode()));
        // A manager switched this device's mode: it starts that way next time too.
        screens.models.shell.modeProperty().addListener((obs, was, now) -> {
            if (!demo) {
                settings.mode(now.name());
                settings.save();
            }
        });
        if ("KIOSK".equals(settings.mode()) && !demo) {
            screens.models.shell.enterKiosk();
        } else if ("SCANNER".equals(settings.mode()) && !demo) {
            screens.models.shell.enterScanner();
        } else {
            screens.models.shell.show(Screen.CHECK_IN);
            logInDemoStaff();
        }
    }

    /**
     * ./demo.sh hands the demo front-desk login over in the environment so the demo opens logged in;
     * it goes through the ordinary online login (and is cached for outages like any other).
     */
    private void logInDemoStaff() {
        String email = System.getenv("SPOTTER_DEMO_STAFF_EMAIL");
        String password = System.getenv("SPOTTER_DEMO_STAFF_PASSWORD");
        if (demo || email == null || email.isBlank() || password == null || password.isEmpty()) {
            return;
        }
        screens.models.login.emailProperty().set(email);
        screens.models.login.passwordProperty().set(password);
        screens.models.login.logIn();
    }

    private static DeviceKind modeOf(String stored) {
        try {
            return DeviceKind.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return DeviceKind.FRONT_DESK;
        }
    }

    private void show(View view) {
        if (shown != null) {
            shown.hidden();
        }
        shown = view;
        scene.setRoot(view.root());
        view.shown();
    }

    @Override
    public void close() {
        if (screens != null) {
            screens.close();
        }
        if (desk != null) {
            desk.close();
        }
        tasks.close();
        if (store != null) {
            if (demo) {
                store.shutdown();
            } else {
                store.close();
            }
        }
    }
}
