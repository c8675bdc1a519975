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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A day of classes at this location, with booking, waitlisting and cancelling for one chosen
 * member. The desk decides at once (shared rules on the local store); pending operations stay
 * marked until the server answers, and a refusal says why.
 */
public final class ScheduleViewModel {

    private final Desk desk;
    private final CurrentStaff staff;
    private final TaskExecutor tasks;
    private final Texts texts;
    private final ZoneId zone;

    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
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
        this.day.set(LocalDate.now(clock.withZone(zone)));
    }

    public void refresh() {
        LocalDate shown = day.get();
        MemberView chosen = member.get();
        tasks.run(() -> load(shown, chosen), slots::setAll, this::failed);
    }

    private List<SlotItem> load(LocalDate date, MemberView chosen) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
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
        day.set(day.get().minusDays(1));
        refresh();
    }

    public void nextDay() {
        day.set(day.get().plusDays(1));
        refresh();
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
            String[] words = query.split("\\s+");
            return desk.members().search(words[words.length - 1], 1).stream().findFirst().orElse(null);
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
