package app.spotter.desk.shell;

import app.spotter.desk.ui.Subscriptions;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** Online/offline, waiting changes, last sync and a progress bar while syncing. */
public final class StatusBarView implements View {

    private final StatusBarViewModel model;
    private final Texts texts;
    private final ZoneId zone;
    private final Subscriptions subscriptions = new Subscriptions();
    private final HBox root = new HBox();
    private final Circle dot = new Circle(6);
    private final Label connection = new Label();
    private final Label pending = new Label();
    private final Label lastSync = new Label();
    private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);

    public StatusBarView(StatusBarViewModel model, Texts texts, ZoneId zone) {
        this.model = model;
        this.texts = texts;
        this.zone = zone;
        root.setId("statusBar");
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        connection.setId("connection");
        connection.setGraphic(dot);
        pending.setId("pendingCount");
        pending.getStyleClass().add("pending-count");
        lastSync.setId("lastSync");
        progress.setId("syncProgress");
        progress.getStyleClass().add("sync-progress");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root.getChildren().addAll(connection, pending, spacer, lastSync, progress);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        subscriptions.listen(model.onlineProperty(), (obs, was, online) -> {
            connection.setText(texts.get(online ? "status.online" : "status.offline"));
            dot.getStyleClass().setAll(online ? "online-dot" : "offline-dot");
        });
        subscriptions.listen(model.pendingOperationsProperty(), (obs, was, count) -> {
            pending.setText(texts.get("status.pending", count.longValue()));
            pending.getStyleClass().remove("has-pending");
            if (count.longValue() > 0) {
                pending.getStyleClass().add("has-pending");
            }
        });
        subscriptions.bind(lastSync.textProperty(), Bindings.createStringBinding(
                () -> describe(model.lastSyncProperty().get()), model.lastSyncProperty()));
        subscriptions.bind(progress.visibleProperty(), model.syncingProperty());
        subscriptions.bind(progress.managedProperty(), model.syncingProperty());
    }

    private String describe(Instant at) {
        if (at == null) {
            return texts.get("status.lastSync.never");
        }
        return texts.get("status.lastSync", DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(texts.locale()).format(at.atZone(zone)));
    }

    @Override
    public void hidden() {
        subscriptions.clear();
    }
}
