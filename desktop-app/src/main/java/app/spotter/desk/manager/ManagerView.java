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
import app.spotter.model.sync.DeviceKind;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
    private final ListView<ManagerViewModel.DeviceRow> devices = new ListView<>();
    private final Label devicesNote = new Label();
    private final Label revokeQuestion = new Label();
    private final HBox revokeConfirm = new HBox(8);
    private final ComboBox<DeviceKind> mode = new ComboBox<>();
    private final DateTimeFormatter seenFormat;

    public ManagerView(ManagerViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        this.timeFormat = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale());
        this.seenFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(texts.locale());
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
        VBox reconcile = new VBox(12, conflictsTitle, message, conflicts, devicesSection());
        HBox.setHgrow(reconcile, Priority.ALWAYS);
        root.getChildren().addAll(day, reconcile);
    }

    // The gym's devices (online only) with revoke-after-confirm, and what this device is used for.
    private VBox devicesSection() {
        Label title = new Label(texts.get("manager.devices"));
        title.getStyleClass().add("section-title");
        Button reload = new Button(texts.get("manager.devices.load"));
        reload.setId("devicesRefresh");
        reload.setOnAction(e -> model.refreshDevices());
        HBox head = new HBox(12, title, reload);
        head.setAlignment(Pos.CENTER_LEFT);
        devicesNote.setId("devicesNote");
        devicesNote.getStyleClass().add("message");
        devicesNote.setWrapText(true);
        devices.setId("devices");
        devices.setPlaceholder(new Label(texts.get("manager.devices.placeholder")));
        devices.setCellFactory(l -> new DeviceCell());
        devices.setPrefHeight(190);
        devices.setMinHeight(120);
        revokeQuestion.setId("revokeQuestion");
        revokeQuestion.getStyleClass().addAll("message", "refused");
        Button yes = new Button(texts.get("manager.devices.revoke.confirm"));
        yes.setId("revokeConfirm");
        yes.getStyleClass().add("danger");
        yes.setOnAction(e -> model.confirmRevoke());
        Button no = new Button(texts.get("manager.devices.revoke.keep"));
        no.setId("revokeKeep");
        no.setOnAction(e -> model.keepDevice());
        yes.setMinWidth(Region.USE_PREF_SIZE);
        no.setMinWidth(Region.USE_PREF_SIZE);
        revokeQuestion.setWrapText(true);
        revokeQuestion.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(revokeQuestion, Priority.ALWAYS);
        revokeConfirm.getChildren().addAll(revokeQuestion, yes, no);
        revokeConfirm.setAlignment(Pos.CENTER_LEFT);
        Label modeLabel = new Label(texts.get("manager.mode"));
        mode.setId("deviceMode");
        mode.getItems().setAll(DeviceKind.values());
        mode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DeviceKind kind) {
                return kind == null ? "" : texts.get("enroll.mode." + kind.name());
            }

            @Override
            public DeviceKind fromString(String text) {
                return null;
            }
        });
        mode.setValue(DeviceKind.FRONT_DESK);
        Button apply = new Button(texts.get("manager.mode.apply"));
        apply.setId("applyMode");
        apply.setOnAction(e -> model.switchMode(mode.getValue()));
        HBox modeRow = new HBox(8, modeLabel, mode, apply);
        modeRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, head, devicesNote, devices, revokeConfirm, modeRow);
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
        devices.setItems(model.devices());
        subscriptions.add(() -> devices.setItems(null));
        subscriptions.bind(devicesNote.textProperty(), model.devicesNoteProperty());
        subscriptions.listen(model.revokeAskedProperty(), (obs, was, asked) -> showRevokeQuestion(asked));
        showRevokeQuestion(model.revokeAskedProperty().get());
        model.refresh();
        model.refreshDevices();
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

    private void showRevokeQuestion(ManagerViewModel.DeviceRow asked) {
        revokeConfirm.setVisible(asked != null);
        revokeConfirm.setManaged(asked != null);
        revokeQuestion.setText(asked == null ? "" : texts.get("manager.devices.revoke.question", asked.device().name()));
    }

    private final class DeviceCell extends ListCell<ManagerViewModel.DeviceRow> {
        private final Label name = new Label();
        private final Label kind = new Label();
        private final Label seen = new Label();
        private final Label pending = new Label();
        private final Button revoke = new Button(texts.get("manager.devices.revoke"));
        private final HBox row;

        DeviceCell() {
            name.getStyleClass().add("class-title");
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            kind.setMinWidth(Region.USE_PREF_SIZE);
            seen.setMinWidth(Region.USE_PREF_SIZE);
            pending.getStyleClass().add("pending-badge");
            pending.setMinWidth(Region.USE_PREF_SIZE);
            revoke.setMinWidth(Region.USE_PREF_SIZE);
            revoke.setOnAction(e -> model.askRevoke(getItem()));
            row = new HBox(12, name, kind, seen, pending, revoke);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("device-row");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ManagerViewModel.DeviceRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            var d = item.device();
            name.setText(d.name() + (item.thisDesk() ? "  (" + texts.get("manager.devices.thisDesk") + ")" : ""));
            name.getStyleClass().remove("device-revoked");
            if (item.revoked()) {
                name.getStyleClass().add("device-revoked");
            }
            kind.setText(texts.get("enroll.mode." + d.kind().name()));
            seen.setText(item.revoked() ? texts.get("manager.devices.revokedAt", seenFormat.format(d.revokedAt().atZone(model.zone())))
                    : d.lastSeenAt() == null ? texts.get("manager.devices.neverSeen")
                    : texts.get("manager.devices.lastSeen", seenFormat.format(d.lastSeenAt().atZone(model.zone()))));
            pending.setText(texts.get("manager.devices.pending", item.pending()));
            pending.setVisible(item.pending() > 0);
            pending.setManaged(item.pending() > 0);
            revoke.setId("revoke-" + d.id());
            revoke.setDisable(item.revoked() || item.thisDesk());
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
            // A cell sizes its graphic on one line; with a width to wrap at, the facts get their lines.
            facts.prefWidthProperty().bind(conflicts.widthProperty().subtract(40));
            facts.setMinHeight(Region.USE_PREF_SIZE);
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
