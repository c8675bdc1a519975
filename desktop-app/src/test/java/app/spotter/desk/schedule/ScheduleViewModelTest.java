package app.spotter.desk.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.DirectTaskExecutor;
import app.spotter.model.common.SlotId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schedule's view model on a real desk store, without a stage (same-thread executor). */
class ScheduleViewModelTest {

    private final DemoDesk local = new DemoDesk();
    private ScheduleViewModel model;

    @BeforeEach
    void open() {
        model = local.models(new DirectTaskExecutor()).schedule;
        model.memberQueryProperty().set("1002");
        model.chooseMember();
    }

    @AfterEach
    void close() {
        local.close();
    }

    private SlotItem item(SlotId slot) {
        return model.slots().stream().filter(i -> i.slot().id().equals(slot)).findFirst().orElseThrow();
    }

    @Test
    void theDayListsTheGymsClassesInOrderWithTheirCapacity() {
        assertEquals(7, model.slots().size());
        assertEquals(java.util.List.of("CLASS", "CLASS", "PERSONAL_TRAINING", "CLASS", "EQUIPMENT", "CLASS", "CLASS"),
                model.slots().stream().map(i -> i.slot().kind()).toList(), "classes, PT and a machine, by start");
        assertEquals("Spin 45", model.slots().getFirst().slot().title());
        assertEquals(12, item(local.gym.spin()).slot().capacity());
        assertTrue(item(local.gym.hiit()).full());
    }

    @Test
    void aBookingInsideTheDesksSeatLeaseIsConfirmedAndShownPending() {
        model.book(item(local.gym.boxing()), false);

        assertEquals("Booked.", model.messageProperty().get());
        SlotItem boxing = item(local.gym.boxing());
        assertEquals("CONFIRMED", boxing.memberBooking().status());
        assertTrue(boxing.memberBooking().pending(), "marked pending until the server answers");
        assertEquals(1, boxing.pendingBookings());
    }

    @Test
    void aFullClassIsRefusedWithTheReasonAndNothingIsQueued() {
        model.book(item(local.gym.hiit()), false);

        assertEquals("Not booked: This class is full", model.messageProperty().get());
        assertTrue(model.messageIsRefusalProperty().get());
        assertNull(item(local.gym.hiit()).memberBooking());
        assertEquals(0, local.desk.pendingOperations());
    }

    @Test
    void aFullClassTakesTheMemberOnTheWaitlist() {
        model.book(item(local.gym.hiit()), true);

        assertEquals("WAITLISTED", item(local.gym.hiit()).memberBooking().status());
    }

    @Test
    void cancellingABookingQueuesTheCancellationAndShowsItPending() {
        model.book(item(local.gym.boxing()), false);

        model.cancel(item(local.gym.boxing()));

        assertEquals("Cancellation queued.", model.messageProperty().get());
        assertEquals(2, local.desk.pendingOperations());
    }

    @Test
    void bookingWithoutAChosenMemberAsksForOne() {
        model.memberQueryProperty().set("");
        model.chooseMember();

        model.book(item(local.gym.boxing()), false);

        assertEquals("Choose a member first.", model.messageProperty().get());
    }

    @Test
    void theWeekRunsMondayToSundayAndTheArrowsMoveByAWeek() {
        java.time.LocalDate today = model.dayProperty().get();
        model.showSpan(ScheduleViewModel.Span.WEEK);

        assertEquals(7, model.days().size());
        assertEquals(java.time.DayOfWeek.MONDAY, model.days().getFirst().getDayOfWeek());
        assertTrue(model.days().contains(today));
        // Today's 7 slots plus 4 on each other day of the week.
        assertEquals(7 + 4 * 6, model.slots().size());
        assertTrue(model.slots().stream().allMatch(i -> model.days().contains(
                i.slot().startsAt().atZone(model.zone()).toLocalDate())), "only slots of the shown week");

        model.next();
        assertEquals(today.plusDays(7), model.dayProperty().get());
        model.previous();
        model.previous();
        assertEquals(today.minusDays(7), model.dayProperty().get());
        model.today();
        assertEquals(today, model.dayProperty().get());
        model.toggleSpan();
        assertEquals(java.util.List.of(today), model.days());
        assertEquals(7, model.slots().size());
    }

    @Test
    void theSelectedSlotIsBookedAndStaysSelectedWithItsNewState() {
        model.bookSelected(false);
        assertEquals("Choose a slot in the calendar first.", model.messageProperty().get());

        model.select(item(local.gym.boxing()));
        model.bookSelected(false);

        SlotItem selected = model.selectedProperty().get();
        assertEquals(local.gym.boxing(), selected.slot().id());
        assertTrue(selected.memberHoldsPlace(), "the detail shows the booking the reload brought");
        assertTrue(selected.memberBooking().pending());

        model.cancelSelected();
        assertEquals("Cancellation queued.", model.messageProperty().get());
    }

    @Test
    void theArrowKeysWalkTheSlotsInTimeOrderAndWrap() {
        model.selectNext(1);
        assertEquals(local.gym.spin(), model.selectedProperty().get().slot().id());
        model.selectNext(-1);
        assertEquals(model.slots().getLast(), model.selectedProperty().get());
        model.selectNext(1);
        model.selectNext(1);
        assertEquals(model.slots().get(1), model.selectedProperty().get());
    }
}
