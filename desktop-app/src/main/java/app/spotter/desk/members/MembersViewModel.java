package app.spotter.desk.members;

import app.spotter.client.Desk;
import app.spotter.client.members.HealthNotes;
import app.spotter.client.members.MemberView;
import app.spotter.client.members.MembershipView;
import app.spotter.client.members.NewMember;
import app.spotter.client.members.PlanChoice;
import app.spotter.client.members.Visit;
import app.spotter.client.staff.StaffProfile;
import app.spotter.desk.checkin.DoorAnswer;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.TaskExecutor;
import app.spotter.desk.ui.Texts;
import app.spotter.model.members.MemberProfileRules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
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
 * The members screen: finding a member (name, phone or number), their pane (avatar, plan and
 * standing, credits, attendance, health notes for those allowed), signing up and editing at the
 * counter with the messages next to the fields, freezing and unfreezing, and saving their card as
 * PDF. Every change is queued through the desk (works offline); the pane shows it as pending.
 */
public final class MembersViewModel {

    private static final int LIMIT = 50;
    private static final int VISITS = 30;
    /** A freeze the desk proposes: two weeks from today. */
    private static final int DEFAULT_FREEZE_DAYS = 14;

    /** What the form on the right is doing. */
    public enum FormMode { NONE, REGISTER, EDIT }

    /** What the health-notes box shows. */
    public enum NotesState { HIDDEN, NOT_LOADED, SHOWN, NEEDS_CONNECTION }

    private final Desk desk;
    private final CurrentStaff staff;
    private final TaskExecutor tasks;
    private final Texts texts;
    private final MemberCards cards;
    private final Clock clock;
    private final DateTimeFormatter dayFormat;
    private final DateTimeFormatter visitFormat;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<MemberView> found = FXCollections.observableArrayList();
    private final ObjectProperty<MemberView> selected = new SimpleObjectProperty<>();

    // the member pane
    private final ObjectProperty<MemberView> shown = new SimpleObjectProperty<>();
    private final StringProperty initials = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty numberLine = new SimpleStringProperty("");
    private final StringProperty contactLine = new SimpleStringProperty("");
    private final StringProperty planLine = new SimpleStringProperty("");
    private final StringProperty standingLine = new SimpleStringProperty("");
    private final StringProperty creditsLine = new SimpleStringProperty("");
    private final ObservableList<String> membershipLines = FXCollections.observableArrayList();
    private final ObservableList<String> visitLines = FXCollections.observableArrayList();
    private final BooleanProperty canFreeze = new SimpleBooleanProperty();
    private final BooleanProperty canUnfreeze = new SimpleBooleanProperty();
    private final BooleanProperty hasCard = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> freezeFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> freezeTo = new SimpleObjectProperty<>();
    private final ObjectProperty<NotesState> notesState = new SimpleObjectProperty<>(NotesState.HIDDEN);
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty paneMessage = new SimpleStringProperty("");
    private List<MembershipView> memberships = List.of();

    // the sign-up / edit form
    private final ObjectProperty<FormMode> formMode = new SimpleObjectProperty<>(FormMode.NONE);
    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final ObservableList<PlanChoice> plans = FXCollections.observableArrayList();
    private final ObjectProperty<PlanChoice> plan = new SimpleObjectProperty<>();
    private final StringProperty firstNameError = new SimpleStringProperty("");
    private final StringProperty lastNameError = new SimpleStringProperty("");
    private final StringProperty emailError = new SimpleStringProperty("");
    private final StringProperty phoneError = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    /** @param zone the gym's zone: "today" for freezes and sign-ups, and the times of visits */
    public MembersViewModel(Desk desk, CurrentStaff staff, TaskExecutor tasks, Texts texts, java.time.ZoneId zone,
                            Clock clock) {
        this(desk, staff, tasks, texts, new MemberCards(texts.get("members.card.number"), texts.get("members.card.plan")),
                clock.withZone(zone));
    }

