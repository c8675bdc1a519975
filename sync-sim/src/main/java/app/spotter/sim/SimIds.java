package app.spotter.sim;

import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Version-4-shaped UUIDs from a seeded generator: what a desk (and the driver's own rows) mint in
 * a run, so that ids, and every order that follows ids, replay from the seed.
 */
final class SimIds implements Supplier<UUID> {

    private final SplittableRandom random;

    SimIds(SplittableRandom random) {
        this.random = random;
    }

    @Override
    public synchronized UUID get() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
