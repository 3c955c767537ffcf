package io.duecall.domain.pacing;

/**
 * An emulation of VICIdial's ADAPT_AVERAGE dial level, as a baseline: every 15 s the level is scaled by the average
 * of (ready agents - waiting calls) / logged-in agents seen since the last adjustment, clamped to 1.0-3.0, and halved
 * once the day's drop rate passes the limit after 50 live answers. Calls keep level x ready agents lines up.
 */
public final class AdaptiveDialLevelPacer implements Pacer {
    private static final double PERIOD = 15;
    private static final double MIN_LEVEL = 1.0;
    private static final double MAX_LEVEL = 3.0;
    private final double dropLimit;
    private double level = MIN_LEVEL;
    private double periodStart = Double.NaN;
    private double sum;
    private int samples;

    public AdaptiveDialLevelPacer(double dropLimit) {
        if (!(dropLimit > 0 && dropLimit < 1)) {
            throw new IllegalArgumentException("pacing.dropLimit: " + dropLimit + " (expected 0 < limit < 1)");
        }
        this.dropLimit = dropLimit;
    }

    public double level() {
        return level;
    }

    @Override
    public int callsToPlace(PacingSnapshot s) {
        if (s.loggedInAgents() == 0) {
            return 0;
        }
        adjust(s);
        long target = Math.round(level * s.readyAgents());
        long wanted = target - s.callsRinging() - s.answeredWaiting();
        return (int) Math.max(0, Math.min(wanted, s.freeChannels()));
    }

    private void adjust(PacingSnapshot s) {
        if (Double.isNaN(periodStart)) {
            periodStart = s.now();
        }
        sum += (double) (s.readyAgents() - s.answeredWaiting()) / s.loggedInAgents();
        samples++;
        if (s.now() - periodStart < PERIOD) {
            return;
        }
        level = Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, level * (1 + sum / samples)));
        var c = s.counters();
        if (c.liveAnswersToday() >= 50 && c.dayRate() > dropLimit) {
            level = Math.max(MIN_LEVEL, level / 2);
        }
        periodStart = s.now();
        sum = 0;
        samples = 0;
    }
}
