package app.spotter.server.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Base of the integration tests: every test class runs twice, once on H2 (the embedded default)
 * and once on the real PostgreSQL, each time against a real server on a fresh database over HTTP.
 * The server is shared by the tests of one run, so tests use their own members and slots.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
public abstract class ServerTest {

    protected static TestServer server;
    protected static ApiClient api;
    private static TestDatabase running;

    @Parameter
    protected TestDatabase database;

    @BeforeEach
    void startServerForThisDatabase() {
        if (server == null || running != database) {
            stopServer();
            server = TestServer.start(database);
            api = server.client();
            running = database;
        }
    }

    @AfterParameterizedClassInvocation
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
            running = null;
        }
    }
}
