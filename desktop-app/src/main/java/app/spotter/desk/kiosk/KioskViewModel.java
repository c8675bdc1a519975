package app.spotter.desk.kiosk;

import app.spotter.desk.checkin.CheckInViewModel;
import app.spotter.desk.ui.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The member-facing kiosk: the door decides exactly as at the desk (scan only; PIN entry needs the
 * server and is not offered offline), and leaving kiosk mode takes a manager PIN.
 */
public final class KioskViewModel {

    private final CheckInViewModel door;
    private final ManagerPin managerPin;
    private final Runnable leave;
    private final TaskExecutor tasks;
    private final BooleanProperty exitAsked = new SimpleBooleanProperty();
    private final StringProperty exitPin = new SimpleStringProperty("");
    private final BooleanProperty exitRefused = new SimpleBooleanProperty();
    private final BooleanProperty pinUnavailable = new SimpleBooleanProperty();

    public KioskViewModel(CheckInViewModel door, ManagerPin managerPin, Runnable leave, TaskExecutor tasks) {
        this.door = door;
        this.managerPin = managerPin;
        this.leave = leave;
        this.tasks = tasks;
    }

    public CheckInViewModel door() {
        return door;
    }

    /** A member pressed the PIN pad: PIN hashes live on the server only, so say so and point at the card. */
    public void pinPressed() {
        pinUnavailable.set(true);
    }

    public void askToLeave() {
        exitPin.set("");
        exitRefused.set(false);
        exitAsked.set(true);
    }

    public void cancelLeaving() {
        exitPin.set("");
        exitRefused.set(false);
        exitAsked.set(false);
    }

    /** Leaves kiosk mode if the manager PIN matches; a wrong PIN keeps the kiosk locked. */
    public void confirmLeaving() {
        String pin = exitPin.get();
        exitPin.set("");
        // PBKDF2 takes a moment on purpose: off the FX thread.
        tasks.run(() -> managerPin.matches(pin), ok -> {
            if (ok) {
                exitAsked.set(false);
                exitRefused.set(false);
                leave.run();
            } else {
                exitRefused.set(true);
            }
        }, e -> exitRefused.set(true));
    }

    public ReadOnlyBooleanProperty exitAskedProperty() {
        return exitAsked;
    }

    public StringProperty exitPinProperty() {
        return exitPin;
    }

    public ReadOnlyBooleanProperty exitRefusedProperty() {
        return exitRefused;
    }

    public ReadOnlyBooleanProperty pinUnavailableProperty() {
        return pinUnavailable;
    }
}
