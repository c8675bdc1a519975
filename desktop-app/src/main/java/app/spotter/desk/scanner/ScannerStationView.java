package app.spotter.desk.scanner;

import app.spotter.desk.checkin.DoorAnswerPanel;
import app.spotter.desk.ui.Subscriptions;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Full screen at the door: one line saying what to do, the answer as large as the screen allows,
 * and a small "Staff" button that asks for the manager PIN. The scan field keeps the focus so the
 * scanner (a keyboard wedge) always types into it.
 */
public final class ScannerStationView implements View {

    private final ScannerStationViewModel model;
    private final Texts texts;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BorderPane root = new BorderPane();
    private final TextField scanField = new TextField();
    private final DoorAnswerPanel panel;
    private final Label ready = new Label();
    private final VBox exitBox = new VBox(10);
    private final PasswordField exitPin = new PasswordField();
    private final Label exitError = new Label();
    private final PauseTransition answerTimeout = new PauseTransition(Duration.seconds(4));

    public ScannerStationView(ScannerStationViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        this.panel = new DoorAnswerPanel(texts);
        root.setId("scannerStation");
        root.getStyleClass().add("scanner-station");

        ready.setId("scannerReady");
        ready.setText(texts.get("scanner.ready"));
        ready.getStyleClass().add("scanner-ready");
        ready.setWrapText(true);
        scanField.setId("scannerScanField");
        scanField.setPromptText(texts.get("scanner.scan.prompt"));
        scanField.getStyleClass().addAll("scan-field", "scanner-scan-field");
        scanField.setMaxWidth(420);
        scanField.setOnAction(e -> model.door().submitScan());
        panel.root().getStyleClass().add("scanner-answer");
        VBox centre = new VBox(24, ready, panel.root(), scanField);
        centre.setAlignment(Pos.CENTER);
        centre.getStyleClass().add("scanner-centre");
        VBox.setVgrow(panel.root(), Priority.ALWAYS);
        root.setCenter(centre);

        Button exit = new Button(texts.get("kiosk.exit"));
        exit.setId("scannerExit");
        exit.getStyleClass().addAll("kiosk-exit", "flat");
        exit.setFocusTraversable(false);
        exit.setOnAction(e -> {
            model.lock().askToLeave();
            exitPin.requestFocus();
        });
        Label exitTitle = new Label(texts.get("scanner.exit.title"));
        exitTitle.getStyleClass().add("section-title");
        exitPin.setId("scannerManagerPin");
        exitPin.setOnAction(e -> model.lock().confirmLeaving());
        exitError.setId("scannerManagerPinError");
        exitError.getStyleClass().addAll("message", "refused");
        Button confirm = new Button(texts.get("scanner.exit.confirm"));
        confirm.setId("scannerManagerPinConfirm");
        confirm.setOnAction(e -> model.lock().confirmLeaving());
        Button cancel = new Button(texts.get("kiosk.exit.cancel"));
        cancel.setOnAction(e -> {
            model.lock().cancelLeaving();
            scanField.requestFocus();
        });
        exitBox.getChildren().addAll(exitTitle, exitPin, new HBox(8, confirm, cancel), exitError);
        exitBox.setMaxWidth(360);
        HBox bottom = new HBox(16, exit, exitBox);
        bottom.setAlignment(Pos.BOTTOM_LEFT);
        bottom.getStyleClass().add("screen-body");
        root.setBottom(bottom);
        answerTimeout.setOnFinished(e -> model.door().clearAnswer());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        subscriptions.bindBidirectional(scanField.textProperty(), model.door().scanTextProperty());
        subscriptions.bindBidirectional(exitPin.textProperty(), model.lock().exitPinProperty());
        subscriptions.bind(exitBox.visibleProperty(), model.lock().exitAskedProperty());
        subscriptions.listen(model.lock().exitRefusedProperty(), (obs, was, refused) ->
                exitError.setText(refused ? texts.get("kiosk.exit.wrong") : ""));
        subscriptions.listen(model.door().answerProperty(), (obs, was, answer) -> {
            panel.show(answer);
            ready.setVisible(answer == null);
            ready.setManaged(answer == null);
            if (answer != null) {
                answerTimeout.playFromStart();
            }
            scanField.requestFocus();
        });
        subscriptions.add(answerTimeout::stop);
        panel.show(model.door().answerProperty().get());
        scanField.requestFocus();
    }

    @Override
    public void hidden() {
        subscriptions.clear();
    }
}
