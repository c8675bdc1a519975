package app.spotter.desk.members;

import app.spotter.client.Desk;
import app.spotter.client.members.MemberView;
import app.spotter.client.members.NewMember;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.TaskExecutor;
import app.spotter.desk.ui.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Finding members, signing up new ones at the counter (queued for the server), and their details. */
public final class MembersViewModel {

    private static final int LIMIT = 50;

    private final Desk desk;
    private final CurrentStaff staff;
    private final TaskExecutor tasks;
    private final Texts texts;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<MemberView> found = FXCollections.observableArrayList();
    private final ObjectProperty<MemberView> selected = new SimpleObjectProperty<>();
    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public MembersViewModel(Desk desk, CurrentStaff staff, TaskExecutor tasks, Texts texts) {
        this.desk = desk;
        this.staff = staff;
        this.tasks = tasks;
        this.texts = texts;
    }

    public void search() {
        String text = query.get() == null ? "" : query.get().strip();
        tasks.run(() -> {
            LinkedHashMap<Object, MemberView> hits = new LinkedHashMap<>();
            if (!text.isEmpty()) {
                desk.members().byNumber(text).ifPresent(m -> hits.put(m.id(), m));
            }
            for (MemberView m : desk.members().search(text, LIMIT)) {
                hits.putIfAbsent(m.id(), m);
            }
            return List.copyOf(hits.values());
        }, found::setAll, e -> message.set(String.valueOf(e.getMessage())));
    }

    public void register() {
        String first = firstName.get().strip();
        String last = lastName.get().strip();
        if (first.isEmpty() || last.isEmpty()) {
            message.set(texts.get("members.required"));
            return;
        }
        NewMember member = new NewMember(first, last, blankToNull(email.get()), blankToNull(phone.get()), null);
        tasks.run(() -> desk.members().register(staff.user(), member), id -> {
            message.set(texts.get("members.registered", first + " " + last));
            firstName.set("");
            lastName.set("");
            email.set("");
            phone.set("");
            query.set(last);
            search();
        }, e -> message.set(String.valueOf(e.getMessage())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<MemberView> found() {
        return found;
    }

    public ObjectProperty<MemberView> selectedProperty() {
        return selected;
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
