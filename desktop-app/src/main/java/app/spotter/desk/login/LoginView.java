package app.spotter.desk.login;

import app.spotter.desk.ui.Subscriptions;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** The staff login form, shown before the desk's screens. */
public final class LoginView implements View {

    private final LoginViewModel model;
    private final Texts texts;
    private final Subscriptions subscriptions = new Subscriptions();
    private final StackPane root = new StackPane();
    private final TextField email = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField totp = new TextField();
    private final Label totpLabel;
    private final Button logIn;
    private final Label error = new Label();
    private final Label hint = new Label();

    public LoginView(LoginViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        root.setId("login");
        Label title = new Label(texts.get("login.title"));
        title.getStyleClass().add("form-title");
        email.setId("loginEmail");
        email.setPrefColumnCount(24);
        email.setPromptText(texts.get("login.email.prompt"));
        password.setId("loginPassword");
        totp.setId("loginTotp");
        totp.setPrefColumnCount(8);
        totp.setPromptText(texts.get("login.totp.prompt"));
        totpLabel = label("login.totp");
        logIn = new Button(texts.get("login.submit"));
        logIn.setId("logIn");
        logIn.getStyleClass().add("accent");
        logIn.setDefaultButton(true);
        logIn.setOnAction(e -> model.logIn());
        error.setId("loginError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(420);
        hint.setId("loginHint");
        hint.getStyleClass().add("login-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        Label offlineNote = new Label(texts.get("login.offlineNote"));
        offlineNote.getStyleClass().add("login-hint");
        offlineNote.setWrapText(true);
        offlineNote.setMaxWidth(420);
        GridPane form = new GridPane();
        form.getStyleClass().addAll("form", "card");
        form.setMaxSize(GridPane.USE_PREF_SIZE, GridPane.USE_PREF_SIZE);
        form.add(title, 0, 0, 2, 1);
        form.addRow(1, label("login.email"), email);
        form.addRow(2, label("login.password"), password);
        form.addRow(3, totpLabel, totp);
        form.add(logIn, 1, 4);
        form.add(error, 0, 5, 2, 1);
        form.add(offlineNote, 0, 6, 2, 1);
        form.add(hint, 0, 7, 2, 1);
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
        subscriptions.bindBidirectional(email.textProperty(), model.emailProperty());
        subscriptions.bindBidirectional(password.textProperty(), model.passwordProperty());
        subscriptions.bindBidirectional(totp.textProperty(), model.totpProperty());
        for (javafx.scene.Node n : java.util.List.of(totp, totpLabel)) {
            subscriptions.bind(n.visibleProperty(), model.totpNeededProperty());
            subscriptions.bind(n.managedProperty(), model.totpNeededProperty());
        }
        subscriptions.bind(logIn.disableProperty(), model.workingProperty());
        subscriptions.bind(error.textProperty(), model.errorProperty());
        subscriptions.bind(hint.textProperty(), model.hintProperty());
        if (model.emailProperty().get() == null || model.emailProperty().get().isEmpty()) {
            email.requestFocus();
        } else if (model.totpNeededProperty().get()) {
            totp.requestFocus();
        } else {
            password.requestFocus();
        }
    }

    @Override
    public void hidden() {
        subscriptions.clear();
    }
}
