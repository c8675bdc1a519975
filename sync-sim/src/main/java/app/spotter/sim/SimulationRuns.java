package app.spotter.sim;

import app.spotter.server.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.OkHttpClient;

/**
 * Runs many seeds on one kind of database. Runs share a server (each on its own fresh location and
 * members) and a fresh database is taken every {@link #RUNS_PER_DATABASE} runs, so that a few
 * hundred runs fit in the normal build; a single seed (a replay) gets a server of its own.
 */
public final class SimulationRuns {

    static final int RUNS_PER_DATABASE = 50;

    /** The result of a batch: the seeds that failed, with their messages. */
    public record Summary(int runs, List<SimulationFailure> failures, Map<String, Integer> actions, long millis) {
    }

    private SimulationRuns() {
    }

    public static Summary run(TestDatabase kind, long firstSeed, int count, Simulation.Size size) {
        long started = System.nanoTime();
        List<SimulationFailure> failures = new ArrayList<>();
        Map<String, Integer> actions = new TreeMap<>();
        OkHttpClient raw = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        SimServer server = null;
        SimGym gym = null;
        try {
            for (int i = 0; i < count; i++) {
                if (server == null || i % RUNS_PER_DATABASE == 0) {
                    if (server != null) {
                        server.close();
                    }
                    server = SimServer.start(kind);
                    gym = new SimGym(server);
                }
                long seed = firstSeed + i;
                try {
                    Simulation.Outcome outcome = new Simulation(server, gym, seed, size, raw).run();
                    outcome.actions().forEach((k, v) -> actions.merge(k, v, Integer::sum));
                } catch (SimulationFailure failure) {
                    failures.add(failure);
                    System.err.println(failure.getMessage());
                    // a failed run may leave the shared server in any state: start a fresh one
                    server.close();
                    server = null;
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
            raw.dispatcher().executorService().shutdown();
            raw.connectionPool().evictAll();
        }
        return new Summary(count, failures, actions, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The long run outside the test suite: {@code SimulationRuns <H2|POSTGRESQL> <firstSeed> <count>}.
     * Exits non-zero when a seed failed.
     */
    public static void main(String[] args) {
        TestDatabase kind = args.length > 0 ? TestDatabase.valueOf(args[0]) : TestDatabase.H2;
        long first = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Summary summary = run(kind, first, count, Simulation.Size.CI);
        System.out.printf("%d runs on %s in %.1f s, %d failed; actions %s%n", summary.runs(), kind,
                summary.millis() / 1000.0, summary.failures().size(), summary.actions());
        System.exit(summary.failures().isEmpty() ? 0 : 1);
    }
}
