package io.duecall.domain.pacing;

import io.duecall.domain.campaign.CampaignMode;
import java.util.Objects;

/**
 * How one campaign paces its calls: the pacer ({@code mode}) and its limits. Agent campaigns dial progressive, power
 * or predictive; IVR reminder campaigns dial agentless, as many calls as their channels allow.
 *
 * @param linesPerAgent lines per ready agent, for power dialing only
 * @param maxLinesPerAgent most calls ringing or waiting per logged-in agent (power and predictive)
 * @param maxOriginatesPerSecond the trunk's originate-rate limit for this campaign; infinite for none (not predictive)
 * @param targetAbandonRate the share of live answers the predictive pacer aims to abandon, at most the 3% limit
 */
public record PacingPolicy(Mode mode, double linesPerAgent, int maxLinesPerAgent, double maxOriginatesPerSecond,
        double targetAbandonRate) {
    public static final double ABANDON_LIMIT = 0.03;

    public enum Mode { PROGRESSIVE, POWER, PREDICTIVE, AGENTLESS }

    public PacingPolicy {
        Objects.requireNonNull(mode, "pacing.mode");
        if (!(linesPerAgent >= 1) || Double.isInfinite(linesPerAgent)) {
            throw new IllegalArgumentException("pacing.linesPerAgent: " + linesPerAgent + " (expected >= 1)");
        }
        if (maxLinesPerAgent <= 0) {
            throw new IllegalArgumentException("pacing.maxLinesPerAgent: " + maxLinesPerAgent + " (expected > 0)");
        }
        if (mode == Mode.POWER && linesPerAgent > maxLinesPerAgent) {
            throw new IllegalArgumentException("pacing.linesPerAgent: " + linesPerAgent
                    + " (expected at most maxLinesPerAgent " + maxLinesPerAgent + ")");
        }
        if (!(maxOriginatesPerSecond > 0) || mode == Mode.PREDICTIVE && Double.isInfinite(maxOriginatesPerSecond)) {
            throw new IllegalArgumentException("pacing.maxOriginatesPerSecond: " + maxOriginatesPerSecond
                    + " (expected > 0" + (mode == Mode.PREDICTIVE ? " and finite for predictive pacing)" : ")"));
        }
        if (!(targetAbandonRate > 0 && targetAbandonRate <= ABANDON_LIMIT)) {
            throw new IllegalArgumentException("pacing.targetAbandonRate: " + targetAbandonRate + " (expected > 0 and <= "
                    + ABANDON_LIMIT + ")");
        }
    }

    /** Progressive for agent campaigns, agentless for IVR campaigns. */
    public static PacingPolicy defaultsFor(CampaignMode campaign) {
        return of(campaign == CampaignMode.AGENT ? Mode.PROGRESSIVE : Mode.AGENTLESS);
    }

    /**
     * The mode with its defaults: 1.5 lines per ready agent, at most 3 per agent, aiming at 2.5% abandoned; power and
     * predictive originate at most 10 calls a second, progressive and agentless have no rate limit of their own.
     */
    public static PacingPolicy of(Mode mode) {
        return new PacingPolicy(mode, 1.5, 3, defaultOriginatesPerSecond(mode), 0.025);
    }

    public static double defaultOriginatesPerSecond(Mode mode) {
        return mode == Mode.POWER || mode == Mode.PREDICTIVE ? 10.0 : Double.POSITIVE_INFINITY;
    }

    /** Null if the mode suits the campaign, else why not: agentless needs an IVR campaign, the others agents. */
    public String mismatch(CampaignMode campaign) {
        boolean agentless = mode == Mode.AGENTLESS;
        if (agentless == (campaign == CampaignMode.AGENT)) {
            return "pacing.mode: " + mode.name().toLowerCase() + " (expected " + (campaign == CampaignMode.AGENT
                    ? "progressive, power or predictive for an AGENT campaign" : "agentless for an IVR_REMINDER campaign")
                    + ")";
        }
        return null;
    }

    /** A new pacer of this policy; agentless pacers place at most {@code maxPerTick} calls a tick. */
    public Pacer newPacer(int maxPerTick) {
        return switch (mode) {
            case PROGRESSIVE -> new LineLimits(new ProgressivePacer(), maxLinesPerAgent, maxOriginatesPerSecond);
            case POWER -> new LineLimits(new PowerPacer(linesPerAgent), maxLinesPerAgent, maxOriginatesPerSecond);
            case PREDICTIVE -> new PredictivePacer(PredictiveConfig.defaults().withMaxLinesPerAgent(maxLinesPerAgent)
                    .withOriginatesPerSecond(maxOriginatesPerSecond).withAbandonTarget(targetAbandonRate));
            case AGENTLESS -> new AgentlessPacer(maxPerTick, Double.isInfinite(maxOriginatesPerSecond) ? null
                    : new OriginateRateLimit(maxOriginatesPerSecond, Math.max(1, maxOriginatesPerSecond)));
        };
    }
}
