package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code agents:}: the wrap-up time after each call and the seats, each with its campaigns, skills and PBX. */
public record AgentSettings(Duration wrapUp, List<SeatSettings> seats) {

    /** 20 seconds of wrap-up, no seats: an IVR-only node. */
    public static AgentSettings defaults() {
        return new AgentSettings(Duration.ofSeconds(20), List.of());
    }

    public AgentSettings withDefaults() {
        var d = defaults();
        return new AgentSettings(or(wrapUp, d.wrapUp()), or(seats, d.seats()));
    }

    /**
     * The seats, each of the {@code campaigns} configured and on one of the {@code pbxNames}; each problem is added
     * to {@code errors} under the seat's key, and its seat left out.
     */
    ConfiguredAgents resolve(List<Campaign> campaigns, Set<String> pbxNames, List<String> errors) {
        var known = new HashSet<CampaignId>();
        campaigns.forEach(c -> known.add(c.id()));
        var list = new ArrayList<AgentSeat>();
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i) == null) {
                errors.add("agents.seats[" + i + "] is empty (expected an id and its campaigns)");
                continue;
            }
            try {
                list.add(seat(seats.get(i), known, pbxNames));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add("agents.seats[" + i + "]: " + e.getMessage());
            }
        }
        return new ConfiguredAgents(wrapUp, list);
    }

    private static AgentSeat seat(SeatSettings s, Set<CampaignId> known, Set<String> pbxNames) {
        var ids = new HashSet<CampaignId>();
        for (var name : or(s.campaigns(), List.<String>of())) {
            var id = new CampaignId(name);
            if (!known.contains(id)) {
                throw new IllegalArgumentException("campaign '" + name + "' is not configured");
            }
            ids.add(id);
        }
        if (s.pbx() != null && !pbxNames.contains(s.pbx())) {
            throw new IllegalArgumentException("pbx '" + s.pbx() + "' is not one of the configured PBXs "
                    + new TreeSet<>(pbxNames));
        }
        return new AgentSeat(new AgentId(s.id()), ids, s.skills() == null ? null : new HashSet<>(s.skills()), s.pbx());
    }
}
