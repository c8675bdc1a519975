package app.spotter.desk.checkin;

import app.spotter.desk.ui.Texts;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The large green or red answer: initials, name, plan, credits, and the reason when refused. */
public final class DoorAnswerPanel {
    private final Texts texts;
    private final StackPane root = new StackPane();
    private final Label initials = new Label();
    private final Label name = new Label();
    private final Label headline = new Label();
    private final Label plan = new Label();
    private final Label credits = new Label();

    public DoorAnswerPanel(Texts texts) {
        this.texts = texts;
        root.setId("resultPanel");
        root.getStyleClass().add("result-panel");
        initials.setId("resultInitials");
        initials.getStyleClass().add("result-initials");
        name.setId("resultName");
        name.getStyleClass().add("result-name");
        headline.setId("resultHeadline");
        headline.getStyleClass().add("result-headline");
        headline.setWrapText(true);
        plan.setId("resultPlan");
        plan.getStyleClass().add("result-detail");
        credits.setId("resultCredits");
        credits.getStyleClass().add("result-detail");
        HBox details = new HBox(24, plan, credits);
        details.setAlignment(Pos.CENTER);
        VBox content = new VBox(12, initials, name, headline, details);
        content.setAlignment(Pos.CENTER);
        root.getChildren().add(content);
        show(null);
    }

    public Parent root() {
        return root;
    }

    public void show(DoorAnswer answer) {
        root.getStyleClass().removeAll("admitted", "refused", "idle");
        if (answer == null) {
            root.getStyleClass().add("idle");
            initials.setText("");
            name.setText("");
            headline.setText(texts.get("checkin.ready"));
            plan.setText("");
            credits.setText("");
            return;
        }
        root.getStyleClass().add(answer.admitted() ? "admitted" : "refused");
        initials.setText(answer.initials());
        name.setText(answer.name() == null ? "" : answer.name());
        headline.setText(texts.get("reason." + answer.reason().name()));
        plan.setText(answer.planName() == null ? "" : texts.get("checkin.plan", answer.planName()));
        // "No credits left" is already the headline of that refusal.
        boolean saidAlready = answer.reason() == app.spotter.model.checkin.CheckInReason.NO_CREDITS_LEFT;
        credits.setText(answer.credits() == null || saidAlready ? "" : texts.get("checkin.credits", answer.credits()));
    }
}
