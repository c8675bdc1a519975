package app.spotter.desk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX as the user-agent stylesheet (light by default, dark on request) plus the desk's one stylesheet. */
public final class Theme {

    public static final String DESK_CSS = Objects.requireNonNull(
            Theme.class.getResource("/app/spotter/desk/desk.css"), "desk.css").toExternalForm();

    private Theme() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(DESK_CSS)) {
            scene.getStylesheets().add(DESK_CSS);
        }
    }
}
