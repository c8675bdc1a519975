package app.spotter.desk.checkin;

import app.spotter.client.members.MemberView;
import app.spotter.desk.ui.Subscriptions;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The check-in screen. The scan field keeps the focus: a USB scanner types the card's payload and
 * Enter, with nobody clicking anything. Pad buttons never take the focus; only the search field may
 * borrow it, and gives it back when it is done.
 */
public final class CheckInView implements View {

    private static final Duration ANSWER_SHOWN = Duration.seconds(6);

    private final CheckInViewModel model;
    private final Texts texts;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BorderPane root = new BorderPane();
    private final TextField scanField = new TextField();
    private final TextField searchField = new TextField();
    private final Label padDisplay = new Label();
    private final ListView<MemberView> matches = new ListView<>();
    private final DoorAnswerPanel panel;
    private final PauseTransition answerTimeout = new PauseTransition(ANSWER_SHOWN);

    public CheckInView(CheckInViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        this.panel = new DoorAnswerPanel(texts);
        root.getStyleClass().add("check-in");

        scanField.setId("scanField");
        scanField.setPromptText(texts.get("checkin.scan.prompt"));
        scanField.getStyleClass().add("scan-field");
        scanField.setOnAction(e -> model.submitScan());
        Label scanLabel = new Label(texts.get("checkin.scan.label"));
        scanLabel.getStyleClass().add("section-title");
        Button fromImage = new Button(texts.get("checkin.scan.image"));
        fromImage.setId("scanFromImage");
        fromImage.setFocusTraversable(false);
        fromImage.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(texts.get("checkin.scan.image"));
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PNG, JPEG",
                    "*.png", "*.jpg", "*.jpeg"));
            java.io.File file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (file != null) {
                model.scanImage(file.toPath());
            }
            scanField.requestFocus();
        });
        HBox.setHgrow(scanField, Priority.ALWAYS);
        VBox scan = new VBox(6, scanLabel, new HBox(8, scanField, fromImage));

        answerTimeout.setOnFinished(e -> model.clearAnswer());
        VBox centre = new VBox(16, scan, panel.root());
        VBox.setVgrow(panel.root(), Priority.ALWAYS);
        centre.getStyleClass().add("screen-body");
        root.setCenter(centre);
        root.setRight(sidePanel());
    }

    private Node sidePanel() {
        Label padTitle = new Label(texts.get("checkin.pad.title"));
        padTitle.getStyleClass().add("section-title");
        padDisplay.setId("padDisplay");
        padDisplay.getStyleClass().add("pad-display");
        padDisplay.setMaxWidth(Double.MAX_VALUE);
        GridPane pad = new GridPane();
        pad.getStyleClass().add("pin-pad");
        for (int d = 1; d <= 9; d++) {
            int digit = d;
            pad.add(padButton(String.valueOf(d), "pad" + d, () -> model.pressDigit(digit)), (d - 1) % 3, (d - 1) / 3);
        }
        pad.add(padButton(texts.get("checkin.pad.clear"), "padClear", model::clearPad), 0, 3);
        pad.add(padButton("0", "pad0", () -> model.pressDigit(0)), 1, 3);
        Button ok = padButton(texts.get("checkin.pad.ok"), "padOk", model::submitPad);
        ok.getStyleClass().add("accent");
        pad.add(ok, 2, 3);

        Label searchTitle = new Label(texts.get("checkin.search.title"));
        searchTitle.getStyleClass().add("section-title");
        searchField.setId("searchField");
        searchField.setPromptText(texts.get("checkin.search.prompt"));
        searchField.setOnAction(e -> model.search());
        matches.setId("matches");
        matches.setPlaceholder(new Label(texts.get("checkin.search.none")));
        matches.setCellFactory(list -> new MemberCell(texts));
        matches.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.letIn(matches.getSelectionModel().getSelectedItem());
                scanField.requestFocus();
            }
        });
        matches.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.letIn(matches.getSelectionModel().getSelectedItem());
                scanField.requestFocus();
            }
        });
        Button letIn = new Button(texts.get("checkin.search.letIn"));
        letIn.setId("letIn");
        letIn.setFocusTraversable(false);
        letIn.disableProperty().bind(matches.getSelectionModel().selectedItemProperty().isNull());
        letIn.setOnAction(e -> {
            model.letIn(matches.getSelectionModel().getSelectedItem());
            scanField.requestFocus();
        });
        letIn.setMaxWidth(Double.MAX_VALUE);

        VBox side = new VBox(8, padTitle, padDisplay, pad, searchTitle, searchField, matches, letIn);
        VBox.setVgrow(matches, Priority.ALWAYS);
        side.getStyleClass().add("side-panel");
        return side;
    }

    private Button padButton(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("pad-button");
        // A click on the pad must not take the focus away from the scan field.
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            action.run();
            scanField.requestFocus();
        });
        return b;
    }

    @Override
    public Parent root() {
        return root;
    }

    public TextField scanField() {
        return scanField;
    }

    @Override
    public void shown() {
        subscriptions.bindBidirectional(scanField.textProperty(), model.scanTextProperty());
        subscriptions.bindBidirectional(searchField.textProperty(), model.searchTextProperty());
        subscriptions.bind(padDisplay.textProperty(), model.padTextProperty());
        matches.setItems(model.matches());
        subscriptions.add(() -> matches.setItems(null));
        subscriptions.listen(model.answerProperty(), (obs, old, answer) -> {
            panel.show(answer);
            if (answer != null) {
                answerTimeout.playFromStart();
            }
        });
        subscriptions.add(answerTimeout::stop);
        // Whatever else got the focus (a click on the panel, the list), the scan field takes it back.
        subscriptions.listen(root.sceneProperty(), (obs, oldScene, scene) -> watchFocus(scene));
        root.getProperties().put("focusTarget", scanField);
        scanField.requestFocus();
    }

    private Scene watched;
    private final javafx.beans.value.ChangeListener<Node> focusGuard = (obs, old, now) -> {
        if (now != scanField && !(now instanceof TextInputControl) && root.isVisible()) {
            scanField.requestFocus();
        }
    };
    private final javafx.event.EventHandler<KeyEvent> strayTyping = e -> {
        // Keys typed while the focus is elsewhere (not in a text field) belong to the scanner.
        Node owner = watched == null ? null : watched.getFocusOwner();
        if (!(owner instanceof TextInputControl) && !e.getCharacter().isEmpty()) {
            scanField.requestFocus();
        }
    };

    private void watchFocus(Scene scene) {
        if (watched != null) {
            watched.focusOwnerProperty().removeListener(focusGuard);
            watched.removeEventFilter(KeyEvent.KEY_TYPED, strayTyping);
        }
        watched = scene;
        if (scene != null) {
            scene.focusOwnerProperty().addListener(focusGuard);
            scene.addEventFilter(KeyEvent.KEY_TYPED, strayTyping);
            scanField.requestFocus();
        }
    }

    @Override
    public void hidden() {
        subscriptions.clear();
        watchFocus(null);
    }

    /** A member in the search list: name, number and phone. */
    private static final class MemberCell extends ListCell<MemberView> {
        private final Texts texts;

        MemberCell(Texts texts) {
            this.texts = texts;
        }

        @Override
        protected void updateItem(MemberView m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setText(null);
                return;
            }
            String number = m.memberNumber() == null ? texts.get("members.number.pending") : m.memberNumber();
            setText(m.firstName() + " " + m.lastName() + "  ·  " + number
                    + (m.phone() == null ? "" : "  ·  " + m.phone()));
        }
    }
}
