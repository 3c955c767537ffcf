package io.duecall.domain.pacing;

/** A fixed number of lines per ready agent (power dialing); 1.0 is progressive. No abandon control of its own. */
public final class PowerPacer implements Pacer {
    private final double linesPerReadyAgent;

    public PowerPacer(double linesPerReadyAgent) {
        if (!(linesPerReadyAgent >= 1.0) || Double.isInfinite(linesPerReadyAgent)) {
            throw new IllegalArgumentException("pacing.linesPerReadyAgent: " + linesPerReadyAgent + " (expected >= 1)");
        }
        this.linesPerReadyAgent = linesPerReadyAgent;
    }

    public double linesPerReadyAgent() {
        return linesPerReadyAgent;
    }

    @Override
    public int callsToPlace(PacingSnapshot s) {
        long target = Math.round(linesPerReadyAgent * s.readyAgents());
        long wanted = target - s.callsRinging() - s.answeredWaiting();
        return (int) Math.max(0, Math.min(wanted, s.freeChannels()));
    }
}
