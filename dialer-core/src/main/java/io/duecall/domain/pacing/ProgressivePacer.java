package io.duecall.domain.pacing;

/** One line per ready agent that has no call already on its way: no call can find every agent busy. */
public final class ProgressivePacer implements Pacer {
    @Override
    public int callsToPlace(PacingSnapshot s) {
        int uncovered = s.readyAgents() - s.callsRinging() - s.answeredWaiting();
        return Math.max(0, Math.min(uncovered, s.freeChannels()));
    }
}
