package io.duecall.engine;

import io.duecall.adapter.quartz.QuartzDialCycle;
import io.duecall.adapter.quartz.QuartzPromiseSweep;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPaymentStore;
import io.duecall.app.DialerEngine;
import io.duecall.app.PromiseFollowUp;
import io.duecall.engine.config.EngineConfig;
import io.duecall.port.AccountStore;
import io.duecall.port.PromiseStore;
import java.time.Clock;
import redis.clients.jedis.UnifiedJedis;

/**
 * A dialer's Quartz jobs (a test call's engine has none): the dial cycle of each campaign and the daily follow-up of
 * promises whose pay-by date is over.
 */
record CampaignJobs(QuartzDialCycle cycle, QuartzPromiseSweep promiseSweep) {

    /** Schedules the promise sweep and readies the dial cycle, which dials nothing until {@link #startCampaigns}. */
    static CampaignJobs start(EngineConfig.Resolved config, Clock clock, DialerEngine dialer, PromiseStore promises,
            AccountStore accounts, UnifiedJedis jedis, RedisKeys keys, Parts parts) {
        // Every node ticks its own campaigns: each dials through its own PBX connections and agents, and the Redis
        // leases keep the nodes' claims apart. The shared job store is for the jobs that must run once (the sweep).
        var cycle = parts.add(new QuartzDialCycle(dialer, config.scheduler().tickInterval(),
                config.scheduler().holidayDates(), config.scheduler().holidayZoneId()));
        // The engine's own eligibility, so promises of campaigns added at run time are followed up too.
        var followUp = new PromiseFollowUp(promises, new RedisPaymentStore(jedis, keys), accounts, dialer.eligibility());
        var sweep = parts.add(new QuartzPromiseSweep(followUp, clock, config.promises().sweepAt(),
                config.promises().zoneId(), config.clustered()));
        return new CampaignJobs(cycle, sweep);
    }

    /** Starts the dial cycle of every configured campaign. */
    void startCampaigns(EngineConfig.Resolved config) {
        for (var campaign : config.campaigns().list()) {
            var dates = config.campaigns().runDates(campaign.id());
            cycle.start(campaign.id(), dates.startAt(), dates.endAt());
        }
    }

    void stopCampaigns(EngineConfig.Resolved config) {
        config.campaigns().list().forEach(c -> cycle.stop(c.id()));
    }
}
