package app.spotter.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.server.support.TestDatabase;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seeded fault simulations of desks against the server; see {@link Simulation}. The number of
 * seeds comes from -Dspotter.sim.seeds (H2) and -Dspotter.sim.pgSeeds (PostgreSQL); one seed is
 * replayed with -Dspotter.sim.seed=N.
 */
abstract class SimulationTest {

    abstract TestDatabase database();

    abstract String seedsProperty();

    abstract int defaultSeeds();

    abstract long firstSeed();

    @Test
    void everySeedKeepsEveryInvariant() {
        String replay = System.getProperty("spotter.sim.seed", "");
        long first = replay.isBlank() ? firstSeed() : Long.parseLong(replay.trim());
        int count = replay.isBlank() ? Integer.getInteger(seedsProperty(), defaultSeeds()) : 1;
        if (!replay.isBlank() && Boolean.getBoolean("spotter.sim.trace")) {
            System.out.println("tracing seed " + first);
        }
        SimulationRuns.Summary summary = SimulationRuns.run(database(), first, count, Simulation.Size.CI);
        System.out.printf("SIM %s: %d seeds from %d in %.1f s (%.2f s a seed, %d workers), %d failed; actions %s%n",
                database(), count, first, summary.millis() / 1000.0, summary.millis() / 1000.0 / count,
                Integer.getInteger("spotter.sim.workers", 1), summary.failures().size(), summary.actions());
        assertTrue(summary.failures().isEmpty(), () -> summary.failures().size() + " of " + count + " seeds failed:\n"
                + summary.failures().stream().map(Throwable::getMessage).collect(Collectors.joining("\n\n")));
        assertTrue(summary.actions().getOrDefault("book", 0) > 0, "the runs booked something");
        assertEquals(count, summary.traceHashes().size() + summary.failures().size(), "every seed ran");
    }
}
