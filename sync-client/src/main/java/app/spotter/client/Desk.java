package app.spotter.client;

import app.spotter.client.booking.Bookings;
import app.spotter.client.checkin.CheckIns;
import app.spotter.client.members.Members;
import app.spotter.client.outbox.LocalChanges;
import app.spotter.client.outbox.Outbox;
import app.spotter.client.staff.StaffLogins;
import app.spotter.client.staff.StaffProfile;
import app.spotter.client.store.DeskJson;
import app.spotter.client.store.DeskStore;
import app.spotter.client.store.DeviceState;
import app.spotter.client.store.Mirror;
import app.spotter.client.sync.EventStream;
import app.spotter.client.sync.Reconciliation;
import app.spotter.client.sync.ServerConnection;
import app.spotter.client.sync.SyncEngine;
import app.spotter.client.sync.SyncRunner;
import app.spotter.client.sync.SyncStatus;
import app.spotter.model.booking.BookingPolicy;
import app.spotter.model.checkin.CheckInPolicy;
import app.spotter.model.sync.DeviceKind;
import app.spotter.model.sync.SyncApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * The desk side of Spotter, built by hand from its parts: the local store, the outbox, the
 * features (bookings, check-ins, members, reconciliation) and the sync engine with its runner.
 * The JavaFX app builds one of these in its composition root.
 */
public final class Desk implements AutoCloseable {

    /**
     * How a desk is put together.
     *
     * @param serverUrl e.g. {@code http://127.0.0.1:7070}
     * @param http the transport; tests add interceptors that drop, lose, duplicate or delay calls
     * @param clock the desk's clock (tests skew it)
     * @param syncInterval how often to sync when nothing pokes the desk
     * @param random the backoff's jitter
     * @param ids where new ids come from (operations, bookings, members, check-ins): random in
     *            production; the simulation seeds it so a run replays bit for bit
     * @param offlineLoginValidity how long after the last online login a cached staff login works offline
     */
    public record Settings(String serverUrl, OkHttpClient http, Clock clock, Duration syncInterval,
                           RandomGenerator random, BookingPolicy bookingPolicy, CheckInPolicy checkInPolicy,
                           Supplier<UUID> ids, Duration offlineLoginValidity) {

        /** Random ids; a cached staff login works offline for 14 days. */
        public Settings(String serverUrl, OkHttpClient http, Clock clock, Duration syncInterval,
                        RandomGenerator random, BookingPolicy bookingPolicy, CheckInPolicy checkInPolicy) {
            this(serverUrl, http, clock, syncInterval, random, bookingPolicy, checkInPolicy, UUID::randomUUID,
                    StaffLogins.DEFAULT_OFFLINE_VALIDITY);
        }

        /** Random ids. */
        public Settings(String serverUrl, OkHttpClient http, Clock clock, Duration syncInterval,
                        RandomGenerator random, BookingPolicy bookingPolicy, CheckInPolicy checkInPolicy,
                        Duration offlineLoginValidity) {
            this(serverUrl, http, clock, syncInterval, random, bookingPolicy, checkInPolicy, UUID::randomUUID,
                    offlineLoginValidity);
        }

        /** A cached staff login works offline for 14 days. */
        public Settings(String serverUrl, OkHttpClient http, Clock clock, Duration syncInterval,
                        RandomGenerator random, BookingPolicy bookingPolicy, CheckInPolicy checkInPolicy,
                        Supplier<UUID> ids) {
            this(serverUrl, http, clock, syncInterval, random, bookingPolicy, checkInPolicy, ids,
                    StaffLogins.DEFAULT_OFFLINE_VALIDITY);
        }

        public static Settings of(String serverUrl, OkHttpClient http, Clock clock) {
            return new Settings(serverUrl, http, clock, Duration.ofSeconds(30), RandomGenerator.getDefault(),
                    BookingPolicy.standard(), CheckInPolicy.standard());
        }

        /** How long after their last online login here a staff member may still log in offline. */
        public Settings withOfflineLoginValidity(Duration validity) {
            return new Settings(serverUrl, http, clock, syncInterval, random, bookingPolicy, checkInPolicy, ids, validity);
        }
    }

    private final DeskStore store;
    private final ServerConnection server;
    private final SyncEngine engine;
    private final SyncRunner runner;
    private final Members members;
    private final Bookings bookings;
    private final CheckIns checkIns;
    private final Reconciliation reconciliation;
    private final StaffLogins staffLogins;
    private final app.spotter.client.devices.Devices devices;
    private final app.spotter.client.members.HealthNotes healthNotes;

