package io.duecall.engine;

import io.duecall.adapter.quartz.QuartzDialCycle;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.web.CampaignControl;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Campaign control over the Quartz dial cycle; a campaign started here keeps its configured end date. */
public final class QuartzCampaignControl implements CampaignControl {
    private final QuartzDialCycle cycle;
    private final Function<CampaignId, Instant> endAt;
    private final Map<CampaignId, Boolean> paused = new ConcurrentHashMap<>();

    public QuartzCampaignControl(QuartzDialCycle cycle, Function<CampaignId, Instant> endAt) {
        this.cycle = cycle;
        this.endAt = endAt;
    }

    @Override
    public synchronized void start(CampaignId campaign) {
        if (Boolean.TRUE.equals(paused.remove(campaign))) {
            cycle.resume(campaign);
        } else if (!cycle.running(campaign)) {
            cycle.start(campaign, null, endAt.apply(campaign));
        }
    }

    @Override
    public synchronized void pause(CampaignId campaign) {
        if (!cycle.running(campaign)) {
            throw new IllegalStateException("campaign " + campaign + " is not running, so it cannot be paused");
        }
        cycle.pause(campaign);
        paused.put(campaign, true);
    }

    @Override
    public synchronized void stop(CampaignId campaign) {
        cycle.stop(campaign);
        paused.remove(campaign);
    }

    @Override
    public synchronized RunState state(CampaignId campaign) {
        if (!cycle.running(campaign)) {
            return RunState.STOPPED;
        }
        return paused.containsKey(campaign) ? RunState.PAUSED : RunState.RUNNING;
    }
}
