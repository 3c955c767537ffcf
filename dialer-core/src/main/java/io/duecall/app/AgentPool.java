package io.duecall.app;

import io.duecall.domain.agent.AgentChooser;
import io.duecall.domain.agent.AgentHold;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentRecord;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.agent.WrapUpWatch;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.AgentRoster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The agents one dialer may use and the changes to them: shifts, pauses, and each call's reservation (the agent
 * {@link AgentChooser} picks), connection and end, held by the call's id; wrap-up ends by itself once its time has
 * passed, each judged against the {@code now} each method is given. The state lives in an {@link AgentRoster} that
 * several nodes may share; every change is a compare-and-set there, so two nodes never reserve the same agent.
 * Thread-safe: changes take the pool's lock, so this node's own changes do not race each other; {@link #figures()}
 * reads straight from the roster (the seats are fixed at construction).
 */
public final class AgentPool {
    /** Tries at a change of one agent whose record other nodes keep changing before giving up. */
    private static final int MAX_WRITE_ATTEMPTS = 100;
    /** Tries at a reservation that other nodes keep winning before this poll finds no agent. */
    private static final int MAX_RESERVE_ATTEMPTS = 16;
    private final Map<AgentId, AgentSeat> seats = new LinkedHashMap<>();
    private final Map<CampaignId, Set<String>> campaignSkills = new HashMap<>();
    private final Map<CampaignId, Members> members = new HashMap<>();
    private final WrapUpWatch wrapUps = new WrapUpWatch();
    private final Duration wrapUp;
    private final AgentRoster roster;
    private final String node;
    private final AgentFigures figures;
    private final AgentTimeKeeper time;

    /** A pool over {@code roster}, which other nodes may share; the holds it takes name {@code node}. */
    public AgentPool(List<AgentSeat> seats, Duration wrapUp, AgentRoster roster, String node) {
        this(seats, wrapUp, roster, node, AgentTimeKeeper.none());
    }

    /** The same, adding up each agent's time per day and activity through {@code time} as the agents change. */
    public AgentPool(List<AgentSeat> seats, Duration wrapUp, AgentRoster roster, String node, AgentTimeKeeper time) {
        if (wrapUp == null || wrapUp.isNegative()) {
            throw new IllegalArgumentException("agents.wrapUp: " + wrapUp + " (expected >= 0)");
        }
        this.wrapUp = wrapUp;
        this.roster = Objects.requireNonNull(roster, "roster");
        this.node = Objects.requireNonNull(node, "node");
        this.time = Objects.requireNonNull(time, "time");
        for (var seat : seats) {
            if (this.seats.putIfAbsent(seat.id(), seat) != null) {
                throw new IllegalArgumentException("agents: agent " + seat.id() + " is listed twice");
            }
        }
        this.figures = new AgentFigures(Collections.unmodifiableMap(this.seats), roster, time);
    }

    /** What the agents are doing, read from the roster: states, ready agents, workload, time in each state. */
    public AgentFigures figures() {
        return figures;
    }

    /** Logs the agent in unless they already are (through this node or another); true if it did. */
    public synchronized boolean startShift(AgentId agent, Instant now) {
        return change(agent, now, r -> r.state() == AgentState.LOGGED_OUT ? r.moved(agent, AgentState.READY, now) : r);
    }

    public synchronized void logout(AgentId agent, Instant now) {
        change(agent, now, r -> r.moved(agent, AgentState.LOGGED_OUT, now));
    }

    /** Pauses a ready, wrapping-up or logged-out agent; {@code reason} is shown to supervisors (1-40 characters). */
    public synchronized void pause(AgentId agent, String reason, Instant now) {
        if (reason == null || reason.isBlank() || reason.length() > 40) {
            throw new IllegalArgumentException("reason: '" + reason + "' (expected 1-40 characters)");
        }
        change(agent, now, r -> r.paused(agent, reason.strip(), now));
    }

    /** Makes a logged-out, paused or wrapping-up agent ready for calls. */
    public synchronized void ready(AgentId agent, Instant now) {
        change(agent, now, r -> r.moved(agent, AgentState.READY, now));
    }

    /** Every call of {@code campaign} needs an agent with all of {@code skills} (empty: any agent of the campaign). */
    public synchronized void requireSkills(CampaignId campaign, Set<String> skills) {
        var valid = AgentSeat.validSkills(skills, "campaign " + campaign + ".requiredSkills");
        members.remove(campaign);
        if (valid.isEmpty()) {
            campaignSkills.remove(campaign);
        } else {
            campaignSkills.put(campaign, valid);
        }
    }

    /**
     * Reserves for call {@code callId}, to a debtor speaking {@code language}, the agent {@link AgentChooser} picks
     * among the campaign's agents having its required skills whose seat {@code reachable} accepts, held until
     * {@code holdUntil} unless renewed ({@link #renewHold}). If another node reserves the chosen agent first, the
     * choice is made again on fresh records; when others keep winning, no agent is found this time. One read of the
     * roster per try.
     */
    public synchronized Optional<AgentId> reserveFor(CampaignId campaign, Optional<Locale> language,
            Predicate<AgentSeat> reachable, String callId, Instant holdUntil, Instant now) {
        var members = members(campaign);
        var code = language.map(Locale::getLanguage).filter(c -> !c.isEmpty());
        var hold = new AgentHold(callId, campaign, node, holdUntil);
        var records = new ArrayList<AgentRecord>(members.seats().size());
        for (int attempt = 0; attempt < MAX_RESERVE_ATTEMPTS; attempt++) {
            var stored = roster.read(members.ids());
            records.clear();
            for (var s : stored) {
                records.add(s.record().settled(now));
            }
            int chosen = AgentChooser.chooseIndex(members.seats(), records, code, reachable);
            if (chosen < 0) {
                return Optional.empty();
            }
            var agent = members.ids().get(chosen);
            if (roster.replace(agent, stored.get(chosen).version(), records.get(chosen).reserved(agent, hold, now))) {
                time.replaced(agent, stored.get(chosen).record(), now);
                return Optional.of(agent);
            }
        }
        return Optional.empty();
    }

    /** The campaign's agents having its required skills, worked out once per campaign and skill change. */
    private Members members(CampaignId campaign) {
        return members.computeIfAbsent(campaign, c -> {
            var seatsOf = AgentChooser.members(seats.values(), c, campaignSkills.getOrDefault(c, Set.of()));
            return new Members(seatsOf, seatsOf.stream().map(AgentSeat::id).toList());
        });
    }

    /** A campaign's agents, as seats and as ids in the same order. */
    private record Members(List<AgentSeat> seats, List<AgentId> ids) {}

    /**
     * The call {@code callId} did not reach its reserved agent (the bridge failed): they are ready again, keeping
     * their place; false (and nothing changes) if that hold has lapsed.
     */
    public synchronized boolean unreserve(AgentId agent, String callId, Instant now) {
        return changeHeld(agent, callId, now, r -> r.unreserved(agent, now));
    }

    /**
     * The reserved agent's phone did not answer call {@code callId} in time: the agent is paused with {@code reason}
     * (shown to supervisors) rather than offered the next call, until they or a supervisor make them ready again.
     * False (and nothing changes) if that hold has lapsed.
     */
    public synchronized boolean notAnswering(AgentId agent, String callId, String reason, Instant now) {
        if (reason == null || reason.isBlank() || reason.length() > 40) {
            throw new IllegalArgumentException("reason: '" + reason + "' (expected 1-40 characters)");
        }
        return changeHeld(agent, callId, now, r -> r.state() != AgentState.RESERVED ? r
                : r.unreserved(agent, now).paused(agent, reason.strip(), now));
    }

    /** The call {@code callId} reached its reserved agent; false (and nothing changes) if that hold has lapsed. */
    public synchronized boolean connected(AgentId agent, String callId, Instant now) {
        return changeHeld(agent, callId, now, r -> r.connected(agent, now));
    }

    /** The agent's call {@code callId} ended: wrap-up starts; false (and nothing changes) if that hold has lapsed. */
    public synchronized boolean callEnded(AgentId agent, String callId, Instant now) {
        var campaign = new CampaignId[1];
        boolean ended = changeHeld(agent, callId, now, r -> {
            var next = r.callEnded(agent, wrapUp, now);
            campaign[0] = r.hold().campaign();
            return next;
        });
        if (ended) {
            wrapUps.started(agent, campaign[0], now);
        }
        return ended;
    }

    /** Keeps the agent's hold by {@code callId} until {@code until}; false if it has lapsed or is another call's. */
    public synchronized boolean renewHold(AgentId agent, String callId, Instant until, Instant now) {
        return changeHeld(agent, callId, now, r -> r.holdRenewed(until));
    }

    /**
     * The wrap-ups after this pool's calls of {@code campaign} that ended since the last call, oldest first, each as
     * long as it lasted (cut short when the agent paused or logged out), so the campaign's pacer can learn them.
     */
    public synchronized List<Duration> takeFinishedWrapUps(CampaignId campaign, Instant now) {
        var watched = wrapUps.watched(campaign);
        return watched.isEmpty() ? List.of() : wrapUps.takeFinished(campaign, figures.settled(watched, now));
    }

    /** Applies {@code step} to the agent's record while call {@code callId} holds them; else changes nothing. */
    private boolean changeHeld(AgentId agent, String callId, Instant now, UnaryOperator<AgentRecord> step) {
        Objects.requireNonNull(callId, "callId");
        return change(agent, now, r -> r.hold() == null || !r.hold().isFor(callId) ? r : step.apply(r));
    }

    /** Applies {@code step} to the agent's settled record and writes the result unless it is the same record. */
    private boolean change(AgentId agent, Instant now, UnaryOperator<AgentRecord> step) {
        figures.requireSeat(agent);
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            var stored = roster.read(List.of(agent)).get(0);
            var current = stored.record().settled(now);
            var next = step.apply(current);
            if (next == current) {
                return false;
            }
            if (roster.replace(agent, stored.version(), next)) {
                time.replaced(agent, stored.record(), now);
                return true;
            }
        }
        throw new IllegalStateException("agent " + agent + ": changed by other nodes " + MAX_WRITE_ATTEMPTS
                + " times in a row while this node tried to change them");
    }
}
