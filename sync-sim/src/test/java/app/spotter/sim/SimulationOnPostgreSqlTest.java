package app.spotter.sim;

import app.spotter.server.support.TestDatabase;

class SimulationOnPostgreSqlTest extends SimulationTest {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Override
    String seedsProperty() {
        return "spotter.sim.pgSeeds";
    }

    @Override
    int defaultSeeds() {
        return 50;
    }

    @Override
    long firstSeed() {
        return 100_001;
    }
}
