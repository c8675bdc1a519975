package app.spotter.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What happened in one run, step by step: the ordered events (actions, network fates, outcomes).
 * Printed when the run fails (or always with -Dspotter.sim.trace). Its {@link #hash()} is the
 * run's fingerprint: the same seed must give the same hash. The hash leaves out what the seed does
 * not decide: wall-clock milliseconds, and the spelling of ids the server mints at random (each id
 * becomes {@code #n}, its order of first appearance, which the seed does decide).
 */
public final class SimLog {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final List<String> lines = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    private final Map<String, Integer> aliases = new LinkedHashMap<>();
    private int step;
    private final long started = System.nanoTime();

    synchronized void step(int step) {
        this.step = step;
    }

    /** Events may come from the desk's HTTP threads (the poke stream) while the driver waits for them. */
    public synchronized void event(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        lines.add(String.format(Locale.ROOT, "[%3d %6d ms] ", step, (System.nanoTime() - started) / 1_000_000) + text);
        trace.add(String.format(Locale.ROOT, "[%3d] ", step) + normalized(text));
    }

    private String normalized(String text) {
        Matcher m = UUID_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int alias = aliases.computeIfAbsent(m.group(), id -> aliases.size() + 1);
            m.appendReplacement(out, "#" + alias);
        }
        m.appendTail(out);
        return out.toString();
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The events as hashed: no times, ids as their order of first appearance. */
    public synchronized List<String> trace() {
        return List.copyOf(trace);
    }

    /** SHA-256 of the trace, first 16 hex digits. */
    public synchronized String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : trace) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last {@code n} lines, for a failure message. */
    public synchronized String tail(int n) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
