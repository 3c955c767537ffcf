package io.duecall.engine;

import io.duecall.adapter.ami.AmiConfig;
import io.duecall.adapter.ami.AmiPbx;
import io.duecall.adapter.csv.ImportLimits;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.domain.window.CallingWindow;
import io.duecall.engine.config.AgiSettings;
import io.duecall.engine.config.ConfiguredAgents;
import io.duecall.engine.config.ConfiguredCampaign;
import io.duecall.engine.config.ConfiguredCampaigns;
import io.duecall.engine.config.EngineConfig;
import io.duecall.engine.config.PromiseSettings;
import io.duecall.engine.config.RedisSettings;
import io.duecall.engine.config.SchedulerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo's configuration without the demo: two campaigns (IVR reminders with agents for callers who press 0, and a
 * predictive agent desk), ten agents and the default PBX contexts. {@code ./duecall dialplan} without a file prints
 * the dialplan of this configuration; the demo (module {@code demo}) runs it against the PBX simulator.
 */
public final class DemoConfig {
    public static final CampaignId REMINDERS = new CampaignId("reminders");
    public static final CampaignId DESK = new CampaignId("desk");

    private DemoConfig() {}

    /** Everything stored under {@code keyPrefix}. */
    public static EngineConfig.Resolved of(String keyPrefix) {
        var window = CallingWindow.defaults();
        var campaigns = List.of(
                new Campaign(REMINDERS, "Early-stage reminders", CampaignMode.IVR_REMINDER, window, "Northwind Lending",
                        "18005550199", 40, Duration.ofSeconds(25), Duration.ofSeconds(2), Duration.ofMinutes(10), 3),
                new Campaign(DESK, "Late-stage agent desk", CampaignMode.AGENT, window, "Northwind Lending",
                        "18005550199", 20, Duration.ofSeconds(25), Duration.ofSeconds(2), Duration.ofMinutes(10), 3));
        var seats = new ArrayList<AgentSeat>();
        for (int ext = 101; ext <= 110; ext++) {
            seats.add(new AgentSeat(new AgentId(Integer.toString(ext)), Set.of(ext <= 104 ? DESK : REMINDERS)));
        }
        var redis = new RedisSettings(null, keyPrefix).withDefaults();
        var agi = new AgiSettings("127.0.0.1", 0).withDefaults();
        var scheduler = new SchedulerSettings(Duration.ofMillis(50), 10, null, null).withDefaults();
        return new EngineConfig.Resolved(redis, List.of(AmiPbx.single(EngineConfig.SINGLE_PBX, AmiConfig.defaults())),
                agi, scheduler, null, new ConfiguredAgents(Duration.ofSeconds(20), seats),
                new ConfiguredCampaigns(List.of(ConfiguredCampaign.of(campaigns.get(0), null),
                        ConfiguredCampaign.of(campaigns.get(1), PacingPolicy.of(PacingPolicy.Mode.PREDICTIVE)))),
                PromiseSettings.defaults(), null, ImportLimits.defaults());
    }
}
