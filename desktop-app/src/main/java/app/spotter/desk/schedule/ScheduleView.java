package app.spotter.desk.schedule;

import app.spotter.client.booking.BookingView;
import app.spotter.model.common.SlotId;
import app.spotter.client.members.MemberView;
import app.spotter.desk.ui.Subscriptions;
import app.spotter.desk.ui.Texts;
import app.spotter.desk.ui.View;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The schedule as a calendar: a day or a week of classes, personal training and machine slots,
 * each with a capacity bar and a mark while bookings on it wait for the server; the selected
 * slot's detail on the right with book, waitlist and cancel for the chosen member. Keyboard:
 * PageUp/PageDown back and on, T today, D/W day or week, arrows from slot to slot, B book.
 */
public final class ScheduleView implements View {

    private final ScheduleViewModel model;
    private final Texts texts;
    private final Subscriptions subscriptions = new Subscriptions();
    private final VBox root = new VBox(10);
    private final Label title = new Label();
    private final TextField memberField = new TextField();
    private final Label memberChosen = new Label();
    private final Label message = new Label();
    private final ToggleButton dayButton;
    private final ToggleButton weekButton;
    private final HBox dayHeaders = new HBox();
    private final CalendarGrid grid = new CalendarGrid();
    private final ScrollPane scroller = new ScrollPane(grid);
    private final Label emptyNote = new Label();
    private final Map<SlotId, Node> entries = new HashMap<>();
    private double pendingScrollY = -1;
    private final DateTimeFormatter dayFormat;
    private final DateTimeFormatter shortDayFormat;
    private final DateTimeFormatter timeFormat;

    // the detail of the selected slot
    private final VBox detail = new VBox(8);
    private final Label detailTitle = new Label();
    private final Label detailWhen = new Label();
    private final Label detailKind = new Label();
    private final ProgressBar detailCapacity = new ProgressBar();
    private final Label detailSeats = new Label();
    private final Label detailPending = new Label();
    private final Label detailBooking = new Label();
    private final Button book;
    private final Button waitlist;
    private final Button cancel;

    public ScheduleView(ScheduleViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        this.dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(texts.locale());
        this.shortDayFormat = DateTimeFormatter.ofPattern("EEE d.M.", texts.locale());
        this.timeFormat = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale());
        root.setId("schedule");
        root.getStyleClass().add("screen-body");

        title.setId("scheduleTitle");
        title.getStyleClass().add("form-title");
        Button previous = new Button("\u25C0");
        previous.setId("previousDay");
        previous.setOnAction(e -> model.previous());
        Button next = new Button("\u25B6");
        next.setId("nextDay");
        next.setOnAction(e -> model.next());
        Button today = new Button(texts.get("schedule.today"));
        today.setId("today");
        today.setOnAction(e -> model.today());
        ToggleGroup spans = new ToggleGroup();
        dayButton = new ToggleButton(texts.get("schedule.view.day"));
        dayButton.setId("showDay");
        dayButton.setToggleGroup(spans);
        dayButton.setOnAction(e -> model.showSpan(ScheduleViewModel.Span.DAY));
        weekButton = new ToggleButton(texts.get("schedule.view.week"));
        weekButton.setId("showWeek");
        weekButton.setToggleGroup(spans);
        weekButton.setOnAction(e -> model.showSpan(ScheduleViewModel.Span.WEEK));
        for (Region b : new Region[] {previous, next, today, dayButton, weekButton}) {
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label keys = new Label(texts.get("schedule.keys"));
        keys.getStyleClass().add("calendar-keys");
        HBox header = new HBox(8, previous, next, today, new HBox(dayButton, weekButton), title);
        header.setAlignment(Pos.CENTER_LEFT);

        Label memberLabel = new Label(texts.get("schedule.member"));
        memberLabel.getStyleClass().add("section-title");
        memberField.setId("scheduleMember");
        memberField.setPromptText(texts.get("schedule.member.prompt"));
        memberField.setPrefColumnCount(24);
        memberField.setOnAction(e -> model.chooseMember());
        memberChosen.setId("scheduleMemberChosen");
        message.setId("scheduleMessage");
        message.getStyleClass().add("message");
        HBox memberRow = new HBox(12, memberLabel, memberField, memberChosen, message);
        memberRow.setAlignment(Pos.CENTER_LEFT);

        dayHeaders.getStyleClass().add("calendar-day-headers");
        grid.setId("calendar");
        // A click in the calendar takes the focus out of the member field, so the letter keys work.
        grid.setFocusTraversable(true);
        grid.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> grid.requestFocus());
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("calendar-scroller");
        // Before the first layout the viewport has no height: scroll once it has one.
        scroller.viewportBoundsProperty().addListener((obs, was, now) -> {
            if (pendingScrollY >= 0 && now.getHeight() > 0) {
                double y = pendingScrollY;
                pendingScrollY = -1;
                scrollTo(y);
            }
        });
        emptyNote.setText(texts.get("schedule.empty"));
        emptyNote.getStyleClass().add("calendar-empty");
        VBox calendar = new VBox(dayHeaders, scroller, emptyNote, keys);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        HBox.setHgrow(calendar, Priority.ALWAYS);

