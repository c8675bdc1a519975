package app.spotter.model.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A version vector: per node (a desk's device id, or the server), how many of that node's
 * changes a version of a record has seen.
 *
 * <p>It tells whether one version of a member's profile already contains another's changes
 * or whether two desks edited it concurrently, which wall clocks cannot tell once desks go
 * offline and their clocks drift.
 *
 * <p>A missing node counts as 0, and entries of 0 are dropped, so two vectors that compare
 * {@link Causality#EQUAL} are also {@code equals}. On the wire it is the text of
 * {@link #encode()}, e.g. {@code "desk-1=3,server=7"}.
 *
 * @param entries the counters by node id, sorted; an unmodifiable copy
 */
public record VersionVector(SortedMap<String, Long> entries) {

    private static final VersionVector EMPTY = new VersionVector(new TreeMap<>());

    /**
     * Copies the entries into an unmodifiable sorted map without zero counters.
     *
     * @throws IllegalArgumentException if a node id is blank or contains {@code ','}, {@code '='}
     *     or whitespace, or a counter is negative
     */
    public VersionVector {
        Objects.requireNonNull(entries, "entries");
        TreeMap<String, Long> copy = new TreeMap<>();
        for (Map.Entry<String, Long> entry : entries.entrySet()) {
            String node = requireNodeId(entry.getKey());
            Long counter = entry.getValue();
            if (counter == null || counter < 0) {
                throw new IllegalArgumentException("A counter must be zero or more: " + node + "=" + counter);
            }
            if (counter > 0) {
                copy.put(node, counter);
            }
        }
        entries = Collections.unmodifiableSortedMap(copy);
    }

    /** The vector of a record no node has changed yet. */
    public static VersionVector empty() {
        return EMPTY;
    }

    /** How many of that node's changes this version has seen; 0 for a node it never heard of. */
    public long get(String node) {
        return entries.getOrDefault(node, 0L);
    }

    /**
     * This version plus one more change by {@code node}.
     *
     * @throws IllegalArgumentException if the node id is not valid
     */
    public VersionVector increment(String node) {
        TreeMap<String, Long> next = new TreeMap<>(entries);
        next.merge(requireNodeId(node), 1L, Math::addExact);
        return new VersionVector(next);
    }

    /** The version that has seen every change either has seen: the pointwise maximum. */
    public VersionVector merge(VersionVector other) {
        TreeMap<String, Long> merged = new TreeMap<>(entries);
        other.entries.forEach((node, counter) -> merged.merge(node, counter, Math::max));
        return new VersionVector(merged);
    }

    /** How this version relates to the other. */
    public Causality compare(VersionVector other) {
        boolean ahead = false;
        boolean behind = false;
        for (Map.Entry<String, Long> entry : entries.entrySet()) {
            long theirs = other.get(entry.getKey());
            ahead |= entry.getValue() > theirs;
            behind |= entry.getValue() < theirs;
        }
        for (Map.Entry<String, Long> entry : other.entries.entrySet()) {
            // Nodes only the other has seen put this version behind.
            behind |= !entries.containsKey(entry.getKey());
        }
        if (ahead && behind) {
            return Causality.CONCURRENT;
        }
        if (ahead) {
            return Causality.AFTER;
        }
        return behind ? Causality.BEFORE : Causality.EQUAL;
    }

    /** Whether this version has seen every change of the other (it is after or equal). */
    public boolean dominates(VersionVector other) {
        Causality causality = compare(other);
        return causality == Causality.AFTER || causality == Causality.EQUAL;
    }

    /** The text form, {@code node=count} pairs sorted by node and joined by commas; "" when empty. */
    @JsonValue
    public String encode() {
        StringBuilder text = new StringBuilder();
        entries.forEach((node, counter) -> {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(node).append('=').append(counter);
        });
        return text.toString();
    }

    /**
     * Reads the text written by {@link #encode()}; a null or blank text is the empty vector.
     *
     * @throws IllegalArgumentException if the text is malformed, names a node twice, or has a
     *     negative or out-of-range counter
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VersionVector parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        TreeMap<String, Long> entries = new TreeMap<>();
        for (String pair : text.strip().split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("Not a version vector, expected node=count: " + text);
            }
            String node = pair.substring(0, equals);
            String counter = pair.substring(equals + 1);
            if (!counter.matches("[0-9]{1,19}")) {
                throw new IllegalArgumentException("Not a version vector, bad counter '" + counter + "': " + text);
            }
            long value;
            try {
                value = Long.parseLong(counter);
            } catch (NumberFormatException tooLarge) {
                throw new IllegalArgumentException("Not a version vector, counter too large: " + text, tooLarge);
            }
            if (entries.put(requireNodeId(node), value) != null) {
                throw new IllegalArgumentException("Not a version vector, node " + node + " twice: " + text);
            }
        }
        return new VersionVector(entries);
    }

    /** Same as {@link #encode()}. */
    @Override
    public String toString() {
        return encode();
    }

    private static String requireNodeId(String node) {
        if (node == null || node.isBlank()) {
            throw new IllegalArgumentException("A node id must not be blank");
        }
        for (int i = 0; i < node.length(); i++) {
            char c = node.charAt(i);
            // These would break the text form.
            if (c == ',' || c == '=' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("A node id must not contain ',', '=' or spaces: '" + node + "'");
            }
        }
        return node;
    }
}
