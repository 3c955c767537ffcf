package io.duecall.adapter.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock in virtual time (simulations and tests): it stands still until moved, and never moves back. */
public final class VirtualClock extends Clock {
    private volatile Instant now;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    public synchronized void advanceTo(Instant t) {
        if (t.isAfter(now)) {
            now = t;
        }
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
