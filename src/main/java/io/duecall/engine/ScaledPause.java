package io.duecall.engine;

import io.duecall.port.Pause;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Sleeps a campaign duration in real time divided by the clock's speed. */
public final class ScaledPause implements Pause {
    private final double speed;

    public ScaledPause(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed: " + speed + " (expected > 0)");
        }
        this.speed = speed;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep((long) (duration.toNanos() / speed));
    }
}