    /** @param clock in the gym's zone */
    public MembersViewModel(Desk desk, CurrentStaff staff, TaskExecutor tasks, Texts texts, MemberCards cards,
                            Clock clock) {
        this.desk = desk;
        this.staff = staff;
        this.tasks = tasks;
        this.texts = texts;
        this.cards = cards;
        this.clock = clock;
        this.dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(texts.locale());
        this.visitFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(texts.locale()).withZone(clock.getZone());
        selected.addListener((obs, before, now) -> show(now));
    }

    // ------------------------------------------------------------------ search and the pane

    /** Members by first or last name, the end of the phone number, or the member number. */
    public void search() {
        String text = query.get() == null ? "" : query.get().strip();
        tasks.run(() -> desk.members().search(text, LIMIT), found::setAll, this::failed);
    }

    /** Reads the pane of a member (or clears it): profile, memberships, visits, whether a card can be printed. */
    public void show(MemberView member) {
        notes.set("");
        paneMessage.set("");
        if (member == null) {
            shown.set(null);
            clearPane();
            return;
        }
        LocalDate today = LocalDate.now(clock);
        tasks.run(() -> new Pane(desk.members().find(member.id()).orElse(member),
                        desk.members().membershipsOf(member.id(), today),
                        desk.checkIns().historyOf(member.id(), VISITS),
                        desk.members().cardCode(member.id()).isPresent()),
                this::fill, this::failed);
    }

    private record Pane(MemberView member, List<MembershipView> memberships, List<Visit> visits, boolean hasCard) {
    }

    private void fill(Pane pane) {
        MemberView m = pane.member();
        shown.set(m);
        memberships = pane.memberships();
        String fullName = m.firstName() + " " + m.lastName();
        initials.set(DoorAnswer.initialsOf(fullName));
        name.set(fullName);
        numberLine.set(m.memberNumber() == null ? texts.get("members.number.pending")
                : texts.get("members.pane.number", m.memberNumber()));
        contactLine.set(String.join("  ·  ", nonBlank(m.phone(), m.email())));
        Optional<MembershipView> current = memberships.stream().findFirst();
        planLine.set(current.map(MembershipView::planName).orElse(texts.get("members.pane.noPlan")));
        standingLine.set(current.map(this::standingText).orElse(""));
        creditsLine.set(current.map(v -> v.snapshot().creditsLeft())
                .map(c -> texts.get("members.pane.credits", c)).orElse(""));
        membershipLines.setAll(memberships.stream().map(this::membershipText).toList());
        visitLines.setAll(pane.visits().stream().map(this::visitText).toList());
        if (visitLines.isEmpty()) {
            visitLines.add(texts.get("members.pane.noVisits"));
        }
        canUnfreeze.set(current.flatMap(MembershipView::freezeToday).isPresent());
        canFreeze.set(current.isPresent() && !canUnfreeze.get());
        hasCard.set(pane.hasCard());
        LocalDate today = LocalDate.now(clock);
        freezeFrom.set(today);
        freezeTo.set(today.plusDays(DEFAULT_FREEZE_DAYS - 1L));
        notesState.set(HealthNotes.mayAsk(role()) ? NotesState.NOT_LOADED : NotesState.HIDDEN);
    }

    private void clearPane() {
        initials.set("");
        name.set("");
        numberLine.set("");
        contactLine.set("");
        planLine.set("");
        standingLine.set("");
        creditsLine.set("");
        membershipLines.clear();
        visitLines.clear();
        canFreeze.set(false);
        canUnfreeze.set(false);
        hasCard.set(false);
        notesState.set(NotesState.HIDDEN);
        memberships = List.of();
    }

    private String standingText(MembershipView v) {
        String standing = texts.get("members.standing." + v.standingToday().name());
        if (v.freezeToday().isPresent()) {
            standing = texts.get("members.pane.frozenUntil", dayFormat.format(v.freezeToday().get().to()));
        }
        return v.pending() ? standing + " · " + texts.get("members.state.pending") : standing;
    }

