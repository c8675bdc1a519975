package app.spotter.desk.members;

import app.spotter.client.members.MemberView;
import app.spotter.client.members.PlanChoice;
import app.spotter.desk.members.MembersViewModel.FormMode;
import app.spotter.desk.members.MembersViewModel.NotesState;
import app.spotter.desk.ui.Subscriptions;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Search and the member list on the left; on the right the selected member's pane (avatar, plan,
 * standing, credits, memberships, attendance, health notes, freeze/unfreeze, card as PDF), or the
 * sign-up / edit form with its messages next to the fields.
 */
public final class MembersView implements View {

    private final MembersViewModel model;
    private final Texts texts;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();
    private final TableView<MemberView> table = new TableView<>();

    // member pane
    private final Label avatar = new Label();
    private final Label name = new Label();
    private final Label number = new Label();
    private final Label contact = new Label();
    private final Label plan = new Label();
    private final Label standing = new Label();
    private final Label credits = new Label();
    private final ListView<String> membershipList = new ListView<>();
    private final ListView<String> visits = new ListView<>();
    private final Button edit = new Button();
    private final Button freeze = new Button();
    private final Button unfreeze = new Button();
    private final Button saveCard = new Button();
    private final DatePicker freezeFrom = new DatePicker();
    private final DatePicker freezeTo = new DatePicker();
    private final Button showNotes = new Button();
    private final Label notes = new Label();
    private final VBox notesBox = new VBox(6);
    private final Label paneMessage = new Label();
    private final Label emptyPane = new Label();
    private final VBox pane = new VBox(10);
    private final ScrollPane paneScroll = scroll(pane);

    // form
    private final Label formTitle = new Label();
    private final TextField firstName = new TextField();
    private final TextField lastName = new TextField();
    private final TextField email = new TextField();
    private final TextField phone = new TextField();
    private final ComboBox<PlanChoice> planChoice = new ComboBox<>();
    private final Label planLabel = new Label();
    private final Label firstNameError = error("firstNameError");
    private final Label lastNameError = error("lastNameError");
    private final Label emailError = error("emailError");
    private final Label phoneError = error("phoneError");
    private final Label message = new Label();
    private final GridPane form = new GridPane();
    private final Button save = new Button();

    private final StackPane side = new StackPane();

