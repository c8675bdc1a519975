package app.spotter.desk.schedule;

import app.spotter.client.Desk;
import app.spotter.client.booking.BookingView;
import app.spotter.client.booking.SlotView;
import app.spotter.client.members.MemberView;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.TaskExecutor;
import app.spotter.desk.ui.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The calendar of this location, a day or a week (Monday to Sunday) at a time: classes, personal
 * training and machine slots, with booking, waitlisting and cancelling for one chosen member on
 * the selected slot. The desk decides at once (shared rules on the local store); pending operations stay
 * marked until the server answers, and a refusal says why.
 */
public final class ScheduleViewModel {

    private final Desk desk;
    private final CurrentStaff staff;
    private final TaskExecutor tasks;
    private final Texts texts;
    private final ZoneId zone;

    /** How much of the calendar shows at once. */
    public enum Span { DAY, WEEK }

    private final Clock clock;
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ObjectProperty<Span> span = new SimpleObjectProperty<>(Span.DAY);
    private final ObservableList<LocalDate> days = FXCollections.observableArrayList();
    private final ObjectProperty<SlotItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<SlotItem> slots = FXCollections.observableArrayList();
    private final StringProperty memberQuery = new SimpleStringProperty("");
    private final ObjectProperty<MemberView> member = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final SimpleBooleanProperty messageIsRefusal = new SimpleBooleanProperty();

    public ScheduleViewModel(Desk desk, CurrentStaff staff, TaskExecutor tasks, Texts texts, ZoneId zone, Clock clock) {
        this.desk = desk;
        this.staff = staff;
        this.tasks = tasks;
        this.texts = texts;
        this.zone = zone;
        this.clock = clock;
        this.day.set(LocalDate.now(clock.withZone(zone)));
        days.setAll(shownDays());
    }

    public void refresh() {
        List<LocalDate> shown = shownDays();
        days.setAll(shown);
        MemberView chosen = member.get();
        tasks.run(() -> load(shown.getFirst(), shown.getLast().plusDays(1), chosen), loaded -> {
            slots.setAll(loaded);
            // The selection follows its slot through a reload (a booking changes the seats shown).
            SlotItem was = selected.get();
            selected.set(was == null ? null : loaded.stream()
                    .filter(i -> i.slot().id().equals(was.slot().id())).findFirst().orElse(null));
        }, this::failed);
    }

    /** The days on screen: the day, or Monday to Sunday of its week. */
    public List<LocalDate> shownDays() {
        LocalDate anchor = day.get();
        if (span.get() == Span.DAY) {
            return List.of(anchor);
        }
        LocalDate monday = anchor.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        return monday.datesUntil(monday.plusDays(7)).toList();
    }

    private List<SlotItem> load(LocalDate first, LocalDate end, MemberView chosen) {
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = end.atStartOfDay(zone).toInstant();
        List<BookingView> memberBookings = chosen == null ? List.of() : desk.bookings().bookingsOf(chosen.id());
        List<SlotItem> items = new ArrayList<>();
        for (SlotView slot : desk.bookings().slots(from, to)) {
            int pending = (int) desk.bookings().bookingsOn(slot.id()).stream().filter(BookingView::pending).count();
            BookingView mine = memberBookings.stream()
                    .filter(b -> b.slotId().equals(slot.id()))
                    // the active booking wins over an older cancelled or refused one
                    .max(Comparator.comparing((BookingView b) -> b.isActive()).thenComparing(BookingView::pending))
                    .orElse(null);
            items.add(new SlotItem(slot, mine, pending));
        }
        return items;
    }

    public void previousDay() {
        previous();
    }

    public void nextDay() {
        next();
    }

    /** Back a day, or a week in the week view (PageUp). */
    public void previous() {
        day.set(day.get().minusDays(span.get() == Span.DAY ? 1 : 7));
        refresh();
    }

    /** On a day, or a week in the week view (PageDown). */
    public void next() {
        day.set(day.get().plusDays(span.get() == Span.DAY ? 1 : 7));
        refresh();
    }

    /** Today in the gym's zone (T). */
    public void today() {
        day.set(LocalDate.now(clock.withZone(zone)));
        refresh();
    }

