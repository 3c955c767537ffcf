package io.duecall.domain.pacing;

/** One line per ready agent that has no call already on its way: no call can find every agent busy. */
public final class ProgressivePacer implements Pacer {
    @Override
    public int callsToPlace(PacingSnapshot s) {
        return Math.min(s.uncoveredAgents(), s.freeChannels());
    }
}