        detail.setId("slotDetail");
        detail.getStyleClass().add("slot-detail");
        detail.setPrefWidth(320);
        detail.setMinWidth(320);
        detailTitle.setId("slotDetailTitle");
        detailTitle.getStyleClass().add("slot-title");
        detailTitle.setWrapText(true);
        detailWhen.setId("slotDetailWhen");
        detailWhen.setWrapText(true);
        detailKind.setId("slotDetailKind");
        detailKind.getStyleClass().add("slot-kind");
        detailCapacity.getStyleClass().add("capacity-bar");
        detailCapacity.setMaxWidth(Double.MAX_VALUE);
        detailSeats.setId("slotDetailSeats");
        detailPending.setId("slotDetailPending");
        detailPending.getStyleClass().add("pending-badge");
        detailBooking.setId("slotDetailBooking");
        detailBooking.getStyleClass().add("booking-state");
        detailBooking.setWrapText(true);
        book = new Button(texts.get("schedule.book"));
        book.setId("book");
        book.getStyleClass().add("accent");
        book.setOnAction(e -> model.bookSelected(false));
        waitlist = new Button(texts.get("schedule.waitlist"));
        waitlist.setId("waitlist");
        waitlist.setOnAction(e -> model.bookSelected(true));
        cancel = new Button(texts.get("schedule.cancel"));
        cancel.setId("cancelBooking");
        cancel.setOnAction(e -> model.cancelSelected());
        for (Button b : new Button[] {book, waitlist, cancel}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 8, book, waitlist, cancel);
        actions.getStyleClass().add("slot-row");
        detail.getChildren().addAll(detailTitle, detailWhen, detailKind, detailCapacity, detailSeats, detailPending,
                detailBooking, actions);

