package app.spotter.client.sync;

import app.spotter.server.support.TestDatabase;

class DeskAgainstServerOnPostgreSqlTest extends DeskAgainstServerTest {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