    private String membershipText(MembershipView v) {
        List<String> parts = new ArrayList<>();
        parts.add(v.planName());
        parts.add(texts.get("members.standing." + v.standingToday().name()));
        if (v.snapshot().endsOn() != null) {
            parts.add(texts.get("members.pane.until", dayFormat.format(v.snapshot().endsOn())));
        }
        if (v.snapshot().creditsLeft() != null) {
            parts.add(texts.get("members.pane.credits", v.snapshot().creditsLeft()));
        }
        if (v.pending()) {
            parts.add(texts.get("members.state.pending"));
        }
        return String.join(" · ", parts);
    }

    private String visitText(Visit v) {
        String what = v.admitted() ? texts.get("members.visit.admitted")
                : texts.get("members.visit.refused", v.reason() == null ? "" : texts.get("reason." + v.reason()));
        return visitFormat.format(v.at()) + "  " + what + (v.pending() ? " · " + texts.get("members.state.pending") : "");
    }

    // ------------------------------------------------------------------ health notes

    /**
     * Asks the server for the member's health notes on behalf of the staff member at the desk. On a
     * click, not on every selection: the notes stay off the screen until someone needs them, and the
     * network call never queues in front of the door's work in the rush.
     */
    public void loadHealthNotes() {
        MemberView m = shown.get();
        StaffProfile who = staff.profileProperty().get();
        if (m == null || who == null || !HealthNotes.mayAsk(who.role())) {
            notesState.set(NotesState.HIDDEN);
            return;
        }
        tasks.run(() -> desk.healthNotes().read(who.id(), who.role(), m.id()), answer -> {
            switch (answer.availability()) {
                case SHOWN -> {
                    notes.set(answer.notes() == null ? texts.get("members.notes.none") : answer.notes());
                    notesState.set(NotesState.SHOWN);
                }
                case NEEDS_CONNECTION -> {
                    notes.set(texts.get("members.notes.offline"));
                    notesState.set(NotesState.NEEDS_CONNECTION);
                }
                case NOT_ALLOWED -> {
                    notes.set("");
                    notesState.set(NotesState.HIDDEN);
                }
            }
        }, this::failed);
    }

    // ------------------------------------------------------------------ sign-up and edit

    public void startRegister() {
        clearForm();
        formMode.set(FormMode.REGISTER);
        tasks.run(() -> desk.members().plans(), list -> {
            plans.setAll(list);
            plan.set(null);
        }, this::failed);
    }

    public void startEdit() {
        MemberView m = shown.get();
        if (m == null) {
            return;
        }
        clearForm();
        firstName.set(m.firstName());
        lastName.set(m.lastName());
        email.set(Objects.requireNonNullElse(m.email(), ""));
        phone.set(Objects.requireNonNullElse(m.phone(), ""));
        formMode.set(FormMode.EDIT);
    }

    public void cancelForm() {
        clearForm();
        formMode.set(FormMode.NONE);
    }

