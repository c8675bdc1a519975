package app.spotter.desk;

import app.spotter.client.Desk;
import app.spotter.client.store.DeviceState;
import app.spotter.desk.checkin.CheckInView;
import app.spotter.desk.checkin.CheckInViewModel;
import app.spotter.desk.checkin.MemberStandings;
import app.spotter.desk.kiosk.KioskView;
import app.spotter.desk.kiosk.KioskViewModel;
import app.spotter.desk.kiosk.ManagerPin;
import app.spotter.desk.members.MembersView;
import app.spotter.desk.members.MembersViewModel;
import app.spotter.desk.schedule.ScheduleView;
import app.spotter.desk.schedule.ScheduleViewModel;
import app.spotter.desk.shell.Screen;
import app.spotter.desk.shell.ShellView;
import app.spotter.desk.shell.ShellViewModel;
import app.spotter.desk.shell.StatusBarView;
import app.spotter.desk.shell.StatusBarViewModel;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.TaskExecutor;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every screen of an enrolled desk, built by hand over one {@link Desk}: view models first (they
 * share the task executor and the current staff user), then their views, then the shell.
 * The app and the UI tests build the same graph.
 */
public final class DeskScreens implements AutoCloseable {

    public final ShellViewModel shellModel = new ShellViewModel();
    public final CheckInViewModel checkInModel;
    public final CheckInViewModel kioskDoorModel;
    public final KioskViewModel kioskModel;
    public final ScheduleViewModel scheduleModel;
    public final MembersViewModel membersModel;
    public final StatusBarViewModel statusModel;
    public final CheckInView checkInView;
    public final ScheduleView scheduleView;
    public final MembersView membersView;
    public final KioskView kioskView;
    public final StatusBarView statusBarView;
    public final ShellView shell;

    public DeskScreens(Desk desk, TaskExecutor tasks, Texts texts, CurrentStaff staff, ManagerPin managerPin,
                       Clock clock, Consumer<Boolean> fullScreen) {
        ZoneId zone = zoneOf(desk);
        MemberStandings standings = new MemberStandings(desk);
        checkInModel = new CheckInViewModel(desk, standings, staff, tasks);
        kioskDoorModel = new CheckInViewModel(desk, standings, staff, tasks);
        kioskModel = new KioskViewModel(kioskDoorModel, managerPin, shellModel::leaveKiosk, tasks);
        scheduleModel = new ScheduleViewModel(desk, staff, tasks, texts, zone, clock);
        membersModel = new MembersViewModel(desk, staff, tasks, texts);
        statusModel = new StatusBarViewModel(desk.status(), desk::onStatus, tasks);

        checkInView = new CheckInView(checkInModel, texts);
        scheduleView = new ScheduleView(scheduleModel, texts);
        membersView = new MembersView(membersModel, texts);
        kioskView = new KioskView(kioskModel, texts);
        statusBarView = new StatusBarView(statusModel, texts, zone);
        Map<Screen, View> screens = new EnumMap<>(Screen.class);
        screens.put(Screen.CHECK_IN, checkInView);
        screens.put(Screen.SCHEDULE, scheduleView);
        screens.put(Screen.MEMBERS, membersView);
        shell = new ShellView(shellModel, screens, kioskView, statusBarView, texts, fullScreen);
    }

    private static ZoneId zoneOf(Desk desk) {
        String zone = desk.store().inTransaction(s -> s.find(DeviceState.class, DeviceState.ID).zoneId);
        return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    @Override
    public void close() {
        shell.hidden();
        statusModel.close();
    }
}
