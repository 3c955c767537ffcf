package io.duecall.web;

import io.duecall.app.CampaignFigures;
import io.duecall.app.DialerEngine;
import io.duecall.domain.agent.AgentPool;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.campaign.CampaignMode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The engine's meters: calls placed, answered and abandoned and promises per campaign, agents per state, the
 * pacing ratio, AMI connectivity and Redis latency. Tags are campaign, outcome and state only: never an account
 * or a phone number.
 */
public final class OpsMetrics {
    private final Timer redisLatency;

    public OpsMetrics(MeterRegistry registry, Clock clock, DialerEngine dialer, AgentPool agents, HealthProbe health) {
        for (var campaign : dialer.campaigns()) {
            var id = campaign.id();
            counter(registry, "duecall.calls.placed", "calls originated", id.value(), null, dialer, f -> f.dials());
            counter(registry, "duecall.calls.answered", "calls answered", id.value(), "human", dialer, f -> f.humanAnswers());
            counter(registry, "duecall.calls.answered", "calls answered", id.value(), "machine", dialer, f -> f.machines());
            counter(registry, "duecall.calls.abandoned", "answered calls with no agent in time", id.value(), null, dialer,
                    f -> f.abandoned());
            counter(registry, "duecall.calls.bridged", "calls bridged to agents", id.value(), null, dialer, f -> f.bridged());
            counter(registry, "duecall.promises", "promises to pay on calls", id.value(), null, dialer, f -> f.promises());
            if (campaign.mode() == CampaignMode.AGENT) {
                Gauge.builder("duecall.pacing.ratio", dialer, d -> {
                    var now = clock.instant();
                    int ready = agents.ready(id, now);
                    var snap = d.snapshot(campaign, now);
                    return ready == 0 ? 0 : (double) snap.callsRinging() / ready;
                }).description("calls ringing per ready agent").tag("campaign", id.value()).register(registry);
            }
        }
        for (var state : AgentState.values()) {
            Gauge.builder("duecall.agents", agents, pool -> pool.states(clock.instant()).stream()
                    .filter(s -> s.state() == state).count()).description("agents by state")
                    .tag("state", state.name().toLowerCase()).register(registry);
        }
        Gauge.builder("duecall.calls.in.flight", dialer, DialerEngine::callsInFlight).register(registry);
        Gauge.builder("duecall.ami.connected", health, h -> h.amiConnected() ? 1 : 0)
                .description("1 while the AMI connection is up").register(registry);
        redisLatency = Timer.builder("duecall.redis.latency").description("Redis PING round trip")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, String campaign,
            String outcome, DialerEngine dialer, ToDoubleFunction<CampaignFigures.Snapshot> value) {
        var builder = FunctionCounter.builder(name, dialer,
                d -> value.applyAsDouble(d.figures(new io.duecall.domain.campaign.CampaignId(campaign))))
                .description(description).tag("campaign", campaign);
        if (outcome != null) {
            builder.tag("outcome", outcome);
        }
        builder.register(registry);
    }

    void redisLatency(Duration rtt) {
        redisLatency.record(rtt);
    }
}
