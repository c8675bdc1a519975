package app.spotter.desk.schedule;

import app.spotter.client.booking.BookingView;
import app.spotter.client.members.MemberView;
import app.spotter.desk.ui.Subscriptions;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The day list: time, class, a capacity bar, the chosen member's booking, and the actions. */
public final class ScheduleView implements View {

    private final ScheduleViewModel model;
    private final Texts texts;
    private final Subscriptions subscriptions = new Subscriptions();
    private final VBox root = new VBox(12);
    private final Label title = new Label();
    private final TextField memberField = new TextField();
    private final Label memberChosen = new Label();
    private final Label message = new Label();
    private final ListView<SlotItem> list = new ListView<>();
    private final DateTimeFormatter dayFormat;
    private final DateTimeFormatter timeFormat;

    public ScheduleView(ScheduleViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        this.dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(texts.locale());
        this.timeFormat = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale());
        root.setId("schedule");
        root.getStyleClass().add("screen-body");

        title.setId("scheduleTitle");
        title.getStyleClass().add("form-title");
        Button previous = new Button("\u25C0");
        previous.setId("previousDay");
        previous.setOnAction(e -> model.previousDay());
        Button next = new Button("\u25B6");
        next.setId("nextDay");
        next.setOnAction(e -> model.nextDay());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, previous, next, title, spacer);
        header.setAlignment(Pos.CENTER_LEFT);

        Label memberLabel = new Label(texts.get("schedule.member"));
        memberLabel.getStyleClass().add("section-title");
        memberField.setId("scheduleMember");
        memberField.setPromptText(texts.get("schedule.member.prompt"));
        memberField.setPrefColumnCount(24);
        memberField.setOnAction(e -> model.chooseMember());
        memberChosen.setId("scheduleMemberChosen");
        HBox memberRow = new HBox(12, memberLabel, memberField, memberChosen);
        memberRow.setAlignment(Pos.CENTER_LEFT);

        message.setId("scheduleMessage");
        message.getStyleClass().add("message");
        list.setId("slots");
        list.setPlaceholder(new Label(texts.get("schedule.empty")));
        list.setCellFactory(l -> new SlotCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        root.getChildren().addAll(header, memberRow, message, list);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        subscriptions.bindBidirectional(memberField.textProperty(), model.memberQueryProperty());
        subscriptions.bind(title.textProperty(), Bindings.createStringBinding(
                () -> texts.get("schedule.title", dayFormat.format(model.dayProperty().get())), model.dayProperty()));
        subscriptions.bind(memberChosen.textProperty(), Bindings.createStringBinding(() -> {
            MemberView m = model.memberProperty().get();
            return m == null ? texts.get("schedule.member.none") : texts.get("schedule.member.chosen",
                    m.firstName() + " " + m.lastName(),
                    m.memberNumber() == null ? texts.get("members.number.pending") : m.memberNumber());
        }, model.memberProperty()));
        subscriptions.bind(message.textProperty(), model.messageProperty());
        subscriptions.listen(model.messageIsRefusalProperty(), (obs, was, refused) -> {
            message.getStyleClass().removeAll("refused", "ok");
            message.getStyleClass().add(refused ? "refused" : "ok");
        });
        list.setItems(model.slots());
        subscriptions.add(() -> list.setItems(null));
        model.refresh();
    }

    @Override
    public void hidden() {
        subscriptions.clear();
    }

    private final class SlotCell extends ListCell<SlotItem> {
        private final Label time = new Label();
        private final Label name = new Label();
        private final ProgressBar capacity = new ProgressBar();
        private final Label seats = new Label();
        private final Label pendingBadge = new Label();
        private final Label booking = new Label();
        private final Button book = new Button(texts.get("schedule.book"));
        private final Button waitlist = new Button(texts.get("schedule.waitlist"));
        private final Button cancel = new Button(texts.get("schedule.cancel"));
        private final HBox row;

        SlotCell() {
            time.getStyleClass().add("slot-time");
            name.getStyleClass().add("slot-title");
            capacity.getStyleClass().add("capacity-bar");
            pendingBadge.getStyleClass().add("pending-badge");
            booking.getStyleClass().add("booking-state");
            book.getStyleClass().add("accent");
            book.setOnAction(e -> model.book(getItem(), false));
            waitlist.setOnAction(e -> model.book(getItem(), true));
            cancel.setOnAction(e -> model.cancel(getItem()));
            for (Region fixed : new Region[] {time, name, seats, pendingBadge, book, waitlist, cancel}) {
                fixed.setMinWidth(Region.USE_PREF_SIZE);
            }
            // The booking's state takes the room that is left, wrapping if it must.
            booking.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(booking, Priority.ALWAYS);
            VBox seatsBox = new VBox(2, capacity, seats);
            seatsBox.setMinWidth(Region.USE_PREF_SIZE);
            row = new HBox(time, name, seatsBox, pendingBadge, booking, book, waitlist, cancel);
            row.getStyleClass().add("slot-row");
            // Fit the row to the list's width instead of scrolling sideways.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SlotItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            var slot = item.slot();
            time.setText(timeFormat.format(slot.startsAt().atZone(model.zone())) + " - "
                    + timeFormat.format(slot.endsAt().atZone(model.zone())));
            name.setText(slot.title() == null ? "" : slot.title());
            capacity.setProgress(item.fill());
            capacity.getStyleClass().remove("full");
            if (item.full()) {
                capacity.getStyleClass().add("full");
            }
            seats.setText(texts.get("schedule.seats", slot.seatsTaken(), slot.capacity()) + "  ·  "
                    + texts.get("schedule.seatsLeft", slot.seatsLeft()));
            pendingBadge.setText(item.pendingBookings() + " " + texts.get("schedule.pending"));
            pendingBadge.setVisible(item.pendingBookings() > 0);
            pendingBadge.setManaged(item.pendingBookings() > 0);
            BookingView mine = item.memberBooking();
            booking.getStyleClass().removeAll("pending", "refused");
            if (mine == null) {
                booking.setText("");
            } else {
                booking.setText(model.describe(mine) + (mine.pending() ? " (" + texts.get("schedule.pending") + ")" : ""));
                if (mine.pending()) {
                    booking.getStyleClass().add("pending");
                } else if ("REFUSED".equals(mine.status()) || mine.refusal() != null) {
                    booking.getStyleClass().add("refused");
                }
            }
            boolean holds = item.memberHoldsPlace();
            book.setDisable(holds || item.full() || slot.cancelled());
            waitlist.setDisable(holds || !item.full() || slot.cancelled());
            cancel.setDisable(!holds);
            setGraphic(row);
        }
    }
}
