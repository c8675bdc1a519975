package app.spotter.client.support;

import app.spotter.client.Desk;
import app.spotter.client.store.DeskJson;
import app.spotter.client.store.DeskStore;
import app.spotter.client.store.DeviceState;
import app.spotter.client.store.Feed;
import app.spotter.client.store.Mirror;
import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import app.spotter.model.common.SlotId;
import app.spotter.model.sync.SyncApi;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * A desk with no server behind it: an in-memory store whose device row is filled in as if it had
 * enrolled, and helpers that put confirmed rows into the mirror as a pull would.
 */
public final class LocalDesk implements AutoCloseable {

    public static final String ZONE = "Europe/Berlin";

    public final String name = "desk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T07:00:00Z"));
    public final KeyPair cardKeys = MemberQrCodes.newSigningKeys();
    public final String deviceId = UUID.randomUUID().toString();
    public DeskStore store;
    public Desk desk;
    private final Mirror mirror = new Mirror(DeskJson.mapper());
    private final java.util.function.Supplier<UUID> ids;
    private long position;

    public LocalDesk() {
        this(UUID::randomUUID);
    }

    /** A desk that mints its ids (operations, members, bookings, check-ins) from {@code ids}. */
    public LocalDesk(java.util.function.Supplier<UUID> ids) {
        this.ids = ids;
        open();
        store.run(session -> {
            DeviceState state = session.find(DeviceState.class, DeviceState.ID);
            state.deviceId = deviceId;
            state.deviceSecret = "secret";
            state.locationId = UUID.randomUUID().toString();
            state.zoneId = ZONE;
            state.memberCardPublicKey = MemberQrCodes.encodePublicKey(cardKeys.getPublic());
        });
    }

    /** Opens (or reopens, after {@link #crash()}) the same in-memory database. */
    public void open() {
        store = DeskStore.inMemory(name);
        // Nothing listens on port 9: every call fails fast, as with the network down.
        desk = new Desk(store, new Desk.Settings("http://127.0.0.1:9", new OkHttpClient(), clock, Duration.ofSeconds(30),
                new java.util.Random(1), app.spotter.model.booking.BookingPolicy.standard(),
                app.spotter.model.checkin.CheckInPolicy.standard(), ids));
    }

    /** The desk process dies: its pool and Hibernate go away, the database file (here: memory) stays. */
    public void crash() {
        desk.close();
        store.close();
    }

    public void pulled(String entityType, String id, Map<String, Object> data) {
        store.run(session -> mirror.apply(session, new SyncApi.Change(++position, entityType, id, SyncApi.ChangeKind.UPSERT,
                data)));
    }

    public MemberId member(String lastName, int cardVersion) {
        MemberId id = MemberId.random();
        pulled(Feed.MEMBER, id.toString(), row("id", id, "memberNumber", String.valueOf(1000 + position),
                "firstName", "Ada", "lastName", lastName, "cardVersion", cardVersion, "versionVector", "server=1"));
        return id;
    }

    public UUID plan(String kind) {
        UUID id = UUID.randomUUID();
        pulled(Feed.PLAN, id.toString(), row("id", id, "kind", kind));
        return id;
    }

    public MembershipId membership(MemberId member, String planKind, int credits) {
        MembershipId id = MembershipId.random();
        pulled(Feed.MEMBERSHIP, id.toString(), row("id", id, "memberId", member, "planId", plan(planKind),
                "status", "ACTIVE", "startsOn", LocalDate.parse("2026-01-01").toString()));
        if (credits != 0) {
            UUID entry = UUID.randomUUID();
            pulled(Feed.CREDIT_ENTRY, entry.toString(), row("id", entry, "membershipId", id, "delta", credits,
                    "reason", "PURCHASE"));
        }
        return id;
    }

    public SlotId slot(Instant startsAt, int capacity, int seatsTaken) {
        SlotId id = SlotId.random();
        pulled(Feed.SLOT, id.toString(), slotRow(id, startsAt, capacity, seatsTaken, 0));
        return id;
    }

    public Map<String, Object> slotRow(SlotId id, Instant startsAt, int capacity, int seatsTaken, int seatsLeased) {
        return row("id", id, "startsAt", startsAt.toString(), "endsAt", startsAt.plus(Duration.ofHours(1)).toString(),
                "zoneId", ZONE, "capacity", capacity, "seatsTaken", seatsTaken, "seatsLeased", seatsLeased,
                "status", "SCHEDULED");
    }

    public UUID lease(SlotId slot, int seats, int used, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        pulled(Feed.SEAT_LEASE, id.toString(), row("id", id, "slotId", slot, "deviceId", deviceId, "seats", seats,
                "used", used, "expiresAt", expiresAt.toString()));
        return id;
    }

    public static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            row.put((String) pairs[i], v instanceof Number || v instanceof Boolean || v == null ? v : v.toString());
        }
        return row;
    }

    @Override
    public void close() {
        desk.close();
        store.shutdown();
    }
}
