package app.spotter.desk.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.members.MemberView;
import app.spotter.client.outbox.OutboxEntry;
import app.spotter.client.staff.StaffProfile;
import app.spotter.desk.demo.DemoGym;
import app.spotter.desk.members.MembersViewModel.FormMode;
import app.spotter.desk.members.MembersViewModel.NotesState;
import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.CurrentStaff;
import app.spotter.desk.ui.DirectTaskExecutor;
import app.spotter.model.access.Role;
import app.spotter.model.sync.OperationType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The members screen's view model on a real desk store (offline, as in an outage), without a stage. */
class MembersViewModelTest {

    private final DemoDesk local = new DemoDesk();
    private final MembersViewModel model = local.models(new DirectTaskExecutor()).members;

    @AfterEach
    void close() {
        local.close();
    }

    private MemberView find(String query) {
        model.queryProperty().set(query);
        model.search();
        return model.found().getFirst();
    }

    private void select(String query) {
        model.selectedProperty().set(find(query));
    }

    private List<OutboxEntry> outbox() {
        return local.store.inTransaction(s -> s.createSelectionQuery("from OutboxEntry order by sequence",
                OutboxEntry.class).getResultList());
    }

    @Test
    void aMemberSignedUpOfflineWithAPlanIsShownPendingWithThePlansCredits() {
        model.startRegister();
        assertEquals(List.of("10-class pack", "Monthly unlimited"), model.plans().stream().map(p -> p.name()).toList());
        model.firstNameProperty().set("Katherine");
        model.lastNameProperty().set("Johnson");
        model.emailProperty().set("katherine@example.com");
        model.planProperty().set(model.plans().getFirst());

        model.save();

        assertEquals("Katherine Johnson is registered (waiting for the server).", model.messageProperty().get());
        assertEquals(FormMode.NONE, model.formModeProperty().get());
        MemberView katherine = model.found().getFirst();
        assertEquals("Johnson", katherine.lastName());
        assertTrue(katherine.pending());
        assertEquals(List.of(OperationType.REGISTER_MEMBER, OperationType.ASSIGN_MEMBERSHIP),
                outbox().stream().map(e -> OperationType.valueOf(e.type)).toList());

        model.selectedProperty().set(katherine);
        assertEquals("KJ", model.initialsProperty().get());
        assertEquals("number pending", model.numberLineProperty().get());
        assertEquals("10-class pack", model.planLineProperty().get());
        assertEquals("Active · Pending", model.standingLineProperty().get());
        assertEquals("10 credits left", model.creditsLineProperty().get());
        assertFalse(model.hasCardProperty().get(), "the server signs the card once it has the member");
    }

    @Test
    void badInputIsShownNextToEachFieldAndNothingIsQueued() {
        model.startRegister();
        model.firstNameProperty().set("  ");
        model.lastNameProperty().set("Johnson");
        model.emailProperty().set("katherine-at-nasa");
        model.phoneProperty().set("call me");

        model.save();

        assertEquals("Required", model.firstNameErrorProperty().get());
        assertEquals("", model.lastNameErrorProperty().get());
        assertEquals("Not an e-mail address", model.emailErrorProperty().get());
        assertEquals("Digits, spaces and + ( ) . / - only", model.phoneErrorProperty().get());
        assertEquals("Please correct the marked fields.", model.messageProperty().get());
        assertEquals(FormMode.REGISTER, model.formModeProperty().get(), "the form stays open with what was typed");
        assertEquals(0, local.desk.pendingOperations());
    }

    @Test
    void anEmailAlreadyOnAMemberIsRefusedAsADuplicateSignUp() {
        model.startRegister();
        model.firstNameProperty().set("Ada");
        model.lastNameProperty().set("King");
        model.emailProperty().set("ADA@example.com");

        model.save();

        assertEquals("Already registered: Ada Lovelace (1001)", model.emailErrorProperty().get());
        assertEquals(0, local.desk.pendingOperations());
    }

