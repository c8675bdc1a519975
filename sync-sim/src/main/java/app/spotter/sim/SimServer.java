package app.spotter.sim;

import app.spotter.server.SpotterApp;
import app.spotter.server.config.ServerSecrets;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.TestDatabase;

/**
 * The real server, in-process, on a fresh database of one kind; {@link #restart()} closes it and
 * starts a new one on the same database with the same secrets (as a restarted process would).
 */
public final class SimServer implements AutoCloseable {

    private final TestDatabase.Instance database;
    private final ServerSecrets secrets;
    private final SimClock clock;
    private SpotterApp app;
    private ApiClient api;
    private int restarts;

    private SimServer(TestDatabase.Instance database, ServerSecrets secrets, SimClock clock) {
        this.database = database;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A server on a fresh database of that kind, on a simulated clock the driver moves. */
    public static SimServer start(TestDatabase kind) {
        SimServer server = new SimServer(kind.create(), ServerSecrets.random(), new SimClock(Simulation.START));
        try {
            server.open();
            return server;
        } catch (RuntimeException e) {
            server.database.close();
            throw e;
        }
    }

    private void open() {
        app = SpotterApp.create(database.config(), secrets, clock).start();
        api = new ApiClient(app.baseUrl());
    }

    /** Stops the server (pools, HTTP) and starts a new one on the same database. */
    public void restart() {
        app.close();
        restarts++;
        open();
    }

    public SpotterApp app() {
        return app;
    }

    public ApiClient api() {
        return api;
    }

    public SimClock clock() {
        return clock;
    }

    public okhttp3.HttpUrl url() {
        return okhttp3.HttpUrl.get(app.baseUrl());
    }

    public ServerSecrets secrets() {
        return secrets;
    }

    public TestDatabase kind() {
        return database.kind();
    }

    public int restarts() {
        return restarts;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            database.close();
        }
    }
}
