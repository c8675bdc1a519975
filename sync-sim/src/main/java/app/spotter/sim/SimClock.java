package app.spotter.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time: the server's clock, moved by the driver only. A desk's clock is a view of it
 * shifted by that desk's skew ({@link #skewedBy}), so a desk hours off stays hours off.
 */
public final class SimClock extends Clock {

    private volatile Instant now;
    private final Duration skew;
    private final SimClock base;

    public SimClock(Instant now) {
        this.now = now;
        this.skew = Duration.ZERO;
        this.base = null;
    }

    private SimClock(SimClock base, Duration skew) {
        this.base = base;
        this.skew = skew;
    }

    /** A clock that reads this one plus {@code skew} (negative: behind). */
    public SimClock skewedBy(Duration skew) {
        return new SimClock(this, skew);
    }

    public void advance(Duration d) {
        if (base != null) {
            throw new IllegalStateException("Move the base clock, not a desk's view of it");
        }
        now = now.plus(d);
    }

    public void set(Instant instant) {
        if (base != null) {
            throw new IllegalStateException("Move the base clock, not a desk's view of it");
        }
        now = instant;
    }

    public Duration skew() {
        return skew;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base == null ? now : base.instant().plus(skew);
    }
}