    @Test
    void anEditQueuesOnlyTheChangedFieldAndShowsItPending() {
        select("Lovelace");
        model.startEdit();
        assertEquals("+49 30 1234561", model.phoneProperty().get());
        model.phoneProperty().set("+49 30 9999999");

        model.save();

        assertEquals("Ada Lovelace is changed (waiting for the server).", model.messageProperty().get());
        List<OutboxEntry> queued = outbox();
        assertEquals(1, queued.size());
        assertEquals("EDIT_MEMBER", queued.getFirst().type);
        assertTrue(queued.getFirst().payload.contains("\"phone\":\"+49 30 9999999\""), queued.getFirst().payload);
        assertFalse(queued.getFirst().payload.contains("firstName"), "unchanged fields are not sent");
        assertEquals("+49 30 9999999  ·  ada@example.com", model.contactLineProperty().get());
        assertTrue(find("9999999").pending(), "found by the new number, marked pending");
    }

    @Test
    void aMembershipIsFrozenAndUnfrozenFromThePane() {
        select("Hamilton");
        assertTrue(model.canFreezeProperty().get());
        assertFalse(model.canUnfreezeProperty().get());

        model.freeze();

        assertTrue(model.standingLineProperty().get().startsWith("Frozen until "), model.standingLineProperty().get());
        assertTrue(model.standingLineProperty().get().endsWith("· Pending"));
        assertTrue(model.canUnfreezeProperty().get());
        assertEquals("Frozen", model.membershipLines().getFirst().split(" · ")[1]);

        model.unfreeze();

        assertEquals("Active · Pending", model.standingLineProperty().get());
        assertEquals(List.of("FREEZE_MEMBERSHIP", "UNFREEZE_MEMBERSHIP"), outbox().stream().map(e -> e.type).toList());
    }

    @Test
    void freezeDaysTheWrongWayRoundAreRefusedBeforeAnythingIsQueued() {
        select("Hamilton");
        model.freezeToProperty().set(model.freezeFromProperty().get().minusDays(1));

        model.freeze();

        assertEquals("Pick the first and the last frozen day (the last on or after the first).",
                model.paneMessageProperty().get());
        assertEquals(0, local.desk.pendingOperations());
    }

    @Test
    void attendanceListsTheMembersVisitsNewestFirstWithTheOnesRecordedHerePending() {
        local.desk.checkIns().byStaff(DemoGym.MANAGER, find("Perlman").id());

        select("Perlman");

        assertEquals(2, model.visitLines().size(), model.visitLines().toString());
        assertTrue(model.visitLines().get(0).endsWith("refused (Already checked in) · Pending"), model.visitLines().get(0));
        assertTrue(model.visitLines().get(1).endsWith("admitted"), model.visitLines().get(1));
    }

    @Test
    void healthNotesNeedAConnectionForAManagerAndAreNotOfferedToTheFrontDesk() {
        select("Lovelace");
        assertEquals(NotesState.NOT_LOADED, model.notesStateProperty().get());
        model.loadHealthNotes();
        assertEquals(NotesState.NEEDS_CONNECTION, model.notesStateProperty().get());
        assertEquals("Health notes need a connection.", model.notesProperty().get());

        MembersViewModel frontDesk = new MembersViewModel(local.desk, new CurrentStaff(new StaffProfile(
                DemoGym.FRONT_DESK, DemoGym.FRONT_DESK_EMAIL, "Felix Front", Role.FRONT_DESK, false)),
                new DirectTaskExecutor(), local.texts, local.models.zone, local.clock);
        frontDesk.selectedProperty().set(find("Lovelace"));
        assertEquals(NotesState.HIDDEN, frontDesk.notesStateProperty().get());
        frontDesk.loadHealthNotes();
        assertEquals(NotesState.HIDDEN, frontDesk.notesStateProperty().get());
        assertEquals("", frontDesk.notesProperty().get());
    }
}
