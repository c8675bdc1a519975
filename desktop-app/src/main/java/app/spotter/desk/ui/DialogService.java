package app.spotter.desk.ui;

/** The one place screens tell people about errors; a test passes a recorder instead. */
public interface DialogService {

    /** Shows an error that the person at the desk has to see (not for refusals, which the screens show). */
    void showError(String title, String message);
}
