package app.spotter.desk.ui;

import app.spotter.client.staff.StaffProfile;
import app.spotter.model.common.UserId;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Who is working the desk now (set by the staff login); every local change is recorded in their name. */
public final class CurrentStaff {

    private final ObjectProperty<StaffProfile> profile = new SimpleObjectProperty<>();
    private final BooleanBinding manages = Bindings.createBooleanBinding(
            () -> profile.get() != null && profile.get().manages(), profile);

    public CurrentStaff() {
    }

    public CurrentStaff(StaffProfile profile) {
        this.profile.set(profile);
    }

    public void logIn(StaffProfile who) {
        profile.set(who);
    }

    public void logOut() {
        profile.set(null);
    }

    /** The logged-in staff user's id; null when nobody is logged in. */
    public UserId user() {
        StaffProfile who = profile.get();
        return who == null ? null : who.id();
    }

    public boolean manages() {
        return manages.get();
    }

    public ObjectProperty<StaffProfile> profileProperty() {
        return profile;
    }

    /** True while a manager or admin is logged in. */
    public BooleanBinding managesBinding() {
        return manages;
    }
}
