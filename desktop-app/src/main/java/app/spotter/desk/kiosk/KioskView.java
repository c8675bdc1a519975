package app.spotter.desk.kiosk;

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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Full screen, for members: a welcome, the scan field (focused, scanner-driven), the answer panel. */
public final class KioskView implements View {

    private final KioskViewModel model;
    private final Texts texts;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BorderPane root = new BorderPane();
    private final TextField scanField = new TextField();
    private final DoorAnswerPanel panel;
    private final VBox exitBox = new VBox(10);
    private final PasswordField exitPin = new PasswordField();
    private final Label exitError = new Label();
    private final Label pinNote = new Label();
    private final PauseTransition answerTimeout = new PauseTransition(Duration.seconds(5));

    public KioskView(KioskViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        this.panel = new DoorAnswerPanel(texts);
        root.setId("kiosk");

        Label welcome = new Label(texts.get("kiosk.welcome"));
        welcome.getStyleClass().add("kiosk-welcome");
        welcome.setWrapText(true);
        scanField.setId("kioskScanField");
        scanField.setPromptText(texts.get("kiosk.scan.prompt"));
        scanField.getStyleClass().add("scan-field");
        scanField.setMaxWidth(520);
        scanField.setOnAction(e -> model.door().submitScan());
        Button pin = new Button(texts.get("kiosk.pin.title"));
        pin.setId("kioskPin");
        pin.setFocusTraversable(false);
        pin.setOnAction(e -> {
            model.pinPressed();
            scanField.requestFocus();
        });
        pinNote.setId("kioskPinNote");
        pinNote.setWrapText(true);
        pinNote.getStyleClass().add("message");
        VBox centre = new VBox(24, welcome, scanField, panel.root(), pin, pinNote);
        centre.getStyleClass().add("kiosk");
        VBox.setVgrow(panel.root(), Priority.ALWAYS);
        root.setCenter(centre);

        Button exit = new Button(texts.get("kiosk.exit"));
        exit.setId("kioskExit");
        exit.getStyleClass().addAll("kiosk-exit", "flat");
        exit.setFocusTraversable(false);
        exit.setOnAction(e -> {
            model.askToLeave();
            exitPin.requestFocus();
        });
        Label exitTitle = new Label(texts.get("kiosk.exit.title"));
        exitTitle.getStyleClass().add("section-title");
        exitPin.setId("managerPin");
        exitPin.setOnAction(e -> model.confirmLeaving());
        exitError.setId("managerPinError");
        exitError.getStyleClass().addAll("message", "refused");
        Button confirm = new Button(texts.get("kiosk.exit.confirm"));
        confirm.setId("managerPinConfirm");
        confirm.setOnAction(e -> model.confirmLeaving());
        Button cancel = new Button(texts.get("kiosk.exit.cancel"));
        cancel.setId("managerPinCancel");
        cancel.setOnAction(e -> {
            model.cancelLeaving();
            scanField.requestFocus();
        });
        exitBox.getChildren().addAll(exitTitle, exitPin, new HBox(8, confirm, cancel), exitError);
        exitBox.setMaxWidth(360);
        HBox bottom = new HBox(16, exit, exitBox);
        bottom.setAlignment(Pos.BOTTOM_LEFT);
        bottom.getStyleClass().add("screen-body");
        root.setBottom(new StackPane(bottom));
        answerTimeout.setOnFinished(e -> model.door().clearAnswer());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        subscriptions.bindBidirectional(scanField.textProperty(), model.door().scanTextProperty());
        subscriptions.bindBidirectional(exitPin.textProperty(), model.exitPinProperty());
        subscriptions.bind(exitBox.visibleProperty(), model.exitAskedProperty());
        subscriptions.listen(model.exitRefusedProperty(), (obs, was, refused) ->
                exitError.setText(refused ? texts.get("kiosk.exit.wrong") : ""));
        subscriptions.listen(model.pinUnavailableProperty(), (obs, was, shown) ->
                pinNote.setText(shown ? texts.get("kiosk.pin.unavailable") : ""));
        subscriptions.listen(model.door().answerProperty(), (obs, was, answer) -> {
            panel.show(answer);
            if (answer != null) {
                answerTimeout.playFromStart();
            }
        });
        subscriptions.add(answerTimeout::stop);
        scanField.requestFocus();
    }

    @Override
    public void hidden() {
        subscriptions.clear();
    }
}
