package app.spotter.desk.login;

import app.spotter.client.Desk;
import app.spotter.client.staff.LoginRefused;
import app.spotter.client.staff.StaffProfile;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.TaskExecutor;
import app.spotter.desk.ui.Texts;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Staff login: e-mail and password, checked by the server when it answers and by this desk's
 * cached hash during an outage. On success the staff member becomes the {@link CurrentStaff}.
 */
public final class LoginViewModel {

    private final Desk desk;
    private final CurrentStaff staff;
    private final Consumer<StaffProfile> loggedIn;
    private final TaskExecutor tasks;
    private final Texts texts;
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private final BooleanProperty working = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");

    public LoginViewModel(Desk desk, CurrentStaff staff, Consumer<StaffProfile> loggedIn, TaskExecutor tasks,
                          Texts texts) {
        this.desk = desk;
        this.staff = staff;
        this.loggedIn = loggedIn;
        this.tasks = tasks;
        this.texts = texts;
    }

    public void logIn() {
        String who = email.get() == null ? "" : email.get().strip();
        String secret = password.get() == null ? "" : password.get();
        if (who.isEmpty() || secret.isEmpty()) {
            error.set(texts.get("login.missing"));
            return;
        }
        working.set(true);
        error.set("");
        tasks.run(() -> desk.staffLogin(who, secret), profile -> {
            working.set(false);
            // The password leaves memory as soon as it has been checked.
            password.set("");
            staff.logIn(profile);
            loggedIn.accept(profile);
        }, e -> {
            working.set(false);
            password.set("");
            error.set(e instanceof LoginRefused refused
                    ? texts.get("login.refused." + refused.reason().name())
                    : texts.get("login.failed", e.getMessage() == null ? e.toString() : e.getMessage()));
        });
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** A line under the form (the demo desk says which login it knows). */
    public StringProperty hintProperty() {
        return hint;
    }

    public BooleanProperty workingProperty() {
        return working;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