    /** Checks the form with the shared profile rules (and for a duplicate e-mail), then queues the change. */
    public void save() {
        FormMode mode = formMode.get();
        if (mode == FormMode.NONE) {
            return;
        }
        String first = firstName.get().strip();
        String last = lastName.get().strip();
        String mail = blankToNull(email.get());
        String tel = blankToNull(phone.get());
        clearErrors();
        List<MemberProfileRules.FieldProblem> problems = MemberProfileRules.check(first, last, mail, tel);
        for (MemberProfileRules.FieldProblem p : problems) {
            errorOf(p.field()).set(texts.get("members.error." + p.problem().name()));
        }
        if (!problems.isEmpty()) {
            message.set(texts.get("members.error.fix"));
            return;
        }
        MemberView editing = mode == FormMode.EDIT ? shown.get() : null;
        PlanChoice chosen = plan.get();
        LocalDate today = LocalDate.now(clock);
        tasks.run(() -> {
            // The same e-mail on another member is almost always the same person signing up twice.
            Optional<MemberView> twin = mail == null ? Optional.empty() : desk.members().withEmail(mail).stream()
                    .filter(other -> editing == null || !other.id().equals(editing.id())).findFirst();
            if (twin.isPresent()) {
                return twin;
            }
            if (editing == null) {
                desk.members().register(staff.user(), new NewMember(first, last, mail, tel, null),
                        chosen == null ? null : chosen.id(), today);
            } else {
                Map<String, String> changes = changes(editing, first, last, mail, tel);
                if (!changes.isEmpty()) {
                    desk.members().edit(staff.user(), editing.id(), changes);
                }
            }
            return Optional.<MemberView>empty();
        }, twin -> {
            if (twin.isPresent()) {
                MemberView t = twin.get();
                emailError.set(texts.get("members.error.DUPLICATE_EMAIL", t.firstName() + " " + t.lastName(),
                        t.memberNumber() == null ? texts.get("members.number.pending") : t.memberNumber()));
                message.set(texts.get("members.error.fix"));
                return;
            }
            clearForm();
            formMode.set(FormMode.NONE);
            message.set(texts.get(editing == null ? "members.registered" : "members.edited", first + " " + last));
            if (editing == null) {
                query.set(last);
            }
            refresh(editing);
        }, this::failed);
    }

    private static Map<String, String> changes(MemberView before, String first, String last, String mail, String tel) {
        Map<String, String> changes = new LinkedHashMap<>();
        put(changes, "firstName", before.firstName(), first);
        put(changes, "lastName", before.lastName(), last);
        put(changes, "email", before.email(), mail);
        put(changes, "phone", before.phone(), tel);
        return changes;
    }

