package app.spotter.desk;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX entry point; everything is built in {@link DeskApp}. */
public final class DeskApplication extends Application {

    private DeskApp app;

    @Override
    public void start(Stage stage) {
        app = DeskApp.open(stage, getParameters().getRaw());
    }

    @Override
    public void stop() {
        if (app != null) {
            app.close();
        }
    }
}
