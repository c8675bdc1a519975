package app.spotter.desk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.DirectTaskExecutor;
import app.spotter.model.checkin.CheckInReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The check-in view model on a real desk store, without a stage. */
class CheckInViewModelTest {

    private final DemoDesk local = new DemoDesk();
    private final CheckInViewModel model = local.models(new DirectTaskExecutor()).checkIn;

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void aScannedCardIsDecidedAndTheFieldClearedForTheNextScan() {
        model.scanTextProperty().set(local.card(local.gym.margaret()) + "\n");

        model.submitScan();

        DoorAnswer answer = model.answerProperty().get();
        assertTrue(answer.admitted());
        assertEquals("Margaret Hamilton", answer.name());
        assertEquals("Monthly unlimited", answer.planName());
        assertNull(answer.credits());
        assertEquals("", model.scanTextProperty().get());
    }

    @Test
    void aSecondScanInTheSameVisitIsRefusedAsAlreadyCheckedIn() {
        model.scanTextProperty().set(local.card(local.gym.ada()));
        model.submitScan();
        model.scanTextProperty().set(local.card(local.gym.ada()));
        model.submitScan();

        assertEquals(CheckInReason.ALREADY_CHECKED_IN, model.answerProperty().get().reason());
    }

    @Test
    void anExpiredMembershipIsRefusedWithItsReason() {
        model.scanTextProperty().set(local.card(local.gym.barbara()));

        model.submitScan();

        assertFalse(model.answerProperty().get().admitted());
        assertEquals(CheckInReason.MEMBERSHIP_EXPIRED, model.answerProperty().get().reason());
    }

    @Test
    void anUnknownMemberNumberOnThePadIsMemberNotFound() {
        model.pressDigit(9);
        model.pressDigit(9);
        model.submitPad();

        assertEquals(CheckInReason.UNKNOWN_MEMBER, model.answerProperty().get().reason());
        assertEquals("?", model.answerProperty().get().initials());
    }

    @Test
    void searchFindsMembersByFullNameByPhoneAndByNumberAndLetsThemIn() {
        model.searchTextProperty().set("Grace Hopper");
        model.search();
        assertEquals(1, model.matches().size());

        model.searchTextProperty().set("1004");
        model.search();
        assertEquals("Dijkstra", model.matches().getFirst().lastName());

        model.letIn(model.matches().getFirst());
        assertEquals(CheckInReason.MEMBERSHIP_FROZEN, model.answerProperty().get().reason());
        assertTrue(model.matches().isEmpty());
    }
}
