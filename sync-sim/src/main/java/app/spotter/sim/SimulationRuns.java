package app.spotter.sim;

import app.spotter.server.support.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * Runs many seeds on one kind of database. Every run gets its own server on its own fresh copy of
 * a migrated database ({@link SimDatabases}), so a run is a function of its seed alone, whatever
 * ran before it. {@code workers} runs go at once (each on its own thread, server and databases);
 * seeds are handed out in order, and each is independent, so the result does not depend on them.
 */
public final class SimulationRuns {

    /** The result of a batch: the seeds that failed, with their messages. */
    public record Summary(int runs, List<SimulationFailure> failures, Map<String, Integer> actions, long millis,
                          Map<Long, String> traceHashes) {
    }

    private SimulationRuns() {
    }

    public static Summary run(TestDatabase kind, long firstSeed, int count, Simulation.Size size) {
        return run(kind, firstSeed, count, size, Integer.getInteger("spotter.sim.workers", 1));
    }

    public static Summary run(TestDatabase kind, long firstSeed, int count, Simulation.Size size, int workers) {
        long started = System.nanoTime();
        List<SimulationFailure> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> actions = new TreeMap<>();
        Map<Long, String> hashes = new TreeMap<>();
        AtomicLong next = new AtomicLong(firstSeed);
        long end = firstSeed + count;
        boolean progress = Boolean.getBoolean("spotter.sim.progress");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "sim-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < Math.max(1, workers); w++) {
                running.add(pool.submit(() -> {
                    OkHttpClient raw = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
                    try (SimDatabases databases = new SimDatabases(kind)) {
                        for (long seed = next.getAndIncrement(); seed < end; seed = next.getAndIncrement()) {
                            try (SimServer server = SimServer.start(databases)) {
                                Simulation.Outcome outcome = new Simulation(server, seed, size, raw).run();
                                synchronized (actions) {
                                    outcome.actions().forEach((k, v) -> actions.merge(k, v, Integer::sum));
                                    hashes.put(seed, outcome.traceHash());
                                }
                            } catch (SimulationFailure failure) {
                                failures.add(failure);
                                System.err.println(failure.getMessage());
                            }
                            if (progress && (seed - firstSeed + 1) % 100 == 0) {
                                System.out.printf("%d seeds started, %d failed so far, %.1f s%n", seed - firstSeed + 1,
                                        failures.size(), (System.nanoTime() - started) / 1e9);
                            }
                        }
                    } finally {
                        raw.dispatcher().executorService().shutdown();
                        raw.connectionPool().evictAll();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a simulation worker failed outside any run", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Summary(count, List.copyOf(failures), actions, (System.nanoTime() - started) / 1_000_000, hashes);
    }

    /**
     * The long run outside the test suite: {@code SimulationRuns <H2|POSTGRESQL> <firstSeed> <count>}
     * (-Dspotter.sim.workers=N runs N at once). Exits non-zero when a seed failed.
     */
    public static void main(String[] args) {
        TestDatabase kind = args.length > 0 ? TestDatabase.valueOf(args[0]) : TestDatabase.H2;
        long first = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Summary summary = run(kind, first, count, Simulation.Size.CI);
        if (Boolean.getBoolean("spotter.sim.hashes")) {
            summary.traceHashes().forEach((seed, hash) -> System.out.println("seed " + seed + " trace " + hash));
        }
        System.out.printf("%d runs on %s in %.1f s (%.2f s a seed), %d failed; actions %s%n", summary.runs(), kind,
                summary.millis() / 1000.0, summary.millis() / 1000.0 / Math.max(1, summary.runs()),
                summary.failures().size(), summary.actions());
        System.exit(summary.failures().isEmpty() ? 0 : 1);
    }
}
