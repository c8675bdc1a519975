package app.spotter.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What happened in one run, step by step: printed when the run fails (or always with -Dspotter.sim.trace). */
public final class SimLog {

    private final List<String> lines = new ArrayList<>();
    private int step;
    private final long started = System.nanoTime();

    void step(int step) {
        this.step = step;
    }

    public void event(String format, Object... args) {
        lines.add(String.format(Locale.ROOT, "[%3d %6d ms] ", step, (System.nanoTime() - started) / 1_000_000) + String.format(Locale.ROOT, format, args));
    }

    public List<String> lines() {
        return lines;
    }

    /** The last {@code n} lines, for a failure message. */
    public String tail(int n) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
