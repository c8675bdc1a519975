package app.spotter.desk.kiosk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ManagerPinTest {

    @Test
    void theStoredHashMatchesOnlyThePinItWasMadeFrom() {
        ManagerPin stored = ManagerPin.parse(ManagerPin.of("2468").stored());

        assertTrue(stored.matches("2468"));
        assertFalse(stored.matches("2469"));
        assertFalse(stored.matches(""));
        assertFalse(stored.stored().contains("2468"));
    }
}
