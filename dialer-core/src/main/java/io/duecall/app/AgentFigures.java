package io.duecall.app;

import io.duecall.domain.agent.AgentActivity;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentRecord;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.agent.AgentStatus;
import io.duecall.domain.agent.AgentTime;
import io.duecall.domain.agent.AgentWorkload;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.AgentRoster;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agents are doing, read from the shared roster for the screens, the metrics and the pacers: each agent's
 * state, the ready agents and workload of a campaign, the time spent in each state. Reads only; every record is
 * settled at the {@code now} given (a wrap-up whose time has passed reads as ready).
 */
public final class AgentFigures {
    private final Map<AgentId, AgentSeat> seats;
    private final AgentRoster roster;
    private final AgentTimeKeeper time;

    AgentFigures(Map<AgentId, AgentSeat> seats, AgentRoster roster, AgentTimeKeeper time) {
        this.seats = seats;
        this.roster = roster;
        this.time = time;
    }

    /**
     * Each agent's time on {@code day} (in the zone the pool adds time up in) by activity, in seat order: what was
     * added up at their changes, and what their records have run through since their last change, up to {@code now}.
     */
    public Map<AgentId, Map<AgentActivity, Duration>> timeOn(LocalDate day, Instant now) {
        var result = new LinkedHashMap<AgentId, Map<AgentActivity, Duration>>();
        var stored = roster.read(List.copyOf(seats.keySet()));
        for (var s : stored) {
            var spent = new LinkedHashMap<>(time.log().day(s.agent(), day));
            AgentTime.byDay(AgentTime.since(s.record(), now), time.zone()).getOrDefault(day, Map.of())
                    .forEach((activity, d) -> spent.merge(activity, d, Duration::plus));
            result.put(s.agent(), spent);
        }
        return result;
    }

    /** The zone the agents' days are counted in. */
    public ZoneId timeZone() {
        return time.zone();
    }

    /**
     * Every agent's state at {@code now}, in seat order, with the pause reason of paused agents and the call a
     * reserved or talking agent is held for.
     */
    public List<AgentStatus> states(Instant now) {
        var records = settled(List.copyOf(seats.keySet()), now);
        return seats.values().stream().map(seat -> {
            var r = records.get(seat.id());
            var held = r.state() == AgentState.RESERVED || r.state() == AgentState.ON_CALL ? r.hold() : null;
            return new AgentStatus(seat, r.state(), r.pauseReason(), r.enteredAt(), held);
        }).toList();
    }

    public AgentState state(AgentId agent, Instant now) {
        requireSeat(agent);
        return settled(List.of(agent), now).get(agent).state();
    }

    /** Whether the agent is configured at all. */
    public boolean knows(AgentId agent) {
        return seats.containsKey(agent);
    }

    public int ready(CampaignId campaign, Instant now) {
        return (int) settled(members(campaign), now).values().stream()
                .filter(r -> r.state() == AgentState.READY).count();
    }

    /** The campaign's agents at {@code now}: counts by state and each busy agent's time in talk or wrap-up so far. */
    public AgentWorkload workload(CampaignId campaign, Instant now) {
        return AgentWorkload.of(settled(members(campaign), now).values(), now);
    }

    /** Time spent in each state by all agents so far, for occupancy figures. */
    public Map<AgentState, Duration> timeInStates(Instant now) {
        var totals = new EnumMap<AgentState, Duration>(AgentState.class);
        for (var r : settled(List.copyOf(seats.keySet()), now).values()) {
            r.accrued(now).forEach((state, time) -> totals.merge(state, time, Duration::plus));
        }
        return totals;
    }

    Map<AgentId, AgentRecord> settled(List<AgentId> agents, Instant now) {
        var records = new LinkedHashMap<AgentId, AgentRecord>();
        roster.read(agents).forEach(s -> records.put(s.agent(), s.record().settled(now)));
        return records;
    }

    void requireSeat(AgentId agent) {
        if (!seats.containsKey(agent)) {
            throw new IllegalArgumentException("agent: '" + agent + "' is not configured");
        }
    }

    private List<AgentId> members(CampaignId campaign) {
        return seats.values().stream().filter(s -> s.campaigns().contains(campaign)).map(AgentSeat::id).toList();
    }
}
