package app.spotter.desk.checkin;

import app.spotter.client.Desk;
import app.spotter.client.checkin.CheckInResult;
import app.spotter.client.members.MemberView;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.TaskExecutor;
import app.spotter.model.checkin.CheckInDecision;
import app.spotter.model.checkin.CheckInReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The check-in screen's state and commands: a scanned card, a member number typed on the PIN pad,
 * or a member picked from the search; each decided at once by the desk (online or offline).
 */
public final class CheckInViewModel {

    private static final int PIN_PAD_MAX = 12;
    private static final int SEARCH_LIMIT = 20;

    private final Desk desk;
    private final MemberStandings standings;
    private final CurrentStaff staff;
    private final TaskExecutor tasks;

    private final StringProperty scanText = new SimpleStringProperty("");
    private final StringProperty padText = new SimpleStringProperty("");
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableList<MemberView> matches = FXCollections.observableArrayList();
    private final ObjectProperty<DoorAnswer> answer = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    // stateless; a camera frame would go through the same decode(BufferedImage)
    private final QrImageDecoder imageDecoder = new QrImageDecoder();

    public CheckInViewModel(Desk desk, MemberStandings standings, CurrentStaff staff, TaskExecutor tasks) {
        this.desk = desk;
        this.standings = standings;
        this.staff = staff;
        this.tasks = tasks;
    }

    /** Enter in the scan field: the scanner (a keyboard wedge) typed the card's payload. */
    public void submitScan() {
        String payload = scanText.get() == null ? "" : scanText.get().strip();
        scanText.set("");
        if (payload.isEmpty()) {
            return;
        }
        decide(() -> desk.checkIns().byQr(staff.user(), payload));
    }

    /**
     * "Scan from image": reads the QR code out of a picture of the card (off the FX thread), then
     * decides exactly as a scanned code. A picture without a readable code is refused as an invalid card.
     */
    public void scanImage(java.nio.file.Path file) {
        if (file == null) {
            return;
        }
        decide(() -> {
            Optional<String> code = imageDecoder.decode(file);
            return code.map(c -> desk.checkIns().byQr(staff.user(), c))
                    .orElseGet(() -> new CheckInResult(app.spotter.model.checkin.CheckInDecision.refuse(
                            CheckInReason.QR_INVALID), null, null, null));
        });
    }

    public void pressDigit(int digit) {
        if (digit < 0 || digit > 9 || padText.get().length() >= PIN_PAD_MAX) {
            return;
        }
        padText.set(padText.get() + digit);
    }

    public void clearPad() {
        padText.set("");
    }

    /** OK on the pad: the member number printed on the card (for a member without the card at hand). */
    public void submitPad() {
        String number = padText.get();
        padText.set("");
        if (number.isEmpty()) {
            return;
        }
        decide(() -> {
            Optional<MemberView> member = desk.members().byNumber(number);
            return member.map(m -> desk.checkIns().byStaff(staff.user(), m.id())).orElse(null);
        });
    }

    /** Members by name, phone or member number; staff then pick one and let them in. */
    public void search() {
        String text = searchText.get() == null ? "" : searchText.get().strip();
        if (text.isEmpty()) {
            matches.clear();
            return;
        }
        tasks.run(() -> find(text), matches::setAll, this::failed);
    }

    private List<MemberView> find(String text) {
        LinkedHashMap<Object, MemberView> found = new LinkedHashMap<>();
        // A printed number typed exactly comes first; then names, number, phone, e-mail by any word.
        desk.members().byNumber(text.toUpperCase(Locale.ROOT)).ifPresent(m -> found.put(m.id(), m));
        for (MemberView m : desk.members().matching(text, SEARCH_LIMIT)) {
            found.putIfAbsent(m.id(), m);
        }
        return new ArrayList<>(found.values());
    }

    /** Staff let the picked member in. */
    public void letIn(MemberView member) {
        if (member == null) {
            return;
        }
        searchText.set("");
        matches.clear();
        decide(() -> desk.checkIns().byStaff(staff.user(), member.id()));
    }

    /** The panel goes back to "ready" (after a few seconds, or when the next member steps up). */
    public void clearAnswer() {
        answer.set(null);
    }

    private void decide(java.util.concurrent.Callable<CheckInResult> work) {
        busy.set(true);
        tasks.run(() -> toAnswer(work.call()), a -> {
            busy.set(false);
            answer.set(a);
        }, this::failed);
    }

    private DoorAnswer toAnswer(CheckInResult result) {
        if (result == null) {
            return new DoorAnswer(false, CheckInReason.UNKNOWN_MEMBER, null, null, null);
        }
        CheckInDecision decision = result.decision();
        String name = result.memberId() == null ? null : desk.members().find(result.memberId())
                .map(m -> m.firstName() + " " + m.lastName()).orElse(null);
        MemberStandings.Standing standing = result.memberId() == null || name == null ? MemberStandings.Standing.NONE
                : standings.of(result.memberId(), decision.membership());
        return new DoorAnswer(decision.admitted(), decision.reason(), name, standing.planName(), standing.credits());
    }

    private void failed(Throwable e) {
        busy.set(false);
        failure.set(e);
    }

    public StringProperty scanTextProperty() {
        return scanText;
    }

    public StringProperty padTextProperty() {
        return padText;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<MemberView> matches() {
        return matches;
    }

    public ReadOnlyObjectProperty<DoorAnswer> answerProperty() {
        return answer;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure;
    }
}
