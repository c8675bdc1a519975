package app.spotter.desk.manager;

import app.spotter.client.Desk;
import app.spotter.client.booking.SlotView;
import app.spotter.client.checkin.Admission;
import app.spotter.client.sync.ConflictView;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.TaskExecutor;
import app.spotter.desk.ui.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager's screen: conflicts the server raised after an outage, each with its facts and one
 * action per resolution (queued through the outbox, so it works offline too), and the day at a
 * glance from the desk's mirror: check-ins so far, who is in the club now, today's classes.
 */
public final class ManagerViewModel {

    /** Members admitted within this long are counted as in the club (nobody checks out). */
    public static final Duration IN_CLUB = Duration.ofHours(3);

    /** What the screen shows, read in one go off the FX thread. */
    record Day(List<ConflictView> conflicts, int checkInsToday, int inClubNow, List<SlotView> classes) {
    }

    private final Desk desk;
    private final CurrentStaff staff;
    private final TaskExecutor tasks;
    private final Texts texts;
    private final ZoneId zone;
    private final Clock clock;
    private final ObservableList<ConflictView> conflicts = FXCollections.observableArrayList();
    private final ObservableList<SlotView> classes = FXCollections.observableArrayList();
    private final IntegerProperty checkInsToday = new SimpleIntegerProperty();
    private final IntegerProperty inClubNow = new SimpleIntegerProperty();
    private final StringProperty message = new SimpleStringProperty("");

    public ManagerViewModel(Desk desk, CurrentStaff staff, TaskExecutor tasks, Texts texts, ZoneId zone, Clock clock) {
        this.desk = desk;
        this.staff = staff;
        this.tasks = tasks;
        this.texts = texts;
        this.zone = zone;
        this.clock = clock;
    }

    public void refresh() {
        tasks.run(this::load, day -> {
            conflicts.setAll(day.conflicts());
            classes.setAll(day.classes());
            checkInsToday.set(day.checkInsToday());
            inClubNow.set(day.inClubNow());
        }, this::failed);
    }

    private Day load() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant startOfDay = today.atStartOfDay(zone).toInstant();
        List<Admission> admitted = desk.checkIns().admittedSince(startOfDay.isBefore(now.minus(IN_CLUB))
                ? startOfDay : now.minus(IN_CLUB));
        int todayCount = (int) admitted.stream().filter(a -> !a.at().isBefore(startOfDay)).count();
        int inClub = (int) admitted.stream().filter(a -> !a.at().isBefore(now.minus(IN_CLUB)) && !a.at().isAfter(now))
                .map(Admission::memberId).distinct().count();
        List<SlotView> slots = desk.bookings().slots(startOfDay, today.plusDays(1).atStartOfDay(zone).toInstant());
        return new Day(desk.reconciliation().open(), todayCount, inClub, slots);
    }

    /** Queues the manager's decision; the row stays, marked pending, until the server confirms it. */
    public void resolve(ConflictView conflict, String resolution) {
        if (!staff.manages()) {
            message.set(texts.get("manager.onlyManagers"));
            return;
        }
        if (conflict.pending() || !conflict.resolutions().contains(resolution)) {
            return;
        }
        tasks.run(() -> desk.reconciliation().resolve(staff.user(), conflict.id(), resolution), opId -> {
            message.set(texts.get("manager.resolutionQueued", kind(conflict), resolutionText(resolution)));
            refresh();
        }, this::failed);
    }

    public String kind(ConflictView conflict) {
        return texts.get("conflict.kind." + conflict.kind().name());
    }

    public String resolutionText(String resolution) {
        String text = texts.get("conflict.resolution." + resolution);
        return text.startsWith("!") ? resolution : text;
    }

    /** The facts on one line, in the order the server gave them. */
    public String facts(ConflictView conflict) {
        Map<String, Object> facts = conflict.facts();
        if (facts.isEmpty()) {
            return conflict.entityType() + " " + conflict.entityId();
        }
        return facts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("  ·  "));
    }

    private void failed(Throwable e) {
        message.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    public ObservableList<ConflictView> conflicts() {
        return conflicts;
    }

    public ObservableList<SlotView> classes() {
        return classes;
    }

    public ReadOnlyIntegerProperty checkInsTodayProperty() {
        return checkInsToday;
    }

    public ReadOnlyIntegerProperty inClubNowProperty() {
        return inClubNow;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ZoneId zone() {
        return zone;
    }
}
