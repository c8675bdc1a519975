package app.spotter.desk.ui;

import app.spotter.model.common.UserId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Who is working the desk now; every local change is recorded in their name. */
public final class CurrentStaff {

    private final ObjectProperty<UserId> user = new SimpleObjectProperty<>();

    public CurrentStaff(UserId user) {
        this.user.set(user);
    }

    public UserId user() {
        return user.get();
    }

    public ObjectProperty<UserId> userProperty() {
        return user;
    }
}
