package io.duecall.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisLedgerFeed;
import io.duecall.app.AgentPool;
import io.duecall.app.DialerEngine;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.window.CallingWindow;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import io.duecall.web.CampaignControl;
import io.duecall.web.HealthProbe;
import io.duecall.web.OpsMetrics;
import io.duecall.web.TelephonyMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The Grafana dashboard and the Prometheus alert rules in docker/ use only metric names the engine exports: every
 * {@code duecall_*} name in their expressions is in a scrape of a registry holding every meter the engine registers
 * (OpsMetrics, TelephonyMeters, the ledger's shipping gauges), so a renamed meter cannot leave them silently empty.
 */
class MonitoringFilesTest {
    private static final Path DOCKER = Path.of("../docker");
    private static final Pattern NAME = Pattern.compile("\\bduecall_[a-z0-9_]+");
    private static final CampaignId DESK = new CampaignId("desk");

    @Test
    void everyMetricTheDashboardAndTheAlertsUseIsExported() throws Exception {
        var exported = exported();

        var dashboard = names(expressions(new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/duecall.json")
                .toFile())));
        var alerts = names(expressions(new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve(
                "prometheus/alerts.yml").toFile())));

        var missing = new TreeSet<String>(dashboard);
        missing.addAll(alerts);
        missing.removeAll(exported);
        assertEquals(Set.of(), missing, "names not exported; exported: " + exported);
        assertTrue(dashboard.containsAll(Set.of("duecall_calls_placed_total", "duecall_calls_answered_total",
                "duecall_calls_abandoned_total", "duecall_agents", "duecall_ledger_outbox", "duecall_ami_connected",
                "duecall_redis_up")), dashboard.toString());
        assertTrue(alerts.containsAll(Set.of("duecall_calls_abandoned_total", "duecall_ami_connected",
                "duecall_redis_up", "duecall_ledger_outbox", "duecall_campaign_running",
                "duecall_campaign_window_open", "duecall_calls_placed_total")), alerts.toString());
    }

    @Test
    void composeLoadsTheRulesAndTheDashboard() throws IOException {
        var compose = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yaml").toFile());
        var prometheus = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("prometheus/prometheus.yml")
                .toFile());

        var mounts = new ArrayList<String>();
        compose.at("/services/prometheus/volumes").forEach(v -> mounts.add(v.asText()));
        compose.at("/services/grafana/volumes").forEach(v -> mounts.add(v.asText()));

        assertTrue(mounts.contains("./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro"), mounts.toString());
        assertTrue(mounts.contains("./grafana/dashboards:/var/lib/grafana/dashboards:ro"), mounts.toString());
        assertEquals("/etc/prometheus/alerts.yml", prometheus.at("/rule_files/0").asText());
        assertEquals("duecall:8080", prometheus.at("/scrape_configs/0/static_configs/0/targets/0").asText());
    }

    /** Every name a scrape shows once each kind of meter the engine registers has been created. */
    private static Set<String> exported() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var clock = Clock.fixed(Instant.parse("2026-03-03T15:00:00Z"), ZoneOffset.UTC);
        var agents = new AgentPool(List.of(new AgentSeat(new AgentId("101"), Set.of(DESK))), Duration.ofSeconds(20),
                new InMemoryAgentRoster(), "");
        var dialer = DialerEngine.builder(clock, d -> {}).accounts(new InMemoryAccountStore())
                .ledger(new InMemoryAttemptLedger()).promises(new InMemoryPromiseStore())
                .telephony(new SilentPbx()).agents(agents)
                .campaigns(List.of(new Campaign(DESK, "Desk", CampaignMode.AGENT, CallingWindow.defaults(), "Acme",
                        "18005550100", 10, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3)))
                .maxOriginatesPerTick(10).build();
        new OpsMetrics(registry, clock, dialer, agents, new Healthy(), new Running());
        var telephony = new TelephonyMeters(registry);
        telephony.actionAnswered("Originate", Duration.ofMillis(3));
        telephony.eventHandled("Hangup", Duration.ofMillis(1));
        telephony.sessionStarted();
        try (var jedis = new JedisPooled("127.0.0.1", 1)) {
            // Unreachable on purpose: the gauges read NaN, and their names are what counts here.
            LedgerWiring.meters(registry, new RedisLedgerFeed(jedis, new RedisAttemptLedger(jedis,
                    new RedisKeys("duecall-monitoring-test"))));
            var names = new TreeSet<String>();
            registry.scrape().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
            return names;
        }
    }

    private static List<String> expressions(JsonNode node) {
        var found = new ArrayList<String>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("expr")) {
                    found.add(e.getValue().asText());
                } else {
                    found.addAll(expressions(e.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> found.addAll(expressions(n)));
        }
        return found;
    }

    private static Set<String> names(List<String> expressions) {
        assertTrue(!expressions.isEmpty(), "no expressions found");
        var names = new TreeSet<String>();
        for (var expr : expressions) {
            NAME.matcher(expr).results().forEach(m -> names.add(m.group()));
        }
        return names;
    }

    private static final class Healthy implements HealthProbe {
        @Override
        public boolean amiConnected() {
            return true;
        }

        @Override
        public Duration redisPing() {
            return Duration.ofMillis(1);
        }

        @Override
        public Map<String, String> deploymentChecks() {
            return Map.of();
        }
    }

    /** A PBX that takes originates and reports nothing: no call is placed here anyway. */
    private static final class SilentPbx implements CallOriginator {
        @Override
        public void onEvent(Consumer<CallEvent> listener) {}

        @Override
        public void originate(CallRequest request) {}

        @Override
        public void bridgeToAgent(String callId, String agentExtension) {}

        @Override
        public void hangup(String callId) {}

        @Override
        public void close() {}
    }

    private static final class Running implements CampaignControl {
        @Override
        public void start(CampaignId campaign) {}

        @Override
        public void pause(CampaignId campaign) {}

        @Override
        public void stop(CampaignId campaign) {}

        @Override
        public RunState state(CampaignId campaign) {
            return RunState.RUNNING;
        }
    }
}
