package app.spotter.desk.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Which screen the desk shows, whether it is locked in kiosk mode, and the theme. */
public final class ShellViewModel {

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.CHECK_IN);
    private final BooleanProperty kiosk = new SimpleBooleanProperty();
    private final BooleanProperty dark = new SimpleBooleanProperty();

    public void show(Screen next) {
        screen.set(next);
    }

    public void enterKiosk() {
        kiosk.set(true);
    }

    /** Called by the kiosk once a manager PIN was accepted. */
    public void leaveKiosk() {
        kiosk.set(false);
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
}
