package app.spotter.model.sync;

import java.util.function.LongSupplier;

/**
 * A hybrid logical clock (Kulkarni et al.): timestamps that never go backwards on a node and
 * always come after every timestamp the node has received, while staying close to wall time.
 * Not thread-safe on its own; callers serialize (a desk stamps inside its outbox transaction).
 */
public final class HybridLogicalClock {

    private final String node;
    private final LongSupplier wallClock;
    private long lastWall;
    private int lastCounter;

    public HybridLogicalClock(String node, LongSupplier wallClock) {
        this.node = node;
        this.wallClock = wallClock;
    }

    /** Restores the clock after a restart from the last timestamp it issued. */
    public HybridLogicalClock(String node, LongSupplier wallClock, HlcTimestamp last) {
        this(node, wallClock);
        if (last != null) {
            this.lastWall = last.wallMillis();
            this.lastCounter = last.counter();
        }
    }

    /** A timestamp for a local event. */
    public synchronized HlcTimestamp now() {
        long wall = wallClock.getAsLong();
        if (wall > lastWall) {
            lastWall = wall;
            lastCounter = 0;
        } else {
            lastCounter++;
        }
        return new HlcTimestamp(lastWall, lastCounter, node);
    }

    /** Merges a timestamp received from another node; the next local timestamp comes after it. */
    public synchronized HlcTimestamp receive(HlcTimestamp remote) {
        long wall = wallClock.getAsLong();
        long max = Math.max(wall, Math.max(lastWall, remote.wallMillis()));
        if (max == lastWall && max == remote.wallMillis()) {
            lastCounter = Math.max(lastCounter, remote.counter()) + 1;
        } else if (max == lastWall) {
            lastCounter++;
        } else if (max == remote.wallMillis()) {
            lastCounter = remote.counter() + 1;
        } else {
            lastCounter = 0;
        }
        lastWall = max;
        return new HlcTimestamp(lastWall, lastCounter, node);
    }
}
