package app.spotter.model.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The algebra of version vectors, checked over many random vectors. Each run is seeded; a
 * failure names its seed, and {@code -Dspotter.seed=<seed>} replays from that seed.
 */
class VersionVectorPropertiesTest {

    private static final long FIRST_SEED = Long.getLong("spotter.seed", 20260601L);
    private static final int RUNS = 500;
    /** Few nodes and small counters, so that counters often tie. */
    private static final List<String> NODES = List.of("server", "desk-1", "desk-2", "kiosk", "scanner");

    private static VersionVector randomVector(RandomGenerator random) {
        var entries = new TreeMap<String, Long>();
        for (String node : NODES) {
            if (random.nextInt(3) > 0) {
                entries.put(node, random.nextLong(0, 4));
            }
        }
        return new VersionVector(entries);
    }

    /**
     * A vector that is, by turns, unrelated to {@code base}, the same, one change after it or
     * merged with another, so that equal, ordered and concurrent pairs all occur often.
     */
    private static VersionVector relatedVector(VersionVector base, RandomGenerator random) {
        return switch (random.nextInt(4)) {
            case 0 -> base;
            case 1 -> base.increment(NODES.get(random.nextInt(NODES.size())));
            case 2 -> base.merge(randomVector(random));
            default -> randomVector(random);
        };
    }

    /** Runs the check once per seed; the message of any failure starts with the seed. */
    private static void forEachSeed(SeededCheck check) {
        for (long seed = FIRST_SEED; seed < FIRST_SEED + RUNS; seed++) {
            RandomGenerator random = new SplittableRandom(seed);
            VersionVector a = randomVector(random);
            VersionVector b = relatedVector(a, random);
            VersionVector c = relatedVector(b, random);
            long runSeed = seed;
            check.run(a, b, c, () -> "seed " + runSeed + " (replay with -Dspotter.seed=" + runSeed + "): a=" + a
                    + " b=" + b + " c=" + c);
        }
    }

    @FunctionalInterface
    private interface SeededCheck {
        void run(VersionVector a, VersionVector b, VersionVector c, Supplier<String> seedMessage);
    }

    @Test
    void mergeIsCommutative() {
        forEachSeed((a, b, c, seed) -> assertEquals(a.merge(b), b.merge(a), seed));
    }

    @Test
    void mergeIsAssociative() {
        forEachSeed((a, b, c, seed) -> assertEquals(a.merge(b).merge(c), a.merge(b.merge(c)), seed));
    }

    @Test
    void mergeIsIdempotent() {
        forEachSeed((a, b, c, seed) -> assertEquals(a, a.merge(a), seed));
    }

    @Test
    void aMergeDominatesBothInputs() {
        forEachSeed((a, b, c, seed) -> {
            VersionVector merged = a.merge(b);
            assertTrue(merged.dominates(a), seed);
            assertTrue(merged.dominates(b), seed);
        });
    }

    @Test
    void anIncrementIsAfterTheVersionItCameFrom() {
        forEachSeed((a, b, c, seed) -> {
            for (String node : NODES) {
                assertEquals(Causality.AFTER, a.increment(node).compare(a), seed);
            }
            assertEquals(Causality.AFTER, a.increment("new-desk").compare(a), seed);
        });
    }

    @Test
    void compareIsAntisymmetric() {
        forEachSeed((a, b, c, seed) -> {
            Causality ab = a.compare(b);
            Causality ba = b.compare(a);
            assertEquals(ab == Causality.BEFORE, ba == Causality.AFTER, seed);
            assertEquals(ab == Causality.AFTER, ba == Causality.BEFORE, seed);
            assertEquals(ab == Causality.EQUAL, ba == Causality.EQUAL, seed);
            assertEquals(ab == Causality.CONCURRENT, ba == Causality.CONCURRENT, seed);
        });
    }

    @Test
    void equalComparisonMeansEqualVectors() {
        forEachSeed((a, b, c, seed) -> assertEquals(a.compare(b) == Causality.EQUAL, a.equals(b), seed));
    }

    @Test
    void theTextFormRoundTrips() {
        forEachSeed((a, b, c, seed) -> assertEquals(a, VersionVector.parse(a.encode()), seed));
    }

    @Test
    void theGeneratorCoversEveryCausality() {
        // Guards the properties above against a generator that only ever makes one kind of pair.
        EnumSet<Causality> seen = EnumSet.noneOf(Causality.class);
        forEachSeed((a, b, c, seed) -> seen.add(a.compare(b)));
        assertEquals(EnumSet.allOf(Causality.class), seen);
    }
}
