package app.spotter.client.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the n-th failure in a row, a random wait between
 * half and all of min(max, base * 2^(n-1)), so desks coming back together do not retry in step.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    public static Backoff standard(RandomGenerator random) {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), random);
    }

    /** The wait after {@code failures} failures in a row (1 or more). */
    public Duration delay(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 20);
        long ceiling = Math.min(max.toMillis(), base.toMillis() << doublings);
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
