package app.spotter.server.sync.feed;

import app.spotter.server.bookings.BookingRecord;
import app.spotter.server.checkins.CheckInRecord;
import app.spotter.server.locations.EquipmentRecord;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.locations.RoomRecord;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.memberships.CreditEntryRecord;
import app.spotter.server.memberships.MembershipFreezeRecord;
import app.spotter.server.memberships.MembershipRecord;
import app.spotter.server.plans.PlanRecord;
import app.spotter.server.schedule.SessionRecord;
import app.spotter.server.schedule.TimeSlotRecord;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Hibernate;
import org.hibernate.Session;

/**
 * The entities a desk mirrors, under their stable wire names, with the location each row belongs to
 * and how its row is shaped for the wire (public fields as JSON, minus secrets). Features added later
 * (seat leases, conflicts) {@link #register} their own entities.
 */
public final class SyncedEntities {

    /** Where a row belongs: a location id, or null when every device sees it. */
    @FunctionalInterface
    public interface LocationOf<E> {
        UUID of(Session session, E row);
    }

    /** Changes the JSON object of a row before it leaves the server (drops secrets, adds derived fields). */
    @FunctionalInterface
    public interface RowShape<E> {
        void shape(E row, Map<String, Object> json);
    }

    /**
     * One synced entity type. Its entity has a UUID field {@code id}. {@code slotField} names its
     * public UUID field holding the slot it belongs to ({@code id} for the slot itself) when its rows
     * follow the schedule window (docs/sync.md "Pull"); null when every row is sent whatever its time.
     */
    public record SyncedType<E>(String name, Class<E> entity, LocationOf<E> location, RowShape<E> shape,
                                String slotField) {

        UUID locationOf(Session session, Object row) {
            return location == null ? null : location.of(session, entity.cast(Hibernate.unproxy(row)));
        }

        public boolean windowed() {
            return slotField != null;
        }

        /** When the slot of this row starts, or null when the type is not windowed (or the slot is gone). */
        Instant slotStartsAt(Session session, Object row) {
            if (slotField == null) {
                return null;
            }
            Object entityRow = Hibernate.unproxy(row);
            if (entityRow instanceof TimeSlotRecord slot) {
                return slot.startsAt;
            }
            UUID slotId = slotIdOf(entityRow);
            TimeSlotRecord slot = slotId == null ? null : session.find(TimeSlotRecord.class, slotId);
            return slot == null ? null : slot.startsAt;
        }

        UUID slotIdOf(Object row) {
            try {
                return (UUID) entity.getField(slotField).get(Hibernate.unproxy(row));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(entity.getSimpleName() + " has no public field " + slotField, e);
            }
        }
    }

