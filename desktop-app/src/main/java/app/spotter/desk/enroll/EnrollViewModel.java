package app.spotter.desk.enroll;

import app.spotter.desk.ui.TaskExecutor;
import app.spotter.desk.ui.Texts;
import app.spotter.model.sync.DeviceKind;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * First start: the server's address and the manager's one-time pairing code. What the device is
 * for comes with the code (the manager chose it, decision 0013); it is shown once paired.
 */
public final class EnrollViewModel {

    /** What pairing needs; the composition root builds the desk on this address and enrolls it. */
    public record Request(String serverUrl, String pairingCode, String deviceName) {
    }

    /**
     * Pairs the device (blocking; called off the FX thread) and returns what the code made it;
     * throws with a readable message on failure.
     */
    @FunctionalInterface
    public interface Pairing {
        DeviceKind pair(Request request) throws Exception;
    }

    private final Pairing pairing;
    private final Consumer<Request> paired;
    private final TaskExecutor tasks;
    private final Texts texts;
    private final StringProperty serverUrl = new SimpleStringProperty("http://127.0.0.1:7070");
    private final StringProperty pairingCode = new SimpleStringProperty("");
    private final StringProperty deviceName = new SimpleStringProperty("Front desk 1");
    private final ObjectProperty<DeviceKind> kind = new SimpleObjectProperty<>();
    private final BooleanProperty working = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");

    public EnrollViewModel(Pairing pairing, Consumer<Request> paired, TaskExecutor tasks, Texts texts) {
        this.pairing = pairing;
        this.paired = paired;
        this.tasks = tasks;
        this.texts = texts;
    }

    public void pair() {
        String url = serverUrl.get() == null ? "" : serverUrl.get().strip();
        String code = pairingCode.get() == null ? "" : pairingCode.get().strip();
        if (url.isEmpty() || code.isEmpty()) {
            error.set(texts.get("enroll.missing"));
            return;
        }
        Request request = new Request(url, code, deviceName.get().strip());
        working.set(true);
        error.set("");
        tasks.run(() -> pairing.pair(request), got -> {
            working.set(false);
            kind.set(got);
            paired.accept(request);
        }, e -> {
            working.set(false);
            error.set(texts.get("enroll.failed", e.getMessage() == null ? e.toString() : e.getMessage()));
        });
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty pairingCodeProperty() {
        return pairingCode;
    }

    public StringProperty deviceNameProperty() {
        return deviceName;
    }

    /** What the pairing code made this device; null until paired. */
    public javafx.beans.property.ReadOnlyObjectProperty<DeviceKind> kindProperty() {
        return kind;
    }

    public BooleanProperty workingProperty() {
        return working;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
