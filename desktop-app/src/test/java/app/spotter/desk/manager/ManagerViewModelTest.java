package app.spotter.desk.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.booking.SlotView;
import app.spotter.client.sync.ConflictView;
import app.spotter.desk.DeskViewModels;
import app.spotter.desk.demo.DemoGym;
import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.DirectTaskExecutor;
import app.spotter.model.sync.SyncApi;
import app.spotter.model.common.MembershipId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The manager's screen on the demo desk at 08:00 (three members came in earlier, two conflicts open). */
class ManagerViewModelTest {

    private final DemoDesk local = new DemoDesk();
    private final DeskViewModels models = local.models(new DirectTaskExecutor());
    private final ManagerViewModel model = models.manager;

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void theDayCountsCheckInsAndWhoCameInTheLastThreeHoursIncludingOnesNotSyncedYet() {
        model.refresh();
        // 03:00, 06:50 and 07:35: all today, the last two within three hours of 08:00
        assertEquals(3, model.checkInsTodayProperty().get(), model.messageProperty().get());
        assertEquals(2, model.inClubNowProperty().get());

        local.desk.checkIns().byQr(models.staff.user(), local.card(local.gym.grace()));
        model.refresh();

        assertEquals(4, model.checkInsTodayProperty().get());
        assertEquals(3, model.inClubNowProperty().get());
    }

    @Test
    void todaysClassesShowTheirFill() {
        model.refresh();

        List<SlotView> classes = model.classes();
        assertEquals(List.of("Spin 45", "Yoga flow", "HIIT", "Pilates", "Boxing basics"),
                classes.stream().map(SlotView::title).toList());
        SlotView hiit = classes.get(2);
        assertEquals(10, hiit.seatsTaken());
        assertEquals(10, hiit.capacity());
    }

    @Test
    void eachConflictComesWithItsFactsAndOneActionPerResolution() {
        model.refresh();

        assertEquals(2, model.conflicts().size());
        ConflictView lost = model.conflicts().get(0);
        assertEquals(SyncApi.ConflictKind.TENTATIVE_BOOKING_LOST, lost.kind());
        assertEquals(List.of("ACCEPT", "ADD_SEAT"), lost.resolutions());
        assertEquals("A booking made offline did not get a seat", model.kind(lost));
        assertNull(lost.pendingResolution());
    }

    @Test
    void aLostBookingNamesTheMemberTheClassAndItsTimeTheReasonAndTheDesk() {
        model.refresh();

        ConflictView lost = model.conflicts().get(0);
        String noonInBerlin = ConflictFacts.when(Locale.ENGLISH).format(LocalDate.now(DemoGym.ZONE).atTime(12, 15));
        assertEquals("Member: Alan Turing (1003)  ·  Class: HIIT, " + noonInBerlin
                + "  ·  Why: This class is full  ·  Desk: this desk", model.facts(lost));
        assertTrue(model.facts(lost).contains("12:15"), "the class's time in the desk's zone: " + model.facts(lost));
        assertFalse(model.facts(lost).contains(lost.entityId()), "the booking's own id is left out");
    }

    @Test
    void anOverdrawnCreditNamesTheMemberThePlanAndTheBalanceAndShowsUnknownIdsAsSent() {
        MembershipId pack = local.desk.members().membershipsOf(local.gym.grace(), LocalDate.now(DemoGym.ZONE)).get(0)
                .snapshot().id();
        String otherDesk = UUID.randomUUID().toString();
        String ghost = UUID.randomUUID().toString();
        Instant fiveToSeven = LocalDate.now(DemoGym.ZONE).atTime(6, 55).atZone(DemoGym.ZONE).toInstant();
        UUID entry = UUID.randomUUID();
        local.gym.gym().conflict("CREDIT_OVERDRAWN", "Membership", pack, "{\"checkInId\":\"" + entry
                + "\",\"memberId\":\"" + local.gym.grace() + "\",\"membershipId\":\"" + pack
                + "\",\"deviceId\":\"" + otherDesk + "\",\"decidedAt\":\"" + fiveToSeven
                + "\",\"onGrace\":false,\"balance\":-1}", fiveToSeven.plusSeconds(60));
        local.gym.gym().conflict("SAME_FIELD_EDIT", "Member", ghost, "{\"memberId\":\"" + ghost
                + "\",\"field\":\"phone\",\"serverValue\":\"+49 30 999\"}", fiveToSeven.plusSeconds(120));

        model.refresh();

        assertEquals(4, model.conflicts().size());
        ConflictView overdrawn = model.conflicts().stream()
                .filter(c -> c.kind() == SyncApi.ConflictKind.CREDIT_OVERDRAWN).findFirst().orElseThrow();
        String at = ConflictFacts.when(Locale.ENGLISH).format(LocalDate.now(DemoGym.ZONE).atTime(6, 55));
        assertEquals("Member: Grace Hopper (1002)  ·  Membership: 10-class pack  ·  At the door: " + at
                + "  ·  Credits left: -1  ·  Desk: " + otherDesk, model.facts(overdrawn));
        ConflictView edit = model.conflicts().stream()
                .filter(c -> c.kind() == SyncApi.ConflictKind.SAME_FIELD_EDIT).findFirst().orElseThrow();
        assertEquals("Member: " + ghost + "  ·  Field: phone  ·  Value on the server: +49 30 999", model.facts(edit));
    }

    @Test
    void resolvingQueuesTheOperationInTheManagersNameAndTheRowShowsPending() {
        model.refresh();
        ConflictView lost = model.conflicts().get(0);

        model.resolve(lost, "ADD_SEAT");

        ConflictView shown = model.conflicts().get(0);
        assertEquals(lost.id(), shown.id());
        assertEquals("ADD_SEAT", shown.pendingResolution());
        assertEquals(1, local.desk.pendingOperations());
        assertEquals(DemoGym.MANAGER.value(), local.store.inTransaction(s -> s.createSelectionQuery(
                "select actor from OutboxEntry where type = 'RESOLVE_CONFLICT'", UUID.class).getSingleResult()));
        assertTrue(model.messageProperty().get().contains("Add a seat"), model.messageProperty().get());

        model.resolve(shown, "ACCEPT");
        assertEquals(1, local.desk.pendingOperations(), "a pending conflict is not resolved twice");
    }

    @Test
    void frontDeskStaffCannotResolve() {
        models.shell.logOut();
        models.staff.logIn(new app.spotter.client.staff.StaffProfile(DemoGym.FRONT_DESK, DemoGym.FRONT_DESK_EMAIL,
                "Felix Front", app.spotter.model.access.Role.FRONT_DESK, true));
        model.refresh();

        model.resolve(model.conflicts().get(0), "ACCEPT");

        assertEquals(0, local.desk.pendingOperations());
        assertEquals("Only managers can resolve conflicts.", model.messageProperty().get());
    }
}
