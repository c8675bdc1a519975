package app.spotter.model.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypedIdsTest {

    private static final String TEXT = "3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c";
    private static final List<Class<? extends Record>> ID_TYPES = List.of(MemberId.class, PlanId.class,
            MembershipId.class, SessionId.class, SlotId.class, BookingId.class, CheckInId.class, LocationId.class,
            RoomId.class, EquipmentId.class, UserId.class, DeviceId.class);

    @Test
    void anIdReadsAndWritesAsItsPlainUuid() {
        MemberId id = MemberId.of(TEXT);
        assertEquals(UUID.fromString(TEXT), id.value());
        assertEquals(TEXT, id.toString());
    }

    @Test
    void anUppercaseUuidIsTheSameId() {
        assertEquals(SlotId.of(TEXT), SlotId.of(TEXT.toUpperCase()));
    }

    @Test
    void textThatIsNotAUuidIsRefused() {
        for (String text : new String[] {null, "", "member-1", "1-2-3-4-5", TEXT + "0", " " + TEXT}) {
            assertThrows(IllegalArgumentException.class, () -> MemberId.of(text), String.valueOf(text));
        }
    }

    @Test
    void anIdNeedsAUuid() {
        assertThrows(NullPointerException.class, () -> new BookingId(null));
    }

    @Test
    void randomIdsDiffer() {
        assertNotEquals(DeviceId.random(), DeviceId.random());
    }

    @Test
    void idsOfDifferentKindsAreNeverEqual() {
        assertNotEquals(MemberId.of(TEXT), (Object) UserId.of(TEXT));
    }

    @Test
    void everyIdTypeSerializesAsItsUuidString() throws ReflectiveOperationException {
        for (Class<? extends Record> type : ID_TYPES) {
            var toString = type.getMethod("toString");
            var of = type.getMethod("of", String.class);
            assertTrue(toString.isAnnotationPresent(JsonValue.class), type.getSimpleName() + " lacks @JsonValue");
            assertEquals(JsonCreator.Mode.DELEGATING, of.getAnnotation(JsonCreator.class).mode(), type.getSimpleName());
            Object id = of.invoke(null, TEXT);
            assertEquals(TEXT, id.toString(), type.getSimpleName());
            assertEquals(id, type.getMethod("of", String.class).invoke(null, id.toString()), type.getSimpleName());
            assertNotEquals(id, type.getMethod("random").invoke(null), type.getSimpleName());
        }
    }
}
