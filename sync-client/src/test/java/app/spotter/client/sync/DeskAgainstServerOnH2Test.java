package app.spotter.client.sync;

import app.spotter.server.support.TestDatabase;

class DeskAgainstServerOnH2Test extends DeskAgainstServerTest {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
