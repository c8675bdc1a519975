package app.spotter.desk.shell;

import app.spotter.client.staff.StaffProfile;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.model.sync.DeviceKind;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Which screen the desk shows, whether it is locked in kiosk mode, the theme, and who is logged
 * in: until a staff member logs in, the desk shows the login form (the kiosk needs nobody).
 */
public final class ShellViewModel {

    private final CurrentStaff staff;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.CHECK_IN);
    private final BooleanProperty kiosk = new SimpleBooleanProperty();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final BooleanProperty scanner = new SimpleBooleanProperty();
    private final ObjectProperty<DeviceKind> mode = new SimpleObjectProperty<>(DeviceKind.FRONT_DESK);
    private final BooleanBinding loggedIn;
    private final StringBinding staffName;

    public ShellViewModel(CurrentStaff staff) {
        this.staff = staff;
        this.loggedIn = Bindings.createBooleanBinding(() -> staff.profileProperty().get() != null,
                staff.profileProperty());
        this.staffName = Bindings.createStringBinding(() -> {
            StaffProfile who = staff.profileProperty().get();
            return who == null ? "" : who.name();
        }, staff.profileProperty());
    }

    public void show(Screen next) {
        if (next.forManagers() && !staff.manages()) {
            return;
        }
        screen.set(next);
    }

    public void enterKiosk() {
        kiosk.set(true);
    }

    /** Called by the kiosk once a manager PIN was accepted. */
    public void leaveKiosk() {
        kiosk.set(false);
    }

    /** The scanner station: full screen at the door, nobody at the keyboard; leaving takes the manager PIN. */
    public void enterScanner() {
        scanner.set(true);
    }

    /** Called by the scanner station once a manager PIN was accepted. */
    public void leaveScanner() {
        scanner.set(false);
    }

    /**
     * What this device is for from now on (a manager's choice; the app stores it and starts in it
     * next time): a kiosk or scanner station locks at once.
     */
    public void switchMode(DeviceKind next) {
        if (!staff.manages() || next == null) {
            return;
        }
        mode.set(next);
        switch (next) {
            case KIOSK -> enterKiosk();
            case SCANNER -> enterScanner();
            case FRONT_DESK -> { }
        }
    }

    public ObjectProperty<DeviceKind> modeProperty() {
        return mode;
    }

    public BooleanProperty scannerProperty() {
        return scanner;
    }

    /** Back to the login form; the next person's changes are recorded in their name. */
    public void logOut() {
        staff.logOut();
        screen.set(Screen.CHECK_IN);
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public BooleanProperty kioskProperty() {
        return kiosk;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public BooleanBinding loggedInBinding() {
        return loggedIn;
    }

    public BooleanBinding managesBinding() {
        return staff.managesBinding();
    }

    public StringBinding staffNameBinding() {
        return staffName;
    }
}
