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
import java.util.LinkedHashMap;
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

    /** One synced entity type. Its entity has a UUID field {@code id}. */
    public record SyncedType<E>(String name, Class<E> entity, LocationOf<E> location, RowShape<E> shape) {

        UUID locationOf(Session session, Object row) {
            return location == null ? null : location.of(session, entity.cast(Hibernate.unproxy(row)));
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
        SyncedType<E> type = new SyncedType<>(name, entity, location, shape);
        if (byName.putIfAbsent(name, type) != null || byClass.putIfAbsent(entity, type) != null) {
            throw new IllegalArgumentException("Already synced: " + name + " / " + entity.getSimpleName());
        }
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
        SyncedType<E> shaped = new SyncedType<>(name, entity, type.location(), both);
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
