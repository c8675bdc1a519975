package app.spotter.desk.ui;

import javafx.scene.Parent;

/**
 * A screen's view: builds its nodes once, binds them to its view model when shown and unbinds
 * when hidden, so a hidden screen holds no listeners on long-lived state.
 */
public interface View {

    Parent root();

    /** Called when the screen becomes visible. */
    default void shown() {
    }

    /** Called when the screen is hidden. */
    default void hidden() {
    }
}