        HBox body = new HBox(12, calendar, detail);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(header, memberRow, body);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    private void key(KeyEvent e) {
        boolean typing = root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl;
        switch (e.getCode()) {
            case PAGE_UP -> model.previous();
            case PAGE_DOWN -> model.next();
            case T -> {
                if (typing) {
                    return;
                }
                model.today();
            }
            case D -> {
                if (typing) {
                    return;
                }
                model.showSpan(ScheduleViewModel.Span.DAY);
            }
            case W -> {
                if (typing) {
                    return;
                }
                model.showSpan(ScheduleViewModel.Span.WEEK);
            }
            case B -> {
                if (typing) {
                    return;
                }
                model.bookSelected(false);
            }
            case UP, LEFT -> {
                if (typing) {
                    return;
                }
                model.selectNext(-1);
            }
            case DOWN, RIGHT -> {
                if (typing) {
                    return;
                }
                model.selectNext(1);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        subscriptions.bindBidirectional(memberField.textProperty(), model.memberQueryProperty());
        subscriptions.bind(title.textProperty(), Bindings.createStringBinding(() -> {
            List<LocalDate> days = model.days();
            if (model.spanProperty().get() == ScheduleViewModel.Span.WEEK && !days.isEmpty()) {
                return texts.get("schedule.week.title", dayFormat.format(days.getFirst()));
            }
            return texts.get("schedule.title", dayFormat.format(model.dayProperty().get()));
        }, model.dayProperty(), model.spanProperty(), model.days()));
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
        subscriptions.listen(model.spanProperty(), (obs, was, span) -> showSpanButtons());
        ListChangeListener<SlotItem> redraw = change -> rebuild();
        model.slots().addListener(redraw);
        subscriptions.add(() -> model.slots().removeListener(redraw));
        subscriptions.listen(model.selectedProperty(), (obs, was, now) -> showSelection());
        showSpanButtons();
        rebuild();
        model.refresh();
    }

    private void showSpanButtons() {
        boolean week = model.spanProperty().get() == ScheduleViewModel.Span.WEEK;
        dayButton.setSelected(!week);
        weekButton.setSelected(week);
        root.getStyleClass().removeAll("calendar-day", "calendar-week");
        root.getStyleClass().add(week ? "calendar-week" : "calendar-day");
    }

    private void rebuild() {
        List<LocalDate> days = model.shownDays();
        dayHeaders.getChildren().clear();
        Region gutter = new Region();
        gutter.setMinWidth(CalendarGrid.GUTTER);
        dayHeaders.getChildren().add(gutter);
        LocalDate today = model.currentDay();
        for (LocalDate d : days) {
            Label h = new Label(days.size() == 1 ? dayFormat.format(d) : shortDayFormat.format(d));
            h.getStyleClass().add("calendar-day-header");
            if (d.equals(today)) {
                h.getStyleClass().add("today");
            }
            h.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(h, Priority.ALWAYS);
            dayHeaders.getChildren().add(h);
        }
        entries.clear();
        List<Node> nodes = new ArrayList<>();
        for (SlotItem item : model.slots()) {
            Node entry = entry(item, days.size() > 1);
            entries.put(item.slot().id(), entry);
            nodes.add(entry);
        }
        grid.show(days, model.slots(), nodes, model.zone());
        // Open on the first slot of the day (or week), not on the empty early morning.
        scrollTo(grid.firstEntryY());
        emptyNote.setVisible(model.slots().isEmpty());
        emptyNote.setManaged(model.slots().isEmpty());
        showSelection();
    }

    private void scrollTo(double y) {
        double viewport = scroller.getViewportBounds().getHeight();
        if (viewport <= 0) {
            pendingScrollY = y;
            return;
        }
        double content = grid.getPrefHeight();
        scroller.setVvalue(content > viewport ? Math.max(0, Math.min(1, (y - 24) / (content - viewport))) : 0);
    }

    private Node entry(SlotItem item, boolean compact) {
        var slot = item.slot();
        // In the week's narrow columns the position says the time; the title gets the room.
        String title = slot.title() == null ? "" : slot.title();
        Label name = new Label(compact ? title : timeFormat.format(slot.startsAt().atZone(model.zone())) + "  " + title);
        name.getStyleClass().add("calendar-entry-title");
        ProgressBar capacity = new ProgressBar(item.fill());
        capacity.getStyleClass().add("capacity-bar");
        if (item.full()) {
            capacity.getStyleClass().add("full");
        }
        capacity.setMaxWidth(Double.MAX_VALUE);
        Label seats = new Label(slot.seatsTaken() + "/" + slot.capacity());
        seats.getStyleClass().add("calendar-entry-seats");
        HBox.setHgrow(capacity, Priority.ALWAYS);
        VBox box;
        if (java.time.Duration.between(slot.startsAt(), slot.endsAt()).toMinutes() < 40) {
            // A short slot is one line high: title, bar and seats side by side.
            name.setMinWidth(Region.USE_PREF_SIZE);
            capacity.setMinWidth(24);
            HBox line = new HBox(6, name, capacity, seats);
            line.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, line);
        } else {
            HBox bar = new HBox(6, capacity, seats);
            bar.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, name, bar);
        }
        boolean pending = item.pendingBookings() > 0 || (item.memberBooking() != null && item.memberBooking().pending());
        if (pending) {
            Label mark = new Label("\u23F3 " + texts.get("schedule.pending"));
            mark.getStyleClass().add("pending-badge");
            box.getChildren().add(mark);
        }
        if (item.memberBooking() != null && !compact) {
            Label state = new Label(bookingText(item.memberBooking()));
            state.getStyleClass().addAll("booking-state", "calendar-entry-state");
            styleBooking(state, item.memberBooking());
            box.getChildren().add(state);
        }
        box.setId("slot-" + slot.id());
        box.getStyleClass().addAll("calendar-entry", "kind-" + slot.kind());
        if (pending) {
            box.getStyleClass().add("pending");
        }
        if (item.full()) {
            box.getStyleClass().add("full");
        }
        if (slot.cancelled()) {
            box.getStyleClass().add("cancelled");
        }
        if (item.memberHoldsPlace()) {
            box.getStyleClass().add("mine");
        }
        box.setMinHeight(0);
        // A short slot (a 30-minute machine booking) shows what fits; the detail shows the rest.
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(box.widthProperty());
        clip.heightProperty().bind(box.heightProperty());
        box.setClip(clip);
        box.setOnMouseClicked(e -> model.select(item));
        return box;
    }

