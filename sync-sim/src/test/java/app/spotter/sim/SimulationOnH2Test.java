package app.spotter.sim;

import app.spotter.server.support.TestDatabase;

class SimulationOnH2Test extends SimulationTest {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

    @Override
    String seedsProperty() {
        return "spotter.sim.seeds";
    }

    @Override
    int defaultSeeds() {
        return 150;
    }

    @Override
    long firstSeed() {
        return 1;
    }
}