    public Desk(DeskStore store, Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        ObjectMapper json = DeskJson.mapper();
        Mirror mirror = new Mirror(json);
        // the keys of the staff logged in here, which sign their operations (decision 0013)
        app.spotter.client.staff.StaffKeys keys = new app.spotter.client.staff.StaffKeys();
        Outbox outbox = new Outbox(json, settings.clock(), settings.ids(), keys);
        LocalChanges changes = new LocalChanges(store);
        this.server = new ServerConnection(settings.serverUrl(), settings.http(), json,
                () -> SyncEngine.credentials(store));
        this.engine = new SyncEngine(store, mirror, outbox, server, settings.clock());
        this.runner = new SyncRunner(engine, server, settings.syncInterval(), settings.random());
        this.members = new Members(changes, mirror, outbox);
        this.bookings = new Bookings(changes, mirror, outbox, members, settings.clock(), settings.bookingPolicy());
        this.checkIns = new CheckIns(changes, mirror, outbox, members, bookings, settings.clock(),
                settings.checkInPolicy());
        this.reconciliation = new Reconciliation(changes, mirror, outbox);
        this.staffLogins = new StaffLogins(store, server, settings.clock(), settings.offlineLoginValidity(), keys);
        engine.afterEachSync(staffLogins::refreshAccess);
        this.devices = new app.spotter.client.devices.Devices(server, staffLogins);
        this.healthNotes = new app.spotter.client.members.HealthNotes(server, keys, settings.clock());
        changes.onChange(engine::localChangeRecorded);
        changes.onChange(runner::poke);
    }

    /**
     * Pairs this desk with the gym using a manager's one-time code; the code says what the device is
     * for (the answer's {@code kind}).
     */
    public SyncApi.Enrollment enroll(String pairingCode, String name) {
        return engine.enroll(pairingCode, name, null);
    }

    /** As {@link #enroll(String, String)}; a {@code kind} other than the code's is refused (DEVICE_KIND_MISMATCH). */
    public SyncApi.Enrollment enroll(String pairingCode, String name, DeviceKind kind) {
        return engine.enroll(pairingCode, name, kind);
    }

    public boolean isEnrolled() {
        return store.inTransaction(session -> session.find(DeviceState.class, DeviceState.ID).isEnrolled());
    }

    /**
     * A staff member logs in at this desk: against the server when it answers, else against the
     * hash cached at their last online login here. Throws {@link app.spotter.client.staff.LoginRefused}.
     */
    public StaffProfile staffLogin(String email, String password) {
        return staffLogins.login(email, password);
    }

    /** A staff login with the code of an authenticator app (staff who turned the second factor on). */
    public StaffProfile staffLogin(String email, String password, String totp) {
        return staffLogins.login(email, password, totp);
    }

    /** The gym's devices, online only, in the logged-in manager's name. */
    public app.spotter.client.devices.Devices devices() {
        return devices;
    }

    /** This desk's own device id (null before enrollment). */
    public String deviceId() {
        return store.inTransaction(session -> session.find(DeviceState.class, DeviceState.ID).deviceId);
    }

    public StaffLogins staffLogins() {
        return staffLogins;
    }

    /** One round of push, pull and leases, on the caller's thread. */
    public void syncOnce() {
        engine.syncOnce();
    }

    /** Syncs in the background until {@link #stop()}. */
    public void start() {
        runner.start();
    }

    public void stop() {
        runner.stop();
    }

    /** Operations in the outbox still waiting for the server, counted now. */
    public long pendingOperations() {
        return store.inTransaction(session -> session.createSelectionQuery(
                "select count(*) from OutboxEntry where status = 'PENDING'", Long.class).getSingleResult());
    }

    public SyncStatus status() {
        return engine.status();
    }

    /** Registers a status listener; closing the handle removes it. */
    public AutoCloseable onStatus(Consumer<SyncStatus> listener) {
        return engine.onStatus(listener);
    }

    /** Health notes for the staff member at the desk, online only, never stored here. */
    public app.spotter.client.members.HealthNotes healthNotes() {
        return healthNotes;
    }

    public Members members() {
        return members;
    }

    public Bookings bookings() {
        return bookings;
    }

    public CheckIns checkIns() {
        return checkIns;
    }

    public Reconciliation reconciliation() {
        return reconciliation;
    }

    /**
     * A stream of the server's pokes ({@code /api/v1/sync/events}), not yet open: the runner keeps
     * its own; this one is for callers that watch pokes themselves (the sync simulation).
     */
    public EventStream events(Runnable onOpened, Runnable onChanged, Runnable onClosed) {
        return new EventStream(server, onOpened, onChanged, onClosed);
    }

    public SyncEngine engine() {
        return engine;
    }

    public DeskStore store() {
        return store;
    }

    /** Stops syncing; the store stays open (its owner closes it). */
    @Override
    public void close() {
        runner.stop();
    }
}
