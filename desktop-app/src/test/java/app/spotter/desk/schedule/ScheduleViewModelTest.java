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
}
