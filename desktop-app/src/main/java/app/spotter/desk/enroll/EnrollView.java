package app.spotter.desk.enroll;

import app.spotter.desk.ui.Subscriptions;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import app.spotter.model.sync.DeviceKind;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** The pairing form shown on first start. */
public final class EnrollView implements View {

    private final EnrollViewModel model;
    private final Texts texts;
    private final Subscriptions subscriptions = new Subscriptions();
    private final StackPane root = new StackPane();
    private final TextField serverUrl = new TextField();
    private final TextField pairingCode = new TextField();
    private final TextField deviceName = new TextField();
    private final Label kind = new Label();
    private final Button pair;
    private final Label error = new Label();

    public EnrollView(EnrollViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        root.setId("enroll");
        Label title = new Label(texts.get("enroll.title"));
        title.getStyleClass().add("form-title");
        serverUrl.setId("serverUrl");
        serverUrl.setPrefColumnCount(26);
        pairingCode.setId("pairingCode");
        pairingCode.setPromptText("K7Q2-M9XD");
        deviceName.setId("deviceName");
        kind.setId("deviceKind");
        kind.setText(texts.get("enroll.mode.byCode"));
        pair = new Button(texts.get("enroll.submit"));
        pair.setId("pair");
        pair.getStyleClass().add("accent");
        pair.setDefaultButton(true);
        pair.setOnAction(e -> model.pair());
        error.setId("enrollError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(420);
        GridPane form = new GridPane();
        form.getStyleClass().addAll("form", "card");
        form.setMaxSize(GridPane.USE_PREF_SIZE, GridPane.USE_PREF_SIZE);
        form.add(title, 0, 0, 2, 1);
        form.addRow(1, label("enroll.serverUrl"), serverUrl);
        form.addRow(2, label("enroll.pairingCode"), pairingCode);
        form.addRow(3, label("enroll.name"), deviceName);
        form.addRow(4, label("enroll.mode"), kind);
        form.add(pair, 1, 5);
        form.add(error, 0, 6, 2, 1);
        root.getChildren().add(form);
        StackPane.setAlignment(form, Pos.CENTER);
    }

    private Label label(String key) {
        Label label = new Label(texts.get(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }


    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        subscriptions.bindBidirectional(serverUrl.textProperty(), model.serverUrlProperty());
        subscriptions.bindBidirectional(pairingCode.textProperty(), model.pairingCodeProperty());
        subscriptions.bindBidirectional(deviceName.textProperty(), model.deviceNameProperty());
        subscriptions.bind(kind.textProperty(), javafx.beans.binding.Bindings.createStringBinding(() -> {
            DeviceKind got = model.kindProperty().get();
            return texts.get(got == null ? "enroll.mode.byCode" : "enroll.mode." + got.name());
        }, model.kindProperty()));
        subscriptions.bind(pair.disableProperty(), model.workingProperty());
        subscriptions.bind(error.textProperty(), model.errorProperty());
        pairingCode.requestFocus();
    }

    @Override
    public void hidden() {
        subscriptions.clear();
    }
}
