package io.duecall.app.report;

import io.duecall.domain.agent.AgentActivity;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Works out {@link AgentDay}s: calls from the ledger lines bridged to each agent that day, time from the agents'
 * daily time by activity, and promises from the promise store, each counted for the agent whose call made it.
 */
final class AgentDays {
    private AgentDays() {}

    /** {@code promiseOf} finds the promise a call made, if any: asked only for the calls agents took that day. */
    static List<AgentDay> of(LocalDate day, ZoneId zone, Map<AgentId, Map<AgentActivity, Duration>> time,
            Lines lines, Function<String, Optional<PromiseToPay>> promiseOf) {
        var calls = new HashMap<String, Long>();
        var agentOfCall = new HashMap<String, String>();
        lines.forEach(line -> {
            if (line.agent() != null && line.bridgedAt() != null && !line.test()
                    && line.bridgedAt().atZone(zone).toLocalDate().equals(day)) {
                calls.merge(line.agent(), 1L, Long::sum);
                agentOfCall.put(line.callId(), line.agent());
            }
        });
        var promised = new HashMap<String, Long>();
        agentOfCall.forEach((callId, agent) -> {
            if (promiseOf.apply(callId).isPresent()) {
                promised.merge(agent, 1L, Long::sum);
            }
        });
        var rows = new ArrayList<AgentDay>(time.size());
        time.forEach((agent, spent) -> rows.add(row(agent, day, spent, calls.getOrDefault(agent.value(), 0L),
                promised.getOrDefault(agent.value(), 0L))));
        return rows;
    }

    private static AgentDay row(AgentId agent, LocalDate day, Map<AgentActivity, Duration> spent, long calls,
            long promises) {
        var paused = new TreeMap<String, Duration>();
        spent.forEach((activity, d) -> {
            if (activity.state() == AgentState.PAUSED) {
                paused.merge(activity.pauseReason(), d, Duration::plus);
            }
        });
        var ready = in(spent, AgentState.READY);
        var reserved = in(spent, AgentState.RESERVED);
        var talk = in(spent, AgentState.ON_CALL);
        var wrap = in(spent, AgentState.WRAP_UP);
        var available = ready.plus(reserved).plus(talk).plus(wrap);
        var handling = talk.plus(wrap);
        double occupancy = available.isZero() ? 0 : (double) handling.toMillis() / available.toMillis();
        var signedIn = available.plus(paused.values().stream().reduce(Duration.ZERO, Duration::plus));
        double perHour = signedIn.isZero() ? 0 : calls * 3_600_000.0 / signedIn.toMillis();
        return new AgentDay(agent, day, calls, ready, reserved, talk, wrap, paused, promises, occupancy, perHour);
    }

    private static Duration in(Map<AgentActivity, Duration> spent, AgentState state) {
        return spent.getOrDefault(AgentActivity.in(state), Duration.ZERO);
    }
}
