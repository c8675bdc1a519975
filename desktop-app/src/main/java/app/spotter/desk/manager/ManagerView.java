package app.spotter.desk.manager;

import app.spotter.client.booking.SlotView;
import app.spotter.client.sync.ConflictView;
import app.spotter.desk.ui.Subscriptions;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Today's figures on the left, the conflicts to reconcile on the right. */
public final class ManagerView implements View {

    private final ManagerViewModel model;
    private final Texts texts;
    private final Subscriptions subscriptions = new Subscriptions();
    private final HBox root = new HBox(16);
    private final Label checkIns = new Label();
    private final Label inClub = new Label();
    private final Label message = new Label();
    private final ListView<SlotView> classes = new ListView<>();
    private final ListView<ConflictView> conflicts = new ListView<>();
    private final DateTimeFormatter timeFormat;

    public ManagerView(ManagerViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        this.timeFormat = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale());
        root.setId("manager");
        root.getStyleClass().add("screen-body");

        checkIns.setId("checkInsToday");
        checkIns.getStyleClass().add("figure-value");
        inClub.setId("inClubNow");
        inClub.getStyleClass().add("figure-value");
        HBox figures = new HBox(12, figure(checkIns, "manager.checkInsToday"), figure(inClub, "manager.inClubNow"));
        Label classesTitle = new Label(texts.get("manager.classesToday"));
        classesTitle.getStyleClass().add("section-title");
        classes.setId("classesToday");
        classes.setPlaceholder(new Label(texts.get("schedule.empty")));
        classes.setCellFactory(l -> new ClassCell());
        VBox.setVgrow(classes, Priority.ALWAYS);
        Button refresh = new Button(texts.get("manager.refresh"));
        refresh.setId("managerRefresh");
        refresh.setOnAction(e -> model.refresh());
        VBox day = new VBox(12, figures, classesTitle, classes, refresh);
        day.setPrefWidth(460);
        day.setMinWidth(360);

        Label conflictsTitle = new Label(texts.get("manager.conflicts"));
        conflictsTitle.getStyleClass().add("section-title");
        message.setId("managerMessage");
        message.getStyleClass().addAll("message", "ok");
        conflicts.setId("conflicts");
        conflicts.setPlaceholder(new Label(texts.get("manager.conflicts.none")));
        conflicts.setCellFactory(l -> new ConflictCell());
        VBox.setVgrow(conflicts, Priority.ALWAYS);
        VBox reconcile = new VBox(12, conflictsTitle, message, conflicts);
        HBox.setHgrow(reconcile, Priority.ALWAYS);
        root.getChildren().addAll(day, reconcile);
    }

    private VBox figure(Label value, String key) {
        Label caption = new Label(texts.get(key));
        caption.getStyleClass().add("figure-caption");
        VBox box = new VBox(4, value, caption);
        box.getStyleClass().addAll("card", "figure");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        subscriptions.bind(checkIns.textProperty(), model.checkInsTodayProperty().asString());
        subscriptions.bind(inClub.textProperty(), model.inClubNowProperty().asString());
        subscriptions.bind(message.textProperty(), model.messageProperty());
        classes.setItems(model.classes());
        conflicts.setItems(model.conflicts());
        subscriptions.add(() -> {
            classes.setItems(null);
            conflicts.setItems(null);
        });
        model.refresh();
    }

    @Override
    public void hidden() {
        subscriptions.clear();
    }

    private final class ClassCell extends ListCell<SlotView> {
        private final Label time = new Label();
        private final Label name = new Label();
        private final ProgressBar fill = new ProgressBar();
        private final Label seats = new Label();
        private final HBox row;

        ClassCell() {
            time.getStyleClass().add("slot-time");
            name.getStyleClass().add("class-title");
            fill.getStyleClass().add("capacity-bar");
            time.setMinWidth(Region.USE_PREF_SIZE);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            fill.setPrefWidth(120);
            seats.setMinWidth(Region.USE_PREF_SIZE);
            VBox fillBox = new VBox(2, fill, seats);
            fillBox.setMinWidth(Region.USE_PREF_SIZE);
            row = new HBox(time, name, fillBox);
            row.getStyleClass().addAll("slot-row", "class-fill");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SlotView slot, boolean empty) {
            super.updateItem(slot, empty);
            if (empty || slot == null) {
                setGraphic(null);
                return;
            }
            time.setText(timeFormat.format(slot.startsAt().atZone(model.zone())));
            name.setText(slot.title() == null ? "" : slot.title());
            double rate = slot.capacity() == 0 ? 1 : Math.min(1, slot.seatsTaken() / (double) slot.capacity());
            fill.setProgress(rate);
            fill.getStyleClass().remove("full");
            if (slot.seatsLeft() == 0) {
                fill.getStyleClass().add("full");
            }
            seats.setText(texts.get("manager.fill", slot.seatsTaken(), slot.capacity(), Math.round(rate * 100)));
            setGraphic(row);
        }
    }

    private final class ConflictCell extends ListCell<ConflictView> {
        private final Label kind = new Label();
        private final Label facts = new Label();
        private final Label pending = new Label();
        private final HBox actions = new HBox(8);
        private final VBox box = new VBox(6);

        ConflictCell() {
            kind.getStyleClass().add("conflict-kind");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            pending.setMinWidth(Region.USE_PREF_SIZE);
            facts.setWrapText(true);
            facts.getStyleClass().add("conflict-facts");
            pending.getStyleClass().add("pending-badge");
            actions.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().addAll(new HBox(8, kind, pending), facts, actions);
            box.getStyleClass().add("conflict-row");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ConflictView conflict, boolean empty) {
            super.updateItem(conflict, empty);
            if (empty || conflict == null) {
                setGraphic(null);
                return;
            }
            kind.setText(model.kind(conflict));
            facts.setText(model.facts(conflict));
            pending.setText(conflict.pending()
                    ? texts.get("manager.pending", model.resolutionText(conflict.pendingResolution())) : "");
            pending.setVisible(conflict.pending());
            pending.setManaged(conflict.pending());
            actions.getChildren().clear();
            for (String resolution : conflict.resolutions()) {
                Button b = new Button(model.resolutionText(resolution));
                b.setId("resolve-" + resolution);
                b.setDisable(conflict.pending());
                b.setOnAction(e -> model.resolve(conflict, resolution));
                actions.getChildren().add(b);
            }
            setGraphic(box);
        }
    }
}
