package app.spotter.desk;

import javafx.application.Application;

/**
 * The desk's main class. A plain class rather than the {@link Application} subclass, so the app
 * starts from a class path (and a jpackage image) without JavaFX on the module path.
 *
 * <p>{@code --demo} opens a desk on an in-memory store with a demo gym and no server;
 * {@code --server URL --pairing-code CODE --name NAME} pairs a fresh desk at start (see {@link DeskStartup}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(DeskApplication.class, args);
    }
}
