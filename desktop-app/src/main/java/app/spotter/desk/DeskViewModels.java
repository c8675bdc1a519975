package app.spotter.desk;

import app.spotter.client.Desk;
import app.spotter.client.store.DeviceState;
import app.spotter.desk.checkin.CheckInViewModel;
import app.spotter.desk.checkin.MemberStandings;
import app.spotter.desk.kiosk.KioskViewModel;
import app.spotter.desk.kiosk.ManagerPin;
import app.spotter.desk.login.LoginViewModel;
import app.spotter.desk.manager.ManagerViewModel;
import app.spotter.desk.members.MembersViewModel;
import app.spotter.desk.scanner.ScannerStationViewModel;
import app.spotter.desk.scanner.SoundPlayer;
import app.spotter.desk.scanner.SpeakerSoundPlayer;
import app.spotter.desk.schedule.ScheduleViewModel;
import app.spotter.desk.shell.Screen;
import app.spotter.desk.shell.ShellViewModel;
import app.spotter.desk.shell.StatusBarViewModel;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.TaskExecutor;
import app.spotter.desk.ui.Texts;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Every view model of an enrolled desk, built by hand over one {@link Desk}; they share the one
 * task executor and the current staff user (set by the login view model). No JavaFX scene here: tests build these without a stage.
 */
public final class DeskViewModels implements AutoCloseable {

    public final ZoneId zone;
    public final CurrentStaff staff;
    public final ShellViewModel shell;
    public final LoginViewModel login;
    public final CheckInViewModel checkIn;
    public final CheckInViewModel kioskDoor;
    public final KioskViewModel kiosk;
    public final ScheduleViewModel schedule;
    public final MembersViewModel members;
    public final ManagerViewModel manager;
    public final StatusBarViewModel status;
    public final ScannerStationViewModel scanner;
    private final SoundPlayer sound;

    public DeskViewModels(Desk desk, TaskExecutor tasks, Texts texts, CurrentStaff staff, ManagerPin managerPin,
                          Clock clock) {
        this(desk, tasks, texts, staff, managerPin, clock, new SpeakerSoundPlayer());
    }

    /** With the scanner station's sound player (tests record what it plays). */
    public DeskViewModels(Desk desk, TaskExecutor tasks, Texts texts, CurrentStaff staff, ManagerPin managerPin,
                          Clock clock, SoundPlayer sound) {
        this.sound = sound;
        zone = zoneOf(desk);
        this.staff = staff;
        shell = new ShellViewModel(staff);
        // at log-out the next person inherits neither the online token nor the signing key (decision 0013)
        staff.profileProperty().addListener((o, was, now) -> {
            if (now == null) {
                desk.staffLogins().forgetOnlineSession();
            }
        });
        login = new LoginViewModel(desk, staff, who -> shell.show(Screen.CHECK_IN), tasks, texts);
        MemberStandings standings = new MemberStandings(desk);
        checkIn = new CheckInViewModel(desk, standings, staff, tasks);
        // the kiosk and the scanner station act as themselves, never in a staff member's name (decision 0013)
        kioskDoor = new CheckInViewModel(desk, standings, new CurrentStaff(), tasks);
        kiosk = new KioskViewModel(kioskDoor, managerPin, shell::leaveKiosk, tasks);
        schedule = new ScheduleViewModel(desk, staff, tasks, texts, zone, clock);
        members = new MembersViewModel(desk, staff, tasks, texts, zone, clock);
        manager = new ManagerViewModel(desk, staff, tasks, texts, zone, clock, shell::switchMode);
        status = new StatusBarViewModel(desk.status(), desk::onStatus, tasks);
        scanner = new ScannerStationViewModel(new KioskViewModel(new CheckInViewModel(desk, standings, new CurrentStaff(), tasks),
                managerPin, shell::leaveScanner, tasks), sound);
    }

    private static ZoneId zoneOf(Desk desk) {
        String zone = desk.store().inTransaction(s -> s.find(DeviceState.class, DeviceState.ID).zoneId);
        return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    @Override
    public void close() {
        status.close();
        if (sound instanceof AutoCloseable speaker) {
            try {
                speaker.close();
            } catch (Exception e) {
                // closing the sound lines at exit: nothing left to do about it
            }
        }
    }
}
