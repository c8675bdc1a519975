package app.spotter.desk.manager;

import app.spotter.client.Desk;
import app.spotter.client.booking.SlotView;
import app.spotter.client.checkin.Admission;
import app.spotter.client.sync.ConflictView;
import app.spotter.client.devices.Devices;
import app.spotter.client.sync.ServerUnavailable;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.DeviceKind;
import app.spotter.model.sync.SyncApi;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
    record Day(List<ConflictView> conflicts, Map<java.util.UUID, String> facts, int checkInsToday, int inClubNow,
               List<SlotView> classes) {
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
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final StringProperty devicesNote = new SimpleStringProperty("");
    private final ObjectProperty<DeviceRow> revokeAsked = new SimpleObjectProperty<>();
    private final Consumer<DeviceKind> switchMode;
    private final ConflictFacts conflictFacts;
    /** Each conflict's facts in words, by conflict id; read on the FX thread by the cells. */
    private final Map<java.util.UUID, String> factLines = new java.util.HashMap<>();
    /** Device names from the last device list, so a conflict can say at which desk it happened. */
    private volatile Map<String, String> deviceNames = Map.of();

    /**
     * One enrolled device as the manager sees it.
     *
     * @param thisDesk the device this screen runs on
     * @param pending operations this desk has not yet got an answer for (only known for this desk)
     */
    public record DeviceRow(SyncApi.Device device, boolean thisDesk, long pending) {
        public boolean revoked() {
            return device.revokedAt() != null;
        }
    }

    public ManagerViewModel(Desk desk, CurrentStaff staff, TaskExecutor tasks, Texts texts, ZoneId zone, Clock clock) {
        this(desk, staff, tasks, texts, zone, clock, kind -> { });
    }

    /** With the switch of this device's mode (front desk, kiosk, scanner station). */
    public ManagerViewModel(Desk desk, CurrentStaff staff, TaskExecutor tasks, Texts texts, ZoneId zone, Clock clock,
                            Consumer<DeviceKind> switchMode) {
        this.switchMode = switchMode;
        this.desk = desk;
        this.staff = staff;
        this.tasks = tasks;
        this.texts = texts;
        this.zone = zone;
        this.clock = clock;
        this.conflictFacts = new ConflictFacts(desk, texts, zone);
    }

    public void refresh() {
        tasks.run(this::load, day -> {
            factLines.clear();
            factLines.putAll(day.facts());
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
        // The dashboard's fill rates are for classes; PT and machine slots are one person each.
        List<ConflictView> open = desk.reconciliation().open();
        Map<String, String> names = deviceNames;
        Map<java.util.UUID, String> facts = open.stream().collect(Collectors.toMap(ConflictView::id,
                c -> conflictFacts.line(c, today, names)));
        return new Day(open, facts, todayCount, inClub,
                slots.stream().filter(s -> "CLASS".equals(s.kind())).toList());
    }

    /**
     * The device list, from the server (online only, in the manager's name). Offline, or after an
     * offline login, the note says why the list is empty rather than showing an old one.
     */
    public void refreshDevices() {
        refreshDevices("");
    }

    /** Reloads the list; {@code noteAfter} stays shown once it is in (a reload must not wipe "revoked"). */
    private void refreshDevices(String noteAfter) {
        if (!staff.manages()) {
            devices.clear();
            devicesNote.set(texts.get("manager.devices.onlyManagers"));
            return;
        }
        UserId manager = staff.user();
        tasks.run(() -> {
            String me = desk.deviceId();
            long pending = desk.pendingOperations();
            return desk.devices().list(manager).stream()
                    .map(d -> new DeviceRow(d, d.id().toString().equals(me), d.id().toString().equals(me) ? pending : 0))
                    .sorted(java.util.Comparator.comparing((DeviceRow r) -> r.revoked())
                            .thenComparing(r -> r.device().name(), String.CASE_INSENSITIVE_ORDER))
                    .toList();
        }, rows -> {
            boolean namesNew = !rows.stream().allMatch(r -> deviceNames.containsKey(r.device().id().toString()));
            deviceNames = rows.stream().collect(Collectors.toMap(r -> r.device().id().toString(),
                    r -> java.util.Objects.requireNonNullElse(r.device().name(), r.device().id().toString()), (a, b) -> a));
            devices.setAll(rows);
            if (namesNew && !conflicts.isEmpty()) {
                refresh(); // the conflicts can now name the desks they happened at
            }
            devicesNote.set(rows.isEmpty() ? texts.get("manager.devices.none") : noteAfter);
        }, this::devicesFailed);
    }

    private void devicesFailed(Throwable e) {
        devices.clear();
        if (e instanceof Devices.OnlineLoginNeeded) {
            devicesNote.set(texts.get("manager.devices.needsOnlineLogin"));
        } else if (e instanceof ServerUnavailable u && (u.status() == 401 || u.status() == 403)) {
            devicesNote.set(texts.get("manager.devices.loginAgain"));
        } else if (e instanceof ServerUnavailable) {
            devicesNote.set(texts.get("manager.devices.offline"));
        } else {
            devicesNote.set(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** First click on "Revoke": the screen asks to confirm; nothing is sent yet. */
    public void askRevoke(DeviceRow row) {
        if (row == null || row.revoked()) {
            return;
        }
        revokeAsked.set(row);
    }

    public void keepDevice() {
        revokeAsked.set(null);
    }

    /** Confirmed: the server revokes the device at once (its token stops working), then the list reloads. */
    public void confirmRevoke() {
        DeviceRow row = revokeAsked.get();
        revokeAsked.set(null);
        if (row == null || !staff.manages()) {
            return;
        }
        UserId manager = staff.user();
        tasks.run(() -> desk.devices().revoke(manager, row.device().id()), revoked -> {
            String note = texts.get("manager.devices.revoked", revoked.name());
            devicesNote.set(note);
            refreshDevices(note);
        }, this::devicesFailed);
    }

    /**
     * A manager changes what this device is used for (stored; a kiosk or scanner station locks at
     * once). The server records it with the manager's online login (decision 0013): a device acts for
     * staff only while the server knows it as a front desk. Offline only a switch to a kiosk or a
     * scanner station (acting for no one) is allowed; back to front desk needs the server.
     */
    public void switchMode(DeviceKind kind) {
        if (!staff.manages()) {
            message.set(texts.get("manager.mode.onlyManagers"));
            return;
        }
        if (kind == null) {
            return;
        }
        UserId manager = staff.user();
        String self = desk.deviceId();
        tasks.run(() -> desk.devices().changeKind(manager, app.spotter.model.common.DeviceId.of(self), kind), changed -> {
            message.set(texts.get("manager.mode.changed", texts.get("enroll.mode." + kind.name())));
            switchMode.accept(kind);
        }, e -> {
            if (kind == DeviceKind.FRONT_DESK) {
                message.set(texts.get("manager.mode.needsOnline"));
            } else {
                // more restricted than before: fine without the server, which still refuses staff work here
                switchMode.accept(kind);
            }
        });
    }

    public ObservableList<DeviceRow> devices() {
        return devices;
    }

    public ReadOnlyStringProperty devicesNoteProperty() {
        return devicesNote;
    }

    public ReadOnlyObjectProperty<DeviceRow> revokeAskedProperty() {
        return revokeAsked;
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

    /** The facts on one line in the gym's words (member, class, desk), as of the last refresh. */
    public String facts(ConflictView conflict) {
        String line = factLines.get(conflict.id());
        if (line != null) {
            return line;
        }
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