    /** Tables that hold credentials, keys or the audit trail: never on the wire, whoever asks. */
    private static final Set<String> NEVER_SYNCED = Set.of("app_user", "refresh_token", "role_permission",
            "audit_entry", "server_key", "device", "pairing_code");
    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
    };

    private final Map<String, SyncedType<?>> byName = new ConcurrentHashMap<>();
    private final Map<Class<?>, SyncedType<?>> byClass = new ConcurrentHashMap<>();
    private final ObjectMapper rows = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
            .build();

    /** The entities of the gym's domain as desks mirror them. */
    public static SyncedEntities standard() {
        SyncedEntities s = new SyncedEntities();
        s.register("location", LocationRecord.class, null);
        s.register("room", RoomRecord.class, (session, r) -> r.locationId);
        s.register("equipment", EquipmentRecord.class, (session, e) -> e.locationId);
        s.register("plan", PlanRecord.class, null);
        s.register("member", MemberRecord.class, null, (m, json) -> {
            json.remove("healthNotesEncrypted");
            json.remove("pinHash");
            json.put("hasPin", m.pinHash != null);
        });
        s.register("membership", MembershipRecord.class, null);
        s.register("membershipFreeze", MembershipFreezeRecord.class, null);
        s.register("creditEntry", CreditEntryRecord.class, null);
        s.register("session", SessionRecord.class, (session, r) -> r.locationId);
        s.register("slot", TimeSlotRecord.class, (session, slot) -> sessionLocation(session, slot.sessionId));
        s.register("booking", BookingRecord.class, (session, b) -> {
            TimeSlotRecord slot = b.slotId == null ? null : session.find(TimeSlotRecord.class, b.slotId);
            return slot == null ? null : sessionLocation(session, slot.sessionId);
        });
        s.register("checkIn", CheckInRecord.class, (session, c) -> c.locationId);
        s.windowBySlot("slot", "id");
        s.windowBySlot("booking", "slotId");
        return s;
    }

    private static UUID sessionLocation(Session session, UUID sessionId) {
        SessionRecord r = sessionId == null ? null : session.find(SessionRecord.class, sessionId);
        return r == null ? null : r.locationId;
    }

    public <E> void register(String name, Class<E> entity, LocationOf<E> location) {
        register(name, entity, location, null);
    }

    public <E> void register(String name, Class<E> entity, LocationOf<E> location, RowShape<E> shape) {
        Table table = entity.getAnnotation(Table.class);
        if (table != null && NEVER_SYNCED.contains(table.name())) {
            throw new IllegalArgumentException(table.name() + " rows never leave the server");
        }
        SyncedType<E> type = new SyncedType<>(name, entity, location, shape, null);
        if (byName.putIfAbsent(name, type) != null || byClass.putIfAbsent(entity, type) != null) {
            throw new IllegalArgumentException("Already synced: " + name + " / " + entity.getSimpleName());
        }
    }

    /**
     * Makes a registered type follow the schedule window: its rows go to a desk only while the slot
     * named by its public UUID field {@code slotField} starts inside the desk's window.
     */
    public void windowBySlot(String name, String slotField) {
        SyncedType<?> type = byName.get(name);
        if (type == null) {
            throw new IllegalArgumentException("Not synced: " + name);
        }
        try {
            if (type.entity().getField(slotField).getType() != UUID.class) {
                throw new IllegalArgumentException(slotField + " of " + name + " is not a UUID");
            }
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException(type.entity().getSimpleName() + " has no public field " + slotField, e);
        }
        SyncedType<?> windowed = windowed(type, slotField);
        byName.put(name, windowed);
        byClass.put(type.entity(), windowed);
    }

    private static <E> SyncedType<E> windowed(SyncedType<E> t, String slotField) {
        return new SyncedType<>(t.name(), t.entity(), t.location(), t.shape(), slotField);
    }

    /** The windowed types (slot, booking, seat lease...). */
    public List<SyncedType<?>> windowedTypes() {
        return byName.values().stream().filter(SyncedType::windowed)
                .sorted(java.util.Comparator.comparing(SyncedType::name)).toList();
    }

    /**
     * Adds a shape to an entity type already registered, run after its own: for derived fields that
     * need a service built after the feed (the member's signed card code).
     */
    @SuppressWarnings("unchecked")
    public <E> void alsoShape(String name, Class<E> entity, RowShape<E> more) {
        SyncedType<E> type = (SyncedType<E>) byName.get(name);
        if (type == null || type.entity() != entity) {
            throw new IllegalArgumentException("Not synced as " + name + ": " + entity.getSimpleName());
        }
        RowShape<E> first = type.shape();
        RowShape<E> both = first == null ? more : (row, json) -> {
            first.shape(row, json);
            more.shape(row, json);
        };
        SyncedType<E> shaped = new SyncedType<>(name, entity, type.location(), both, type.slotField());
        byName.put(name, shaped);
        byClass.put(entity, shaped);
    }

    public Optional<SyncedType<?>> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return Set.copyOf(byName.keySet());
    }

    /** The synced type of an entity instance, or null when its rows are not synced. */
    SyncedType<?> of(Object entity) {
        return byClass.get(Hibernate.getClass(entity));
    }

    /** The row as a desk mirrors it: its public fields, shaped (secrets removed). */
    <E> Map<String, Object> row(SyncedType<E> type, Object entity) {
        E row = type.entity().cast(Hibernate.unproxy(entity));
        Map<String, Object> json = rows.convertValue(row, ROW);
        if (type.shape() != null) {
            type.shape().shape(row, json);
        }
        return json;
    }

    String write(Map<String, Object> row) {
        try {
            return rows.writeValueAsString(row);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A synced row could not be written as JSON", e);
        }
    }

    Map<String, Object> read(String data) {
        try {
            return rows.readValue(data, ROW);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A change of the feed is not JSON", e);
        }
    }
}
