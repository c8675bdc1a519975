package app.spotter.desk.shell;

import app.spotter.desk.ui.Subscriptions;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.Theme;
import app.spotter.desk.ui.View;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window: navigation on top, the current screen in the middle, the status bar at the
 * bottom. In kiosk mode only the kiosk screen shows, full screen.
 */
public final class ShellView implements View {

    private final ShellViewModel model;
    private final Map<Screen, View> screens;
    private final View kiosk;
    private final View login;
    private final View scanner;
    private final StatusBarView statusBar;
    private final Consumer<Boolean> fullScreen;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BorderPane root = new BorderPane();
    private final HBox nav = new HBox();
    private final ToggleGroup navGroup = new ToggleGroup();
    private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);
    private View current;

    private final Label staffName = new Label();

    public ShellView(ShellViewModel model, Map<Screen, View> screens, View kiosk, View login, StatusBarView statusBar,
                     Texts texts, Consumer<Boolean> fullScreen) {
        this(model, screens, kiosk, null, login, statusBar, texts, fullScreen);
    }

    /** With a scanner station (null: this desk has none). */
    public ShellView(ShellViewModel model, Map<Screen, View> screens, View kiosk, View scanner, View login,
                     StatusBarView statusBar, Texts texts, Consumer<Boolean> fullScreen) {
        this.model = model;
        this.scanner = scanner;
        this.screens = screens;
        this.kiosk = kiosk;
        this.login = login;
        this.statusBar = statusBar;
        this.fullScreen = fullScreen;
        root.setId("shell");
        nav.getStyleClass().add("nav-bar");
        nav.setAlignment(Pos.CENTER_LEFT);
        Label name = new Label(texts.get("app.title"));
        name.getStyleClass().add("app-name");
        nav.getChildren().add(name);
        for (Screen screen : Screen.values()) {
            if (!screens.containsKey(screen)) {
                continue;
            }
            ToggleButton b = new ToggleButton(texts.get(screen.textKey()));
            b.setId("nav-" + screen.name());
            // Keyboard first: the key that opens the screen is printed on its button.
            Label key = new Label(shortcutOf(screen).getName());
            key.getStyleClass().add("nav-key");
            b.setGraphic(key);
            b.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            b.setToggleGroup(navGroup);
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                model.show(screen);
                b.setSelected(true);
            });
            navButtons.put(screen, b);
            nav.getChildren().add(b);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        CheckBox dark = new CheckBox(texts.get("nav.theme.dark"));
        dark.setId("darkTheme");
        dark.setFocusTraversable(false);
        dark.selectedProperty().bindBidirectional(model.darkProperty());
        ToggleButton kioskButton = new ToggleButton(texts.get("nav.kiosk"));
        kioskButton.setId("nav-KIOSK");
        kioskButton.setFocusTraversable(false);
        kioskButton.setOnAction(e -> {
            kioskButton.setSelected(false);
            model.enterKiosk();
        });
        staffName.setId("staffName");
        staffName.getStyleClass().add("staff-name");
        Button logOut = new Button(texts.get("nav.logOut"));
        logOut.setId("logOut");
        logOut.setFocusTraversable(false);
        logOut.setOnAction(e -> model.logOut());
        nav.getChildren().addAll(spacer, staffName, logOut, dark, kioskButton);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    /** F1 check-in, F2 schedule, F3 members, F4 manager: the order of the navigation bar. */
    public static KeyCode shortcutOf(Screen screen) {
        return KeyCode.valueOf("F" + (screen.ordinal() + 1));
    }

    private void shortcut(KeyEvent e) {
        if (locked() || !model.loggedInBinding().get()) {
            return; // the kiosk, the scanner station and the login form are not for navigating away from
        }
        for (Screen screen : navButtons.keySet()) {
            if (e.getCode() == shortcutOf(screen) && !e.isShortcutDown() && !e.isAltDown()) {
                model.show(screen);
                e.consume();
                return;
            }
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        statusBar.shown();
        subscriptions.listen(model.darkProperty(), (obs, was, dark) -> Theme.apply(dark));
        subscriptions.bind(staffName.textProperty(), model.staffNameBinding());
        for (Map.Entry<Screen, ToggleButton> b : navButtons.entrySet()) {
            if (b.getKey().forManagers()) {
                subscriptions.bind(b.getValue().visibleProperty(), model.managesBinding());
                subscriptions.bind(b.getValue().managedProperty(), model.managesBinding());
            }
        }
        subscriptions.listen(model.screenProperty(), (obs, was, screen) -> layout());
        subscriptions.listen(model.loggedInBinding(), (obs, was, in) -> layout());
        subscriptions.listen(model.kioskProperty(), (obs, was, inKiosk) -> {
            layout();
            fullScreen.accept(locked());
        });
        subscriptions.listen(model.scannerProperty(), (obs, was, inScanner) -> {
            layout();
            fullScreen.accept(locked());
        });
        layout();
    }

    // Kiosk first (it runs unattended), then the login form until someone logs in, then the screens.
    private boolean locked() {
        return model.kioskProperty().get() || (scanner != null && model.scannerProperty().get());
    }

    private void layout() {
        if (scanner != null && model.scannerProperty().get()) {
            root.setTop(null);
            root.setBottom(null);
            switchTo(scanner);
        } else if (model.kioskProperty().get()) {
            root.setTop(null);
            root.setBottom(null);
            switchTo(kiosk);
        } else if (!model.loggedInBinding().get()) {
            root.setTop(null);
            root.setBottom(statusBar.root());
            switchTo(login);
        } else {
            Screen screen = model.screenProperty().get();
            root.setTop(nav);
            root.setBottom(statusBar.root());
            switchTo(screens.get(screen));
            navButtons.get(screen).setSelected(true);
        }
    }

    private void switchTo(View next) {
        if (current == next) {
            return;
        }
        if (current != null) {
            current.hidden();
        }
        current = next;
        Node node = next.root();
        root.setCenter(node);
        next.shown();
    }

    @Override
    public void hidden() {
        subscriptions.clear();
        if (current != null) {
            current.hidden();
            current = null;
        }
        statusBar.hidden();
    }
}
