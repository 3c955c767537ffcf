package io.duecall.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that starts at a chosen instant and runs {@code speed} times faster than real time, so a demo can show
 * a campaign morning in a minute. Production runs at speed 1 from the system clock.
 */
public final class ScaledClock extends Clock {
    private final Instant origin;
    private final long originNanos;
    private final double speed;

    public ScaledClock(Instant origin, double speed) {
        this(origin, System.nanoTime(), speed);
    }

    /**
     * A scaled clock that read {@code origin} at the wall-clock instant {@code realAnchor}: processes on one machine
     * given the same pair agree on the time, as the dialer nodes of one cluster must (their leases compare instants).
     */
    public static ScaledClock anchored(Instant origin, Instant realAnchor, double speed) {
        long sinceAnchorNanos = (System.currentTimeMillis() - realAnchor.toEpochMilli()) * 1_000_000L;
        return new ScaledClock(origin, System.nanoTime() - sinceAnchorNanos, speed);
    }

    private ScaledClock(Instant origin, long originNanos, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed: " + speed + " (expected > 0)");
        }
        this.origin = origin;
        this.originNanos = originNanos;
        this.speed = speed;
    }

    public double speed() {
        return speed;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((long) ((System.nanoTime() - originNanos) * speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("ScaledClock runs in UTC; convert instants with atZone instead");
        }
        return this;
    }
}
