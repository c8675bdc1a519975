package app.spotter.desk.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.desk.DeskViewModels;
import app.spotter.desk.demo.DemoGym;
import app.spotter.desk.shell.Screen;
import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.DirectTaskExecutor;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff login on the offline demo desk (no server answers): the cached logins decide, and what
 * the logged-in person does is recorded in their name. The online half is in sync-client's
 * StaffLoginTest and the end-to-end DeskAgainstServerScreenTest.
 */
class LoginViewModelTest {

    private final DemoDesk local = new DemoDesk();
    private DeskViewModels models;
    private LoginViewModel login;

    @BeforeEach
    void loggedOut() {
        DemoGym.staff(local.desk);
        models = local.models(new DirectTaskExecutor());
        models.shell.logOut();
        login = models.login;
    }

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void staffWhoLoggedInHereBeforeLogInOfflineAndTheirChangesCarryTheirId() {
        login.emailProperty().set(DemoGym.FRONT_DESK_EMAIL);
        login.passwordProperty().set(DemoGym.STAFF_PASSWORD);

        login.logIn();

        assertEquals("", login.errorProperty().get());
        assertTrue(models.shell.loggedInBinding().get());
        assertEquals(DemoGym.FRONT_DESK, models.staff.user());
        assertEquals("", login.passwordProperty().get(), "the password is not kept");
        UUID opId = local.desk.checkIns().byStaff(models.staff.user(), local.gym.margaret()).opId();
        UUID actor = local.store.inTransaction(s -> s.createSelectionQuery(
                "select actor from OutboxEntry where opId = :id", UUID.class).setParameter("id", opId).getSingleResult());
        assertEquals(DemoGym.FRONT_DESK.value(), actor);
    }

    @Test
    void aWrongPasswordIsRefusedOffline() {
        login.emailProperty().set(DemoGym.MANAGER_EMAIL);
        login.passwordProperty().set("guessing");

        login.logIn();

        assertEquals("Wrong e-mail or password.", login.errorProperty().get());
        assertFalse(models.shell.loggedInBinding().get());
        assertNull(models.staff.user());
    }

    @Test
    void someoneWhoNeverLoggedInHereIsToldToLogInOnceOnline() {
        login.emailProperty().set("new.hire@demo.spotter.app");
        login.passwordProperty().set(DemoGym.STAFF_PASSWORD);

        login.logIn();

        assertTrue(login.errorProperty().get().startsWith("The server cannot be reached"), login.errorProperty().get());
        assertFalse(models.shell.loggedInBinding().get());
    }

    @Test
    void onlyManagersReachTheManagerScreen() {
        login.emailProperty().set(DemoGym.FRONT_DESK_EMAIL);
        login.passwordProperty().set(DemoGym.STAFF_PASSWORD);
        login.logIn();
        models.shell.show(Screen.MANAGER);
        assertEquals(Screen.CHECK_IN, models.shell.screenProperty().get());
        assertFalse(models.shell.managesBinding().get());

        models.shell.logOut();
        login.emailProperty().set(DemoGym.MANAGER_EMAIL);
        login.passwordProperty().set(DemoGym.STAFF_PASSWORD);
        login.logIn();
        models.shell.show(Screen.MANAGER);

        assertEquals(Screen.MANAGER, models.shell.screenProperty().get());
        assertEquals("Mia Manager", models.shell.staffNameBinding().get());
    }

    @Test
    void missingFieldsAreSaidWithoutAskingAnyone() {
        login.emailProperty().set(DemoGym.MANAGER_EMAIL);

        login.logIn();

        assertEquals("E-mail and password are required.", login.errorProperty().get());
        assertFalse(models.shell.loggedInBinding().get());
    }
}
