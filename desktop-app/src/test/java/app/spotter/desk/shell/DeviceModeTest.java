package app.spotter.desk.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.staff.StaffProfile;
import app.spotter.desk.DeskViewModels;
import app.spotter.desk.demo.DemoGym;
import app.spotter.desk.support.DemoDesk;
import app.spotter.desk.ui.DirectTaskExecutor;
import app.spotter.model.access.Role;
import app.spotter.model.sync.DeviceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A manager changes what this device is used for from the manager screen; nobody else can. */
class DeviceModeTest {

    private final DemoDesk local = new DemoDesk();
    private final DeskViewModels models = local.models(new DirectTaskExecutor());

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void aManagerTurnsTheDeskIntoAScannerStationAtOnce() {
        models.manager.switchMode(DeviceKind.SCANNER);

        assertEquals(DeviceKind.SCANNER, models.shell.modeProperty().get(), "stored by the app for the next start");
        assertTrue(models.shell.scannerProperty().get());
        assertFalse(models.shell.kioskProperty().get());
    }

    @Test
    void frontDeskStaffCannotChangeTheMode() {
        models.staff.profileProperty().set(new StaffProfile(DemoGym.FRONT_DESK, DemoGym.FRONT_DESK_EMAIL, "Felix",
                Role.FRONT_DESK, false));

        models.manager.switchMode(DeviceKind.KIOSK);

        assertEquals(DeviceKind.FRONT_DESK, models.shell.modeProperty().get());
        assertFalse(models.shell.kioskProperty().get());
        assertEquals("Only managers can change what this device is used for.", models.manager.messageProperty().get());
    }
}
