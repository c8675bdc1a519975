package app.spotter.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.common.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeskStartupTest {

    private static final String STAFF = "15d2e226-f23a-47ca-9493-a914346c35cc";

    @Test
    void theCommandLinePairsAFreshDeskAtStart() {
        DeskStartup s = DeskStartup.parse(List.of("--server", "http://127.0.0.1:8080", "--pairing-code", "AB12-CD34",
                "--name", "Reception 2", "--staff-id", STAFF), Map.of());
        assertTrue(s.pairsAtStart());
        assertEquals("http://127.0.0.1:8080", s.serverUrl());
        assertEquals("AB12-CD34", s.pairingCode());
        assertEquals("Reception 2", s.deskName());
        assertEquals(Optional.of(UserId.of(STAFF)), s.staff());
    }

    @Test
    void theEnvironmentFillsWhatTheCommandLineLacks() {
        DeskStartup s = DeskStartup.parse(List.of("--pairing-code=XY"), Map.of("SPOTTER_SERVER_URL", "http://h:1",
                "SPOTTER_PAIRING_CODE", "ignored"));
        assertEquals("http://h:1", s.serverUrl());
        assertEquals("XY", s.pairingCode());
        assertEquals("Front desk", s.deskName());
        assertEquals(Optional.empty(), s.staff());
    }

    @Test
    void withoutACodeOrInDemoModeNothingIsPaired() {
        assertFalse(DeskStartup.parse(List.of("--server", "http://h:1"), Map.of()).pairsAtStart());
        assertFalse(DeskStartup.parse(List.of("--demo", "--server", "http://h:1", "--pairing-code", "C"), Map.of())
                .pairsAtStart());
        assertFalse(DeskStartup.parse(List.of(), Map.of("SPOTTER_PAIRING_CODE", " ")).pairsAtStart());
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DeskStartup.parse(List.of("--server"), Map.of()));
    }
}
