package app.spotter.desk;

import app.spotter.desk.checkin.CheckInView;
import app.spotter.desk.kiosk.KioskView;
import app.spotter.desk.login.LoginView;
import app.spotter.desk.manager.ManagerView;
import app.spotter.desk.members.MembersView;
import app.spotter.desk.scanner.ScannerStationView;
import app.spotter.desk.schedule.ScheduleView;
import app.spotter.desk.shell.Screen;
import app.spotter.desk.shell.ShellView;
import app.spotter.desk.shell.StatusBarView;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every screen of an enrolled desk: one view per view model, then the shell around them. The app
 * and the UI tests build the same graph.
 */
public final class DeskScreens implements AutoCloseable {

    public final DeskViewModels models;
    public final CheckInView checkInView;
    public final ScheduleView scheduleView;
    public final MembersView membersView;
    public final KioskView kioskView;
    public final LoginView loginView;
    public final ManagerView managerView;
    public final StatusBarView statusBarView;
    public final ScannerStationView scannerView;
    public final ShellView shell;

    public DeskScreens(DeskViewModels models, Texts texts, Consumer<Boolean> fullScreen) {
        this.models = models;
        checkInView = new CheckInView(models.checkIn, texts);
        scheduleView = new ScheduleView(models.schedule, texts);
        membersView = new MembersView(models.members, texts);
        kioskView = new KioskView(models.kiosk, texts);
        loginView = new LoginView(models.login, texts);
        managerView = new ManagerView(models.manager, texts);
        statusBarView = new StatusBarView(models.status, texts, models.zone);
        Map<Screen, View> screens = new EnumMap<>(Screen.class);
        screens.put(Screen.CHECK_IN, checkInView);
        screens.put(Screen.SCHEDULE, scheduleView);
        screens.put(Screen.MEMBERS, membersView);
        screens.put(Screen.MANAGER, managerView);
        scannerView = new ScannerStationView(models.scanner, texts);
        shell = new ShellView(models.shell, screens, kioskView, scannerView, loginView, statusBarView, texts, fullScreen);
    }

    @Override
    public void close() {
        shell.hidden();
        models.close();
    }
}