    public MembersView(MembersViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        root.setId("members");
        root.getStyleClass().add("members");

        search.setId("memberSearch");
        search.setPromptText(texts.get("members.search.prompt"));
        search.setOnAction(e -> model.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button register = new Button(texts.get("members.register"));
        register.setId("startRegister");
        register.getStyleClass().add("accent");
        register.setOnAction(e -> model.startRegister());
        HBox searchRow = new HBox(8, search, register);

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
        // what the last sign-up or edit did (or why not): below the list, seen whether the form is open or not
        message.setId("membersMessage");
        message.setWrapText(true);
        message.getStyleClass().add("member-message");
        VBox left = new VBox(10, searchRow, table, message);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.getStyleClass().add("screen-body");
        root.setCenter(left);

        buildPane();
        buildForm();
        side.getChildren().addAll(emptyPane, paneScroll, form);
        side.getStyleClass().addAll("side-panel", "member-side");
        side.setPrefWidth(440);
        root.setRight(side);
    }

    private void buildPane() {
        pane.setId("memberPane");
        pane.getStyleClass().add("member-pane");
        avatar.setId("memberAvatar");
        avatar.getStyleClass().add("member-avatar");
        name.setId("memberName");
        name.getStyleClass().add("member-name");
        number.setId("memberNumber");
        contact.setId("memberContact");
        contact.getStyleClass().add("member-muted");
        VBox who = new VBox(2, name, number, contact);
        HBox header = new HBox(14, avatar, who);
        header.getStyleClass().add("member-header");

        plan.setId("memberPlan");
        plan.getStyleClass().add("member-plan");
        standing.setId("memberStanding");
        credits.setId("memberCredits");
        VBox planBox = new VBox(2, plan, standing, credits);

        edit.setText(texts.get("members.edit"));
        edit.setId("editMember");
        edit.setOnAction(e -> model.startEdit());
        saveCard.setText(texts.get("members.card.save"));
        saveCard.setId("saveCard");
        saveCard.setOnAction(e -> chooseCardFile());
        HBox actions = new HBox(8, edit, saveCard);

        freezeFrom.setId("freezeFrom");
        freezeTo.setId("freezeTo");
        // Side by side the pane squeezed them below a full date ("11/21/202"): one per line, never narrower.
        for (DatePicker picker : List.of(freezeFrom, freezeTo)) {
            picker.setPrefWidth(160);
            picker.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        freeze.setText(texts.get("members.freeze"));
        freeze.setId("freezeMembership");
        freeze.setOnAction(e -> model.freeze());
        unfreeze.setText(texts.get("members.unfreeze"));
        unfreeze.setId("unfreezeMembership");
        unfreeze.setOnAction(e -> model.unfreeze());
        Label fromLabel = new Label(texts.get("members.freeze.from"));
        fromLabel.setLabelFor(freezeFrom);
        Label toLabel = new Label(texts.get("members.freeze.to"));
        toLabel.setLabelFor(freezeTo);
        javafx.scene.layout.GridPane freezeDays = new javafx.scene.layout.GridPane();
        freezeDays.setHgap(8);
        freezeDays.setVgap(6);
        freezeDays.addRow(0, fromLabel, freezeFrom);
        freezeDays.addRow(1, toLabel, freezeTo);
        VBox freezeRow = new VBox(6, freezeDays, new HBox(8, freeze, unfreeze));
        freezeRow.getStyleClass().add("freeze-row");

        membershipList.setId("membershipList");
        membershipList.setPrefHeight(74);
        visits.setId("visitList");
        visits.setPrefHeight(150);

        showNotes.setText(texts.get("members.notes.show"));
        showNotes.setId("showHealthNotes");
        showNotes.setOnAction(e -> model.loadHealthNotes());
        notes.setId("healthNotes");
        notes.setWrapText(true);
        notes.getStyleClass().add("health-notes");
        notesBox.getChildren().addAll(sectionTitle("members.notes.title"), showNotes, notes);

        paneMessage.setId("paneMessage");
        paneMessage.setWrapText(true);
        paneMessage.getStyleClass().add("member-message");

        pane.getChildren().addAll(header, planBox, actions, freezeRow, sectionTitle("members.memberships"),
                membershipList, sectionTitle("members.attendance"), visits, notesBox, paneMessage);
        emptyPane.setText(texts.get("members.pane.empty"));
        emptyPane.getStyleClass().add("member-muted");
    }

    private void buildForm() {
        form.setId("memberForm");
        form.getStyleClass().addAll("form", "member-form");
        formTitle.getStyleClass().add("form-title");
        firstName.setId("firstName");
        lastName.setId("lastName");
        email.setId("email");
        phone.setId("phone");
        planChoice.setId("planChoice");
        planChoice.setMaxWidth(Double.MAX_VALUE);
        planChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(PlanChoice p) {
                return p == null ? texts.get("members.plan.none") : p.name();
            }

            @Override
            public PlanChoice fromString(String s) {
                return null;
            }
        });
        planLabel.setText(texts.get("members.plan"));
        planLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.add(formTitle, 0, 0, 2, 1);
        int row = 1;
        row = field(row, "members.firstName", firstName, firstNameError);
        row = field(row, "members.lastName", lastName, lastNameError);
        row = field(row, "members.email", email, emailError);
        row = field(row, "members.phone", phone, phoneError);
        form.add(planLabel, 0, row);
        form.add(planChoice, 1, row++);
        save.setId("registerMember");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> model.save());
        Button cancel = new Button(texts.get("members.cancel"));
        cancel.setId("cancelForm");
        cancel.setOnAction(e -> model.cancelForm());
        form.add(new HBox(8, save, cancel), 1, row);
    }

    private int field(int row, String label, TextField input, Label error) {
        Label caption = new Label(texts.get(label));
        caption.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.add(caption, 0, row);
        form.add(input, 1, row);
        form.add(error, 1, row + 1);
        return row + 2;
    }

    private static Label error(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.setMaxWidth(260);
        // no room taken while there is nothing to say
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    private Label sectionTitle(String key) {
        Label l = new Label(texts.get(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.getStyleClass().add("edge-to-edge");
        return s;
    }

    private void chooseCardFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("members.card.save"));
        chooser.setInitialFileName(model.cardFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            model.saveCard(file.toPath());
        }
    }

    private static TableColumn<MemberView, String> column(String title, Function<MemberView, String> value) {
        TableColumn<MemberView, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    /** The member table, for tests that pick a row. */
    public TableView<MemberView> table() {
        return table;
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
        subscriptions.bindBidirectional(planChoice.valueProperty(), model.planProperty());
        subscriptions.bindBidirectional(freezeFrom.valueProperty(), model.freezeFromProperty());
        subscriptions.bindBidirectional(freezeTo.valueProperty(), model.freezeToProperty());
        subscriptions.bind(message.textProperty(), model.messageProperty());
        subscriptions.bind(firstNameError.textProperty(), model.firstNameErrorProperty());
        subscriptions.bind(lastNameError.textProperty(), model.lastNameErrorProperty());
        subscriptions.bind(emailError.textProperty(), model.emailErrorProperty());
        subscriptions.bind(phoneError.textProperty(), model.phoneErrorProperty());
        subscriptions.bind(avatar.textProperty(), model.initialsProperty());
        subscriptions.bind(name.textProperty(), model.nameProperty());
        subscriptions.bind(number.textProperty(), model.numberLineProperty());
        subscriptions.bind(contact.textProperty(), model.contactLineProperty());
        subscriptions.bind(plan.textProperty(), model.planLineProperty());
        subscriptions.bind(standing.textProperty(), model.standingLineProperty());
        subscriptions.bind(credits.textProperty(), model.creditsLineProperty());
        subscriptions.bind(notes.textProperty(), model.notesProperty());
        subscriptions.bind(paneMessage.textProperty(), model.paneMessageProperty());
        subscriptions.bind(model.selectedProperty(), table.getSelectionModel().selectedItemProperty());
        subscriptions.bind(freeze.disableProperty(), model.canFreezeProperty().not());
        subscriptions.bind(unfreeze.disableProperty(), model.canUnfreezeProperty().not());
        subscriptions.bind(saveCard.disableProperty(), model.hasCardProperty().not());

        ObservableValue<Boolean> editing = model.formModeProperty().isNotEqualTo(FormMode.NONE);
        ObservableValue<Boolean> showingMember = Bindings.createBooleanBinding(
                () -> model.formModeProperty().get() == FormMode.NONE && model.shownProperty().get() != null,
                model.formModeProperty(), model.shownProperty());
        subscriptions.bind(form.visibleProperty(), editing);
        subscriptions.bind(paneScroll.visibleProperty(), showingMember);
        subscriptions.bind(emptyPane.visibleProperty(), Bindings.createBooleanBinding(
                () -> model.formModeProperty().get() == FormMode.NONE && model.shownProperty().get() == null,
                model.formModeProperty(), model.shownProperty()));
        subscriptions.bind(save.textProperty(), Bindings.createStringBinding(() -> texts.get(
                model.formModeProperty().get() == FormMode.EDIT ? "members.saveChanges" : "members.save"),
                model.formModeProperty()));
        subscriptions.bind(formTitle.textProperty(), Bindings.createStringBinding(() -> texts.get(
                model.formModeProperty().get() == FormMode.EDIT ? "members.edit.title" : "members.register"),
                model.formModeProperty()));
        ObservableValue<Boolean> registering = model.formModeProperty().isEqualTo(FormMode.REGISTER);
        subscriptions.bind(planChoice.visibleProperty(), registering);
        subscriptions.bind(planLabel.visibleProperty(), registering);
        subscriptions.bind(notesBox.visibleProperty(), model.notesStateProperty().isNotEqualTo(NotesState.HIDDEN));
        subscriptions.bind(notesBox.managedProperty(), model.notesStateProperty().isNotEqualTo(NotesState.HIDDEN));
        subscriptions.bind(showNotes.visibleProperty(), model.notesStateProperty().isEqualTo(NotesState.NOT_LOADED));
        subscriptions.bind(showNotes.managedProperty(), model.notesStateProperty().isEqualTo(NotesState.NOT_LOADED));

        planChoice.setItems(model.plans());
        membershipList.setItems(model.membershipLines());
        visits.setItems(model.visitLines());
        table.setItems(model.found());
        // the other lists are the view model's own, which lives exactly as long as this view
        subscriptions.add(() -> table.setItems(null));
        model.search();
    }

    @Override
    public void hidden() {
        subscriptions.clear();
    }
}
