package io.duecall.domain.pacing;

import java.util.Objects;

/**
 * Holds another pacer to at most {@code maxLinesPerAgent} calls ringing or waiting per logged-in agent and to an
 * originate rate (infinite: none).
 */
public final class LineLimits implements Pacer {
    private final Pacer pacer;
    private final int maxLinesPerAgent;
    private final OriginateRateLimit rate;

    public LineLimits(Pacer pacer, int maxLinesPerAgent, double originatesPerSecond) {
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        if (maxLinesPerAgent <= 0) {
            throw new IllegalArgumentException("pacing.maxLinesPerAgent: " + maxLinesPerAgent + " (expected > 0)");
        }
        this.maxLinesPerAgent = maxLinesPerAgent;
        this.rate = Double.isInfinite(originatesPerSecond) ? null
                : new OriginateRateLimit(originatesPerSecond, Math.max(1, originatesPerSecond));
    }

    @Override
    public int callsToPlace(PacingSnapshot s) {
        int room = maxLinesPerAgent * s.loggedInAgents() - s.callsRinging() - s.answeredWaiting();
        int wanted = Math.min(pacer.callsToPlace(s), room);
        return wanted <= 0 ? 0 : rate == null ? wanted : rate.take(s.now(), wanted);
    }

    @Override
    public void observe(CallObservation observation) {
        pacer.observe(observation);
    }
}
