package io.duecall.engine;

import io.duecall.adapter.csv.PaymentCsvReader;
import io.duecall.adapter.quartz.QuartzDialCycle;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPaymentStore;
import io.duecall.adapter.redis.RedisSuppressionStore;
import io.duecall.app.PbxPool;
import io.duecall.app.PromiseBook;
import io.duecall.app.RecordPayments;
import io.duecall.app.report.Reports;
import io.duecall.domain.campaign.Campaign;
import io.duecall.engine.config.EngineConfig;
import io.duecall.port.PaymentStore;
import io.duecall.web.HealthProbe;
import io.duecall.web.OpsParts;
import io.duecall.web.http.OpsServer;
import io.duecall.web.http.OpsWebConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * The operations server (API, dashboard, agent desk, metrics) on a running engine: its use cases, the campaign
 * control over the dial cycle, and the health it reports on {@code /healthz} and {@code /readyz}.
 */
final class OpsWiring {
    private OpsWiring() {}

    /** Starts the server on {@code http}; the caller stops it with the engine. */
    static OpsServer start(OpsWebConfig http, Engine engine, EngineConfig.Resolved config, UnifiedJedis jedis,
            QuartzDialCycle cycle, PbxPool telephony, StartUpChecks checks, PrometheusMeterRegistry registry) {
        var control = new QuartzCampaignControl(cycle, id -> engine.catalog().runDates(id).endAt());
        var health = new HealthProbe() {
            @Override
            public boolean amiConnected() {
                return telephony.available();
            }

            @Override
            public Duration redisPing() {
                long start = System.nanoTime();
                jedis.ping();
                return Duration.ofNanos(System.nanoTime() - start);
            }

            @Override
            public Map<String, String> deploymentChecks() {
                return checks.readiness();
            }
        };
        var clock = engine.clock();
        var accounts = engine.accounts();
        var promises = engine.promises();
        var keys = new RedisKeys(config.redis().keyPrefix());
        var payments = new RedisPaymentStore(jedis, keys);
        return OpsServer.start(http, new OpsParts(clock, engine.dialer(), engine.agents(), engine.desk(), accounts,
                promises, control, OpsAdapters.imports(accounts, new RedisSuppressionStore(jedis, keys),
                        engine.dialer().eligibility(), clock, config.imports()),
                OpsAdapters.exports(engine.ledger(), promises), health, engine.catalog(), registry,
                paymentFeed(engine, config, payments),
                new Reports(engine.ledger(), promises, engine.agents().figures(), clock, clock.getZone()),
                new PromiseBook(promises, accounts, engine.ledger(), payments, clock)));
    }

    /** The API's payment feed: the CSV feed's use case, taking paid-off accounts out of every current campaign. */
    private static RecordPayments paymentFeed(Engine engine, EngineConfig.Resolved config, PaymentStore payments) {
        return new RecordPayments(new PaymentCsvReader(config.imports()), payments, engine.promises(),
                engine.accounts(), () -> engine.dialer().campaigns().stream().map(Campaign::id).toList(),
                engine.clock());
    }
}
