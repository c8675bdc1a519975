package app.spotter.desk.members;

import app.spotter.client.members.MemberView;
import app.spotter.desk.ui.Subscriptions;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Search on the left with a table of members; the sign-up form on the right. */
public final class MembersView implements View {

    private final MembersViewModel model;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();
    private final TableView<MemberView> table = new TableView<>();
    private final TextField firstName = new TextField();
    private final TextField lastName = new TextField();
    private final TextField email = new TextField();
    private final TextField phone = new TextField();
    private final Label message = new Label();

    public MembersView(MembersViewModel model, Texts texts) {
        this.model = model;
        root.setId("members");
        search.setId("memberSearch");
        search.setPromptText(texts.get("members.search.prompt"));
        search.setOnAction(e -> model.search());
        table.setId("memberTable");
        table.setPlaceholder(new Label(texts.get("checkin.search.none")));
        table.getColumns().add(column(texts.get("members.column.name"), m -> m.firstName() + " " + m.lastName()));
        table.getColumns().add(column(texts.get("members.column.number"),
                m -> m.memberNumber() == null ? texts.get("members.number.pending") : m.memberNumber()));
        table.getColumns().add(column(texts.get("members.column.phone"), MemberView::phone));
        table.getColumns().add(column(texts.get("members.column.email"), MemberView::email));
        table.getColumns().add(column(texts.get("members.column.state"),
                m -> texts.get(m.pending() ? "members.state.pending" : "members.state.synced")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox left = new VBox(10, search, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.getStyleClass().add("screen-body");
        root.setCenter(left);

        Label formTitle = new Label(texts.get("members.register"));
        formTitle.getStyleClass().add("form-title");
        firstName.setId("firstName");
        lastName.setId("lastName");
        email.setId("email");
        phone.setId("phone");
        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.add(formTitle, 0, 0, 2, 1);
        form.addRow(1, new Label(texts.get("members.firstName")), firstName);
        form.addRow(2, new Label(texts.get("members.lastName")), lastName);
        form.addRow(3, new Label(texts.get("members.email")), email);
        form.addRow(4, new Label(texts.get("members.phone")), phone);
        Button save = new Button(texts.get("members.save"));
        save.setId("registerMember");
        save.getStyleClass().add("accent");
        save.setDefaultButton(false);
        save.setOnAction(e -> model.register());
        form.add(save, 1, 5);
        message.setId("membersMessage");
        message.setWrapText(true);
        message.setMaxWidth(300);
        form.add(message, 0, 6, 2, 1);
        form.getStyleClass().add("side-panel");
        root.setRight(form);
    }

    private static TableColumn<MemberView, String> column(String title, Function<MemberView, String> value) {
        TableColumn<MemberView, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        subscriptions.bindBidirectional(search.textProperty(), model.queryProperty());
        subscriptions.bindBidirectional(firstName.textProperty(), model.firstNameProperty());
        subscriptions.bindBidirectional(lastName.textProperty(), model.lastNameProperty());
        subscriptions.bindBidirectional(email.textProperty(), model.emailProperty());
        subscriptions.bindBidirectional(phone.textProperty(), model.phoneProperty());
        subscriptions.bind(message.textProperty(), model.messageProperty());
        subscriptions.bind(model.selectedProperty(), table.getSelectionModel().selectedItemProperty());
        table.setItems(model.found());
        subscriptions.add(() -> table.setItems(null));
        model.search();
    }

    @Override
    public void hidden() {
        subscriptions.clear();
    }
}
