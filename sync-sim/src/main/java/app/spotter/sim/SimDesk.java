package app.spotter.sim;

import app.spotter.client.Desk;
import app.spotter.client.store.DeskStore;
import app.spotter.client.store.DeviceState;
import app.spotter.model.booking.BookingPolicy;
import app.spotter.model.checkin.CheckInPolicy;
import app.spotter.model.common.BookingId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One simulated front desk: the real sync-client {@link Desk} on its own in-memory H2 database,
 * behind its own {@link SimNetwork}, on a clock skewed from the server's. A crash drops every
 * in-memory object and reopens the same database, as a restarted desk process would.
 */
public final class SimDesk implements AutoCloseable {

    /** Where the desks send their calls; the network points them at the server of the moment. */
    static final String NOWHERE = "http://sim-server.invalid/";

    final String name;
    final SimNetwork network;
    final SimClock clock;
    private final long seed;
    private final Supplier<UUID> ids;
    private DeskStore store;
    private Desk desk;
    /** Bookings this desk made, in order, for cancellations chosen by index. */
    final List<BookingId> bookings = new ArrayList<>();
    final List<Long> cursors = new ArrayList<>();
    int partitionedUntil = -1;
    int crashes;
    private String staffEmail;
    private String staffPassword;

    SimDesk(String name, SimNetwork network, SimClock clock, long seed, Supplier<UUID> ids) {
        this.name = name;
        this.network = network;
        this.clock = clock;
        this.seed = seed;
        this.ids = ids;
        open();
    }

    private void open() {
        store = DeskStore.inMemory(name);
        desk = new Desk(store, new Desk.Settings(NOWHERE, network.client(), clock, Duration.ofSeconds(30),
                new Random(seed), BookingPolicy.standard(), CheckInPolicy.standard(), ids));
    }

    Desk desk() {
        return desk;
    }

    DeskStore store() {
        return store;
    }

    /**
     * A staff member logs in here as at a real desk (decision 0013): online when the network lets
     * them (the desk gets their staff credential), else from the login cached here; their key signs
     * what they do.
     */
    void logIn(String email, String password) {
        staffEmail = email;
        staffPassword = password;
        logInAgain();
    }

    private void logInAgain() {
        try {
            desk.staffLogin(staffEmail, staffPassword);
        } catch (app.spotter.client.staff.LoginRefused | app.spotter.client.sync.ServerUnavailable e) {
            // nobody logged in: what this desk does now goes unsigned and the server refuses it
        }
    }

    /** The desk process dies: pool, Hibernate, connection, token and signing key go; the database stays. */
    void crash() {
        desk.close();
        store.close();
        crashes++;
        open();
        if (staffEmail != null) {
            logInAgain();
        }
    }

    long cursor() {
        return store.inTransaction(s -> s.find(DeviceState.class, DeviceState.ID).pullCursor);
    }

    DeviceState state() {
        return store.inTransaction(s -> s.find(DeviceState.class, DeviceState.ID));
    }

    @Override
    public void close() {
        desk.close();
        store.shutdown();
    }
}
