package app.spotter.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.server.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run is a function of its seed: the same seed run twice, each on its own fresh server, gives the
 * same trace (every action, network fate and outcome, in order) and so the same hash; another seed
 * gives another. This is what makes a failing seed replay.
 */
class SimulationReplayTest {

    /** Seeds whose runs take in crashes, restarts, held pushes and pokes (any seed must do). */
    private static final long SEED = Long.getLong("spotter.sim.replaySeed", 3);

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnotherOne() {
        SimulationRuns.Summary first = SimulationRuns.run(TestDatabase.H2, SEED, 2, Simulation.Size.CI, 1);
        SimulationRuns.Summary again = SimulationRuns.run(TestDatabase.H2, SEED, 1, Simulation.Size.CI, 1);
        assertTrue(first.failures().isEmpty() && again.failures().isEmpty(), "the runs pass");
        String hash = first.traceHashes().get(SEED);
        System.out.printf("SIM replay: seed %d -> %s twice; seed %d -> %s%n", SEED, hash, SEED + 1,
                first.traceHashes().get(SEED + 1));
        assertEquals(hash, again.traceHashes().get(SEED), "seed " + SEED + " replays to the same trace hash");
        assertNotEquals(hash, first.traceHashes().get(SEED + 1), "another seed gives another trace");
        assertEquals(16, hash.length());
    }

    @Test
    void idsAreNormalisedByFirstAppearanceNotDropped() {
        SimLog a = new SimLog();
        a.event("member %s books slot %s", "0b7e8f3e-7d7b-4bdb-9a4f-1f6f0c3c9a11", "5c1d2f00-0000-4000-8000-000000000001");
        a.event("member %s again", "0b7e8f3e-7d7b-4bdb-9a4f-1f6f0c3c9a11");
        SimLog b = new SimLog();
        b.event("member %s books slot %s", "11111111-2222-4333-8444-555555555555", "66666666-7777-4888-9999-000000000000");
        b.event("member %s again", "11111111-2222-4333-8444-555555555555");
        SimLog c = new SimLog();
        c.event("member %s books slot %s", "11111111-2222-4333-8444-555555555555", "66666666-7777-4888-9999-000000000000");
        c.event("member %s again", "66666666-7777-4888-9999-000000000000");
        assertEquals(List.of("[  0] member #1 books slot #2", "[  0] member #1 again"), a.trace());
        assertEquals(a.hash(), b.hash(), "the same story with other random ids");
        assertNotEquals(a.hash(), c.hash(), "another member in the second event is another story");
    }
}