    private String bookingText(BookingView mine) {
        return model.describe(mine) + (mine.pending() ? " (" + texts.get("schedule.pending") + ")" : "");
    }

    private static void styleBooking(Label label, BookingView mine) {
        label.getStyleClass().removeAll("pending", "refused");
        if (mine == null) {
            return;
        }
        if (mine.pending()) {
            label.getStyleClass().add("pending");
        } else if ("REFUSED".equals(mine.status()) || mine.refusal() != null) {
            label.getStyleClass().add("refused");
        }
    }

    private void showSelection() {
        SlotItem item = model.selectedProperty().get();
        entries.values().forEach(n -> n.getStyleClass().remove("selected"));
        if (item == null) {
            detailTitle.setText(texts.get("schedule.detail.none"));
            for (Node n : new Node[] {detailWhen, detailKind, detailCapacity, detailSeats, detailPending, detailBooking}) {
                n.setVisible(false);
                n.setManaged(false);
            }
            book.setDisable(true);
            waitlist.setDisable(true);
            cancel.setDisable(true);
            return;
        }
        Node entry = entries.get(item.slot().id());
        if (entry != null) {
            entry.getStyleClass().add("selected");
            // keep the selected entry in view when the arrow keys move past the visible hours
            double y = entry.getBoundsInParent().getMinY();
            double h = grid.getHeight() - scroller.getViewportBounds().getHeight();
            if (h > 0 && (y < scroller.getVvalue() * h || y > scroller.getVvalue() * h + scroller.getViewportBounds().getHeight() - 40)) {
                scroller.setVvalue(Math.max(0, Math.min(1, (y - 40) / h)));
            }
        }
        var slot = item.slot();
        for (Node n : new Node[] {detailWhen, detailKind, detailCapacity, detailSeats, detailBooking}) {
            n.setVisible(true);
            n.setManaged(true);
        }
        detailTitle.setText(slot.title());
        detailWhen.setText(texts.get("schedule.detail.when", dayFormat.format(slot.startsAt().atZone(model.zone())),
                timeFormat.format(slot.startsAt().atZone(model.zone())), timeFormat.format(slot.endsAt().atZone(model.zone()))));
        detailKind.setText(texts.get("schedule.kind." + slot.kind()));
        detailCapacity.setProgress(item.fill());
        detailCapacity.getStyleClass().remove("full");
        if (item.full()) {
            detailCapacity.getStyleClass().add("full");
        }
        detailSeats.setText(texts.get("schedule.seats", slot.seatsTaken(), slot.capacity()) + "  ·  "
                + texts.get("schedule.seatsLeft", slot.seatsLeft()));
        detailPending.setText(texts.get("schedule.detail.pending", item.pendingBookings()));
        detailPending.setVisible(item.pendingBookings() > 0);
        detailPending.setManaged(item.pendingBookings() > 0);
        BookingView mine = item.memberBooking();
        detailBooking.setText(mine == null ? "" : bookingText(mine));
        styleBooking(detailBooking, mine);
        boolean holds = item.memberHoldsPlace();
        book.setDisable(holds || item.full() || slot.cancelled());
        waitlist.setDisable(holds || !item.full() || slot.cancelled());
        cancel.setDisable(!holds);
    }

    @Override
    public void hidden() {
        subscriptions.clear();
    }
}
