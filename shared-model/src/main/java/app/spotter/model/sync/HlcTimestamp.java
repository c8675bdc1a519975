package app.spotter.model.sync;

import java.util.Comparator;
import java.util.Objects;

/**
 * A hybrid-logical-clock time: wall-clock milliseconds, a counter for events within the same
 * millisecond (or while the wall clock lags behind what a node has already seen), and the node
 * that stamped it. Ordered by (wall, counter, node), so it is a total order that respects
 * causality even when a desk's clock is hours off.
 *
 * @param wallMillis milliseconds since the epoch, as the stamping node believed
 * @param counter    logical counter within {@code wallMillis}
 * @param node       the stamping node (a device id or "server")
 */
public record HlcTimestamp(long wallMillis, int counter, String node) implements Comparable<HlcTimestamp> {

    /** The longest node name (a device id is 36 characters); longer ones are refused by the server. */
    public static final int MAX_NODE = 64;

    private static final Comparator<HlcTimestamp> ORDER = Comparator.comparingLong(HlcTimestamp::wallMillis)
            .thenComparingInt(HlcTimestamp::counter)
            .thenComparing(HlcTimestamp::node);

    public HlcTimestamp {
        Objects.requireNonNull(node, "node");
        if (counter < 0) {
            throw new IllegalArgumentException("counter must not be negative");
        }
    }

    @Override
    public int compareTo(HlcTimestamp other) {
        return ORDER.compare(this, other);
    }
}
