package app.spotter.sim;

import app.spotter.server.SpotterApp;
import app.spotter.server.auth.PasswordHasher;
import app.spotter.server.config.ServerConfig;
import app.spotter.server.config.ServerSecrets;
import app.spotter.server.support.ApiClient;
import app.spotter.server.support.TestDatabase;

/**
 * The real server, in-process, on a fresh copy of a migrated database of one kind (one per run);
 * {@link #restart()} closes it and starts a new one on the same database with the same secrets (as a
 * restarted process would).
 */
public final class SimServer implements AutoCloseable {

    /**
     * The server's password hasher in the simulation: Argon2 at a tiny cost. A production-cost hash
     * at every server start (AuthService's dummy) and every enrollment was an eighth of a run's CPU.
     * Shared by the parallel runs, so its bound on concurrent hashes (a production server answers 503
     * beyond it) is wide: a busy-refusal would change a seeded run.
     */
    static final PasswordHasher HASHER = new PasswordHasher(64, 1, 4 * Runtime.getRuntime().availableProcessors());

    private final SimDatabases databases;
    private final ServerConfig config;
    private final ServerSecrets secrets;
    private final SimClock clock;
    private SpotterApp app;
    private ApiClient api;
    private int restarts;

    private SimServer(SimDatabases databases, ServerConfig config, SimClock clock) {
        this.databases = databases;
        this.config = config;
        this.secrets = databases.secrets();
        this.clock = clock;
    }

    /** A server on a fresh copy of the migrated database, on a simulated clock the driver moves. */
    static SimServer start(SimDatabases databases) {
        SimServer server = new SimServer(databases, databases.copy(), new SimClock(Simulation.START));
        try {
            server.open();
            return server;
        } catch (RuntimeException e) {
            databases.drop(server.config);
            throw e;
        }
    }

    private void open() {
        app = SpotterApp.create(config, secrets, clock, HASHER).start();
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
        return databases.kind();
    }

    public int restarts() {
        return restarts;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            databases.drop(config);
        }
    }
}
