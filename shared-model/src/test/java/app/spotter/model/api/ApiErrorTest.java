package app.spotter.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void anErrorAboutTheWholeRequestNamesNoField() {
        assertNull(ApiError.of("SLOT_FULL", "This class is full").field());
    }

    @Test
    void anErrorAboutOneFieldNamesIt() {
        assertEquals("email", ApiError.onField("INVALID", "Not an e-mail address", "email").field());
    }

    @Test
    void anErrorNeedsACodeAndAMessage() {
        assertThrows(IllegalArgumentException.class, () -> ApiError.of(" ", "Something"));
        assertThrows(NullPointerException.class, () -> ApiError.of("SLOT_FULL", null));
    }
}