    /** Today in the gym's zone, by the desk's clock (the calendar marks its column). */
    public LocalDate currentDay() {
        return LocalDate.now(clock.withZone(zone));
    }

    public void showSpan(Span next) {
        span.set(next);
        refresh();
    }

    public void toggleSpan() {
        showSpan(span.get() == Span.DAY ? Span.WEEK : Span.DAY);
    }

    /** The slot whose detail shows (book, waitlist, cancel act on it). */
    public void select(SlotItem item) {
        selected.set(item);
    }

    /** The next (+1) or previous (-1) slot in time order, for the arrow keys. */
    public void selectNext(int direction) {
        if (slots.isEmpty()) {
            return;
        }
        int at = selected.get() == null ? -1 : slots.indexOf(selected.get());
        int next = at < 0 ? (direction > 0 ? 0 : slots.size() - 1) : Math.floorMod(at + direction, slots.size());
        selected.set(slots.get(next));
    }

    /** Book (or put on the waitlist) the chosen member on the selected slot. */
    public void bookSelected(boolean waitlist) {
        if (selected.get() == null) {
            say(texts.get("schedule.chooseSlot"), true);
            return;
        }
        book(selected.get(), waitlist);
    }

    public void cancelSelected() {
        if (selected.get() != null) {
            cancel(selected.get());
        }
    }

    /** Chooses the member the bookings are for: by member number, else the first match of the name. */
    public void chooseMember() {
        String query = memberQuery.get() == null ? "" : memberQuery.get().strip();
        if (query.isEmpty()) {
            member.set(null);
            refresh();
            return;
        }
        tasks.run(() -> {
            Optional<MemberView> byNumber = desk.members().byNumber(query);
            if (byNumber.isPresent()) {
                return byNumber.get();
            }
            return desk.members().matching(query, 1).stream().findFirst().orElse(null);
        }, found -> {
            member.set(found);
            say(found == null ? texts.get("checkin.search.none") : "", found == null);
            refresh();
        }, this::failed);
    }

    public void choose(MemberView chosen) {
        member.set(chosen);
        refresh();
    }

    public void book(SlotItem item, boolean waitlist) {
        MemberView chosen = member.get();
        if (chosen == null) {
            say(texts.get("schedule.chooseMember"), true);
            return;
        }
        tasks.run(() -> desk.bookings().book(staff.user(), item.slot().id(), chosen.id(), waitlist), result -> {
            if (result.isRefused()) {
                say(texts.get("schedule.refused", texts.get("refusal." + result.refusal().name())), true);
            } else {
                say(texts.get("schedule.result." + result.state().name()), false);
            }
            refresh();
        }, this::failed);
    }

    public void cancel(SlotItem item) {
        if (item.memberBooking() == null || !item.memberBooking().isActive()) {
            return;
        }
        tasks.run(() -> desk.bookings().cancel(staff.user(), item.memberBooking().id()), opId -> {
            say(texts.get("schedule.cancelled"), false);
            refresh();
        }, this::failed);
    }

    private void say(String text, boolean refusal) {
        message.set(text);
        messageIsRefusal.set(refusal);
    }

    private void failed(Throwable e) {
        say(e.getMessage() == null ? e.toString() : e.getMessage(), true);
    }

    /** What the state of a booking reads like, for the row. */
    public String describe(BookingView booking) {
        String state = texts.get("schedule.booking." + booking.status());
        if (booking.refusal() != null) {
            String reason = booking.refusal();
            String key = "refusal." + reason;
            String translated = texts.get(key);
            state += ": " + (translated.startsWith("!") ? reason : translated);
        }
        return state;
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ObjectProperty<Span> spanProperty() {
        return span;
    }

    public ObservableList<LocalDate> days() {
        return days;
    }

    public ReadOnlyObjectProperty<SlotItem> selectedProperty() {
        return selected;
    }

    public ObservableList<SlotItem> slots() {
        return slots;
    }

    public StringProperty memberQueryProperty() {
        return memberQuery;
    }

    public ObjectProperty<MemberView> memberProperty() {
        return member;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty messageIsRefusalProperty() {
        return messageIsRefusal;
    }

    public ZoneId zone() {
        return zone;
    }
}
