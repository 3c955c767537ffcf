package io.duecall.web;

import io.duecall.app.AgentPool;
import io.duecall.app.CampaignFigures;
import io.duecall.app.DialerEngine;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The engine's meters: calls placed, answered and abandoned and promises per campaign, whether each campaign's dial
 * cycle runs and its calling window is open, agents per state, the pacing ratio, AMI and Redis connectivity, Redis
 * latency and the ledger lines waiting for the store. Tags are campaign, outcome and state only: never an account
 * or a phone number. Campaigns added or removed at run time gain or lose their meters at the next {@link #refresh()}.
 * docker/grafana and docker/prometheus use these names; MonitoringFilesTest keeps them in step.
 */
public final class OpsMetrics {
    private final MeterRegistry registry;
    private final Clock clock;
    private final DialerEngine dialer;
    private final AgentPool agents;
    private final CampaignControl control;
    private final Timer redisLatency;
    private final Map<CampaignId, List<Meter>> campaignMeters = new HashMap<>();

    public OpsMetrics(MeterRegistry registry, Clock clock, DialerEngine dialer, AgentPool agents, HealthProbe health,
            CampaignControl control) {
        this.registry = registry;
        this.clock = clock;
        this.dialer = dialer;
        this.agents = agents;
        this.control = control;
        for (var state : AgentState.values()) {
            Gauge.builder("duecall.agents", agents, pool -> pool.figures().states(clock.instant()).stream()
                    .filter(s -> s.state() == state).count()).description("agents by state")
                    .tag("state", state.name().toLowerCase()).register(registry);
        }
        Gauge.builder("duecall.calls.in.flight", dialer, DialerEngine::callsInFlight).register(registry);
        Gauge.builder("duecall.ami.connected", health, h -> h.amiConnected() ? 1 : 0)
                .description("1 while the AMI connection is up").register(registry);
        redisLatency = Timer.builder("duecall.redis.latency").description("Redis PING round trip")
                .publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("duecall.redis.up", health, this::redisUp)
                .description("1 while Redis answers a PING, asked at each scrape").register(registry);
        Gauge.builder("duecall.ledger.outbox", dialer, DialerEngine::ledgerLinesWaiting)
                .description("ended calls whose ledger line waits for the store").register(registry);
        refresh();
    }

    /** Registers the meters of campaigns added since the last call and removes those of campaigns removed. */
    public synchronized void refresh() {
        var current = new HashSet<CampaignId>();
        for (var campaign : dialer.campaigns()) {
            current.add(campaign.id());
            campaignMeters.computeIfAbsent(campaign.id(), id -> register(campaign));
        }
        for (var it = campaignMeters.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!current.contains(entry.getKey())) {
                entry.getValue().forEach(registry::remove);
                it.remove();
            }
        }
    }

    /** Read from the campaign as it is now (an edit may move its window); NaN once it is removed. */
    private double windowOpen(DialerEngine d, CampaignId id) {
        try {
            return d.campaign(id).window().permits(clock.instant().atZone(clock.getZone())) ? 1 : 0;
        } catch (IllegalArgumentException removed) {
            return Double.NaN;
        }
    }

    private double redisUp(HealthProbe health) {
        try {
            redisLatency(health.redisPing());
            return 1;
        } catch (Exception e) {
            return 0;
        }
    }

    private List<Meter> register(Campaign campaign) {
        var id = campaign.id().value();
        var meters = new ArrayList<Meter>();
        meters.add(Gauge.builder("duecall.campaign.running", control,
                c -> c.state(campaign.id()) == CampaignControl.RunState.RUNNING ? 1 : 0)
                .description("1 while the campaign's dial cycle runs").tag("campaign", id).register(registry));
        meters.add(Gauge.builder("duecall.campaign.window.open", dialer, d -> windowOpen(d, campaign.id()))
                .description("1 while the campaign's calling window admits calls in the engine's zone")
                .tag("campaign", id).register(registry));
        meters.add(counter("duecall.calls.placed", "calls originated", id, null, f -> f.dials()));
        meters.add(counter("duecall.calls.answered", "calls answered", id, "human", f -> f.humanAnswers()));
        meters.add(counter("duecall.calls.answered", "calls answered", id, "machine", f -> f.machines()));
        meters.add(counter("duecall.calls.abandoned", "answered calls with no agent in time", id, null, f -> f.abandoned()));
        meters.add(counter("duecall.calls.bridged", "calls bridged to agents", id, null, f -> f.bridged()));
        meters.add(counter("duecall.promises", "promises to pay on calls", id, null, f -> f.promises()));
        if (campaign.mode() == CampaignMode.AGENT) {
            meters.add(Gauge.builder("duecall.pacing.ratio", dialer, d -> {
                var now = clock.instant();
                int ready = agents.figures().ready(campaign.id(), now);
                var snap = d.snapshot(d.campaign(campaign.id()), now);
                return ready == 0 ? 0 : (double) snap.callsRinging() / ready;
            }).description("calls ringing per ready agent").tag("campaign", id).register(registry));
        }
        return meters;
    }

    private Meter counter(String name, String description, String campaign, String outcome,
            ToDoubleFunction<CampaignFigures.Snapshot> value) {
        var id = new CampaignId(campaign);
        // A campaign removed between two scrapes reads as NaN until refresh() drops its meters.
        var builder = FunctionCounter.builder(name, dialer, d -> {
            try {
                return value.applyAsDouble(d.figures(id));
            } catch (IllegalArgumentException removed) {
                return Double.NaN;
            }
        }).description(description).tag("campaign", campaign);
        if (outcome != null) {
            builder.tag("outcome", outcome);
        }
        return builder.register(registry);
    }

    public void redisLatency(Duration rtt) {
        redisLatency.record(rtt);
    }
}