    private static void put(Map<String, String> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, after);
        }
    }

    // ------------------------------------------------------------------ freeze, unfreeze, card

    /** Freezes the member's current membership for the days picked (inclusive). */
    public void freeze() {
        Optional<MembershipView> current = memberships.stream().findFirst();
        LocalDate from = freezeFrom.get();
        LocalDate to = freezeTo.get();
        if (current.isEmpty()) {
            return;
        }
        if (from == null || to == null || to.isBefore(from)) {
            paneMessage.set(texts.get("members.freeze.badDays"));
            return;
        }
        MemberView m = shown.get();
        tasks.run(() -> desk.members().freezeMembership(staff.user(), current.get().snapshot().id(), from, to), op -> {
            paneMessage.set(texts.get("members.frozen", dayFormat.format(from), dayFormat.format(to)));
            refresh(m);
        }, this::failed);
    }

    /** Ends today's freeze of the member's current membership. */
    public void unfreeze() {
        Optional<MembershipView> frozen = memberships.stream().filter(v -> v.freezeToday().isPresent()).findFirst();
        if (frozen.isEmpty()) {
            return;
        }
        MemberView m = shown.get();
        LocalDate today = LocalDate.now(clock);
        tasks.run(() -> desk.members().unfreezeMembership(staff.user(), frozen.get().snapshot().id(), today), op -> {
            paneMessage.set(texts.get("members.unfrozen"));
            refresh(m);
        }, this::failed);
    }

    /** Writes the member's card as PDF (off the FX thread); the view asked where. */
    public void saveCard(Path file) {
        MemberView m = shown.get();
        if (m == null || file == null) {
            return;
        }
        String plan = planLine.get();
        tasks.run(() -> {
            Optional<String> code = desk.members().cardCode(m.id());
            if (code.isEmpty()) {
                return false;
            }
            cards.savePdf(new MemberCards.Card(desk.members().locationName().orElse(texts.get("app.title")),
                    m.firstName() + " " + m.lastName(), m.memberNumber(), plan, code.get()), file);
            return true;
        }, saved -> paneMessage.set(saved ? texts.get("members.card.saved", file.getFileName())
                : texts.get("members.card.notYet")), this::failed);
    }

    /** A file name for the card the save dialog proposes. */
    public String cardFileName() {
        MemberView m = shown.get();
        return m == null ? "member-card.pdf"
                : ("member-card-" + Objects.requireNonNullElse(m.memberNumber(), m.lastName()) + ".pdf")
                        .replaceAll("[^A-Za-z0-9._-]", "-");
    }

    // ------------------------------------------------------------------ helpers

    private void refresh(MemberView member) {
        search();
        if (member != null) {
            show(member);
        }
    }

    private void clearForm() {
        firstName.set("");
        lastName.set("");
        email.set("");
        phone.set("");
        plan.set(null);
        clearErrors();
    }

    private void clearErrors() {
        firstNameError.set("");
        lastNameError.set("");
        emailError.set("");
        phoneError.set("");
        message.set("");
    }

    private StringProperty errorOf(String field) {
        return switch (field) {
            case "firstName" -> firstNameError;
            case "lastName" -> lastNameError;
            case "email" -> emailError;
            case "phone" -> phoneError;
            default -> message;
        };
    }

    private app.spotter.model.access.Role role() {
        StaffProfile who = staff.profileProperty().get();
        return who == null ? null : who.role();
    }

    private void failed(Throwable e) {
        String text = e instanceof IllegalArgumentException ? e.getMessage() : String.valueOf(e.getMessage());
        if (formMode.get() != FormMode.NONE) {
            message.set(text);
        } else {
            paneMessage.set(text);
        }
    }

    private static List<String> nonBlank(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ------------------------------------------------------------------ properties

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<MemberView> found() {
        return found;
    }

    public ObjectProperty<MemberView> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<MemberView> shownProperty() {
        return shown;
    }

    public ReadOnlyStringProperty initialsProperty() {
        return initials;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty numberLineProperty() {
        return numberLine;
    }

    public ReadOnlyStringProperty contactLineProperty() {
        return contactLine;
    }

    public ReadOnlyStringProperty planLineProperty() {
        return planLine;
    }

    public ReadOnlyStringProperty standingLineProperty() {
        return standingLine;
    }

    public ReadOnlyStringProperty creditsLineProperty() {
        return creditsLine;
    }

    public ObservableList<String> membershipLines() {
        return membershipLines;
    }

    public ObservableList<String> visitLines() {
        return visitLines;
    }

    public ReadOnlyBooleanProperty canFreezeProperty() {
        return canFreeze;
    }

    public ReadOnlyBooleanProperty canUnfreezeProperty() {
        return canUnfreeze;
    }

    public ReadOnlyBooleanProperty hasCardProperty() {
        return hasCard;
    }

    public ObjectProperty<LocalDate> freezeFromProperty() {
        return freezeFrom;
    }

    public ObjectProperty<LocalDate> freezeToProperty() {
        return freezeTo;
    }

    public ReadOnlyObjectProperty<NotesState> notesStateProperty() {
        return notesState;
    }

    public ReadOnlyStringProperty notesProperty() {
        return notes;
    }

    public ReadOnlyStringProperty paneMessageProperty() {
        return paneMessage;
    }

    public ReadOnlyObjectProperty<FormMode> formModeProperty() {
        return formMode;
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ObservableList<PlanChoice> plans() {
        return plans;
    }

    public ObjectProperty<PlanChoice> planProperty() {
        return plan;
    }

    public ReadOnlyStringProperty firstNameErrorProperty() {
        return firstNameError;
    }

    public ReadOnlyStringProperty lastNameErrorProperty() {
        return lastNameError;
    }

    public ReadOnlyStringProperty emailErrorProperty() {
        return emailError;
    }

    public ReadOnlyStringProperty phoneErrorProperty() {
        return phoneError;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
