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
 * cached hash during an outage. Staff with a second factor are asked for their authenticator code
 * when the server wants it (online only; offline the cached password decides). On success the staff member becomes the {@link CurrentStaff}.
 */
public final class LoginViewModel {

    private final Desk desk;
    private final CurrentStaff staff;
    private final Consumer<StaffProfile> loggedIn;
    private final TaskExecutor tasks;
    private final Texts texts;
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty totp = new SimpleStringProperty("");
    private final BooleanProperty totpNeeded = new SimpleBooleanProperty();
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
        String code = totp.get() == null ? "" : totp.get().strip();
        tasks.run(() -> desk.staffLogin(who, secret, code), profile -> {
            working.set(false);
            // The password leaves memory as soon as it has been checked.
            password.set("");
            totp.set("");
            totpNeeded.set(false);
            staff.logIn(profile);
            loggedIn.accept(profile);
        }, e -> {
            working.set(false);
            totp.set("");
            if (e instanceof LoginRefused refused && refused.reason() == LoginRefused.Reason.TOTP_REQUIRED) {
                // The password was right: keep it and ask for the code of the authenticator app.
                totpNeeded.set(true);
            } else {
                password.set("");
            }
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

    /** The 6-digit code of the authenticator app, for staff who turned the second factor on. */
    public StringProperty totpProperty() {
        return totp;
    }

    /** True once the server asked for a code: the view shows the code field. */
    public javafx.beans.property.ReadOnlyBooleanProperty totpNeededProperty() {
        return totpNeeded;
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
