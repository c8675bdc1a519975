package app.spotter.desk.ui;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Dialogs as modal JavaFX alerts over the desk's window. */
public final class FxDialogService implements DialogService {

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setHeaderText(title);
        alert.show();
    }
}
