package app.spotter.server.support;

import app.spotter.server.SpotterApp;
import app.spotter.server.config.ServerConfig;
import app.spotter.server.config.ServerSecrets;
import java.time.Clock;

/** A real server on a free port over a fresh database, with an HTTP client pointed at it. */
public final class TestServer implements AutoCloseable {

    private final TestDatabase.Instance database;
    private final SpotterApp app;
    private final ApiClient client;
    private final ServerSecrets secrets;

    private TestServer(TestDatabase.Instance database, SpotterApp app, ServerSecrets secrets) {
        this.database = database;
        this.app = app;
        this.secrets = secrets;
        this.client = new ApiClient(app.baseUrl());
    }

    public static TestServer start(TestDatabase kind) {
        return start(kind, Clock.systemUTC());
    }

    public static TestServer start(TestDatabase kind, Clock clock) {
        TestDatabase.Instance db = kind.create();
        try {
            ServerSecrets secrets = ServerSecrets.random();
            return new TestServer(db, SpotterApp.create(db.config(), secrets, clock).start(), secrets);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * A second server instance on the same database with the same secrets, as a second process of a
     * chain would be: its own connection pool, its own HTTP port, nothing shared in memory.
     */
    public SpotterApp startSibling(Clock clock) {
        return SpotterApp.create(database.config(), secrets, clock).start();
    }

    /**
     * A fresh login of the given role (a member login comes with its member record), created the way
     * the first admin of a gym is; returns its access token.
     */
    public String login(app.spotter.model.access.Role role) {
        return account(role).accessToken();
    }

    public app.spotter.model.api.AuthApi.TokenPair account(app.spotter.model.access.Role role) {
        String email = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8) + "@test.spotter.app";
        return app.services().accounts().bootstrapAccount(email, "test-password-1", "Test " + role, role, null);
    }

    /** The JWT secret and encryption key, so tests can mint access tokens without hashing passwords. */
    public ServerSecrets secrets() {
        return secrets;
    }

    public ServerConfig config() {
        return database.config();
    }

    public SpotterApp app() {
        return app;
    }

    public ApiClient client() {
        return client;
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
