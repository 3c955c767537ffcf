package io.duecall.web;

import io.duecall.app.AgentDesk;
import io.duecall.app.DialerEngine;
import io.duecall.app.ImportAccounts;
import io.duecall.app.RecordPayments;
import io.duecall.domain.agent.AgentPool;
import io.duecall.port.AccountStore;
import io.duecall.port.AttemptLedger;
import io.duecall.port.PromiseStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.function.Function;

/**
 * What the operations server needs from the running engine. {@code importerForRegion} takes a region or null;
 * {@code registry} is shared with the meters the engine's adapters feed ({@link TelephonyMeters}); {@code payments}
 * records what {@code POST /api/payments} receives.
 */
public record OpsParts(Clock clock, DialerEngine dialer, AgentPool agents, AgentDesk desk, AccountStore accounts,
        AttemptLedger ledger, PromiseStore promises, CampaignControl control,
        Function<String, ImportAccounts> importerForRegion, HealthProbe health, CampaignEditor campaigns,
        PrometheusMeterRegistry registry, RecordPayments payments) {

    /** No payment feed: {@code POST /api/payments} answers 503. */
    public OpsParts(Clock clock, DialerEngine dialer, AgentPool agents, AgentDesk desk, AccountStore accounts,
            AttemptLedger ledger, PromiseStore promises, CampaignControl control,
            Function<String, ImportAccounts> importerForRegion, HealthProbe health, CampaignEditor campaigns,
            PrometheusMeterRegistry registry) {
        this(clock, dialer, agents, desk, accounts, ledger, promises, control, importerForRegion, health, campaigns,
                registry, null);
    }

    /** Campaigns from the configuration file only, and a registry of the server's own. */
    public OpsParts(Clock clock, DialerEngine dialer, AgentPool agents, AgentDesk desk, AccountStore accounts,
            AttemptLedger ledger, PromiseStore promises, CampaignControl control,
            Function<String, ImportAccounts> importerForRegion, HealthProbe health) {
        this(clock, dialer, agents, desk, accounts, ledger, promises, control, importerForRegion, health,
                CampaignEditor.UNSUPPORTED, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }
}
