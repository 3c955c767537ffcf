package io.duecall.app;

import io.duecall.domain.agent.AgentHold;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentRecord;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.agent.AgentStatus;
import io.duecall.domain.agent.AgentWorkload;
import io.duecall.domain.agent.WrapUpWatch;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.AgentRoster;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
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
import java.util.stream.IntStream;

/**
 * The agents one dialer may use and the decisions about them: calls go to the ready agent who has been idle
 * longest, wrap-up ends by itself once its time has passed, each judged against the {@code now} each method is given.
 * The state lives in an {@link AgentRoster} that several nodes may share; every change is a compare-and-set there,
 * so two nodes never reserve the same agent. Thread-safe: changes take the pool's lock, so this node's own changes
 * do not race each other; reads go straight to the roster (the seats are fixed at construction).
 */
public final class AgentPool {
    /** Tries at a change of one agent whose record other nodes keep changing before giving up. */
    private static final int MAX_WRITE_ATTEMPTS = 100;
    /** Tries at a reservation that other nodes keep winning before this poll finds no agent. */
    private static final int MAX_RESERVE_ATTEMPTS = 16;
    private final Map<AgentId, AgentSeat> seats = new LinkedHashMap<>();
    private final Map<CampaignId, Set<String>> campaignSkills = new HashMap<>();
    private final WrapUpWatch wrapUps = new WrapUpWatch();
    private final Duration wrapUp;
    private final AgentRoster roster;
    private final String node;

    /** A pool over {@code roster}, which other nodes may share; the holds it takes name {@code node}. */
    public AgentPool(List<AgentSeat> seats, Duration wrapUp, AgentRoster roster, String node) {
        if (wrapUp == null || wrapUp.isNegative()) {
            throw new IllegalArgumentException("agents.wrapUp: " + wrapUp + " (expected >= 0)");
        }
        this.wrapUp = wrapUp;
        this.roster = Objects.requireNonNull(roster, "roster");
        this.node = Objects.requireNonNull(node, "node");
        for (var seat : seats) {
            if (this.seats.putIfAbsent(seat.id(), seat) != null) {
                throw new IllegalArgumentException("agents: agent " + seat.id() + " is listed twice");
            }
        }
    }

    public synchronized void login(AgentId agent, Instant now) {
        ready(agent, now);
    }

    /** Logs the agent in unless they already are (through this node or another); true if it did. */
    public synchronized boolean startShift(AgentId agent, Instant now) {
        return change(agent, now, r -> r.state() == AgentState.LOGGED_OUT ? r.moved(agent, AgentState.READY, now) : r);
    }

    public synchronized void logout(AgentId agent, Instant now) {
        change(agent, now, r -> r.moved(agent, AgentState.LOGGED_OUT, now));
    }

    public synchronized void pause(AgentId agent, Instant now) {
        pause(agent, "break", now);
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

    /** Every agent's state at {@code now}, in seat order, with the pause reason of paused agents. */
    public List<AgentStatus> states(Instant now) {
        var records = settled(List.copyOf(seats.keySet()), now);
        return seats.values().stream().map(seat -> {
            var r = records.get(seat.id());
            return new AgentStatus(seat, r.state(), r.pauseReason(), r.enteredAt());
        }).toList();
    }

    /** Whether the agent is configured at all. */
    public boolean knows(AgentId agent) {
        return seats.containsKey(agent);
    }

    /** Every call of {@code campaign} needs an agent with all of {@code skills} (empty: any agent of the campaign). */
    public synchronized void requireSkills(CampaignId campaign, Set<String> skills) {
        var valid = AgentSeat.validSkills(skills, "campaign " + campaign + ".requiredSkills");
        if (valid.isEmpty()) {
            campaignSkills.remove(campaign);
        } else {
            campaignSkills.put(campaign, valid);
        }
    }

    /** Reserves the longest-idle ready agent of the campaign, if any, for as long as the pool lives. */
    public synchronized Optional<AgentId> reserveLongestIdle(CampaignId campaign, Instant now) {
        return reserveLongestIdle(campaign, Set.of(), now);
    }

    /** As above, among agents having every one of {@code skills}. */
    public synchronized Optional<AgentId> reserveLongestIdle(CampaignId campaign, Set<String> skills, Instant now) {
        return reserveLongestIdle(campaign, skills, "", Instant.MAX, now);
    }

    /**
     * Reserves for call {@code callId} the longest-idle ready agent of the campaign having every one of
     * {@code skills}, held until {@code holdUntil} unless renewed ({@link #renewHold}). If another node reserves the
     * chosen agent first, the next in line is tried; when others keep winning, no agent is found this time.
     */
    public synchronized Optional<AgentId> reserveLongestIdle(CampaignId campaign, Set<String> skills, String callId,
            Instant holdUntil, Instant now) {
        return reserve(campaign, skills, Optional.empty(), seat -> true, callId, holdUntil, now);
    }

    /**
     * Reserves for call {@code callId}, to a debtor speaking {@code language}, the longest-idle ready agent of the
     * campaign whose seat {@code reachable} accepts and who has the campaign's required skills; and, while an agent
     * who could take the call (of the campaign, with its skills) is logged in and speaks the language, one who speaks
     * it (its code, such as {@code es}, among their skills). When none who could take it speaks it, the debtor is
     * better served by anyone than by nobody. Held until {@code holdUntil} unless renewed; one read of the roster per
     * try.
     */
    public synchronized Optional<AgentId> reserveFor(CampaignId campaign, Optional<Locale> language,
            Predicate<AgentSeat> reachable, String callId, Instant holdUntil, Instant now) {
        return reserve(campaign, campaignSkills.getOrDefault(campaign, Set.of()),
                language.map(Locale::getLanguage).filter(code -> !code.isEmpty()), reachable, callId, holdUntil, now);
    }

    private Optional<AgentId> reserve(CampaignId campaign, Set<String> skills, Optional<String> language,
            Predicate<AgentSeat> reachable, String callId, Instant holdUntil, Instant now) {
        var members = seats.values().stream()
                .filter(s -> s.campaigns().contains(campaign) && s.skills().containsAll(skills)).toList();
        var hold = new AgentHold(callId, campaign, node, holdUntil);
        for (int attempt = 0; attempt < MAX_RESERVE_ATTEMPTS; attempt++) {
            var stored = roster.read(members.stream().map(AgentSeat::id).toList());
            var records = stored.stream().map(s -> s.record().settled(now)).toList();
            var speaker = language.filter(code -> IntStream.range(0, members.size()).anyMatch(i ->
                    members.get(i).skills().contains(code) && records.get(i).state() != AgentState.LOGGED_OUT));
            var chosen = IntStream.range(0, members.size())
                    .filter(i -> records.get(i).state() == AgentState.READY && reachable.test(members.get(i))
                            && speaker.map(code -> members.get(i).skills().contains(code)).orElse(true))
                    .boxed()
                    .min(Comparator.comparing((Integer i) -> records.get(i).idleSince())
                            .thenComparing(i -> members.get(i).id().value()));
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
            int i = chosen.get();
            var agent = members.get(i).id();
            if (roster.replace(agent, stored.get(i).version(), records.get(i).reserved(agent, hold, now))) {
                return Optional.of(agent);
            }
        }
        return Optional.empty();
    }

    /** A reserved agent's call did not reach them (the bridge failed): they are ready again, keeping their place. */
    public synchronized void unreserve(AgentId agent, Instant now) {
        unreserve(agent, null, now);
    }

    /** As above for the agent's hold by {@code callId}; false (and nothing changes) if that hold has lapsed. */
    public synchronized boolean unreserve(AgentId agent, String callId, Instant now) {
        return changeHeld(agent, callId, now, r -> r.unreserved(agent, now));
    }

    public synchronized void connected(AgentId agent, Instant now) {
        connected(agent, null, now);
    }

    /** The call {@code callId} reached its reserved agent; false (and nothing changes) if that hold has lapsed. */
    public synchronized boolean connected(AgentId agent, String callId, Instant now) {
        return changeHeld(agent, callId, now, r -> r.connected(agent, now));
    }

    public synchronized void callEnded(AgentId agent, Instant now) {
        callEnded(agent, null, now);
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

    public int ready(CampaignId campaign, Instant now) {
        return (int) settled(agentsWhere(s -> s.campaigns().contains(campaign)), now).values().stream()
                .filter(r -> r.state() == AgentState.READY).count();
    }

    /** The campaign's agents at {@code now}: counts by state and each busy agent's time in talk or wrap-up so far. */
    public AgentWorkload workload(CampaignId campaign, Instant now) {
        return AgentWorkload.of(settled(agentsWhere(s -> s.campaigns().contains(campaign)), now).values(), now);
    }

    /**
     * The wrap-ups after this pool's calls of {@code campaign} that ended since the last call, oldest first, each as
     * long as it lasted (cut short when the agent paused or logged out), so the campaign's pacer can learn them.
     */
    public synchronized List<Duration> takeFinishedWrapUps(CampaignId campaign, Instant now) {
        var watched = wrapUps.watched(campaign);
        return watched.isEmpty() ? List.of() : wrapUps.takeFinished(campaign, settled(watched, now));
    }

    public AgentState state(AgentId agent, Instant now) {
        requireSeat(agent);
        return settled(List.of(agent), now).get(agent).state();
    }

    /** Time spent in each state by all agents so far, for occupancy figures. */
    public Map<AgentState, Duration> timeInStates(Instant now) {
        var totals = new EnumMap<AgentState, Duration>(AgentState.class);
        for (var r : settled(List.copyOf(seats.keySet()), now).values()) {
            r.accrued(now).forEach((state, time) -> totals.merge(state, time, Duration::plus));
        }
        return totals;
    }

    private boolean changeHeld(AgentId agent, String callId, Instant now, UnaryOperator<AgentRecord> step) {
        // Without a call id the step applies to whatever holds the agent, and refuses an agent nobody holds.
        return change(agent, now, r -> callId != null && (r.hold() == null || !r.hold().isFor(callId)) ? r : step.apply(r));
    }

    /** Applies {@code step} to the agent's settled record and writes the result unless it is the same record. */
    private boolean change(AgentId agent, Instant now, UnaryOperator<AgentRecord> step) {
        requireSeat(agent);
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            var stored = roster.read(List.of(agent)).get(0);
            var current = stored.record().settled(now);
            var next = step.apply(current);
            if (next == current) {
                return false;
            }
            if (roster.replace(agent, stored.version(), next)) {
                return true;
            }
        }
        throw new IllegalStateException("agent " + agent + ": changed by other nodes " + MAX_WRITE_ATTEMPTS
                + " times in a row while this node tried to change them");
    }

    private Map<AgentId, AgentRecord> settled(List<AgentId> agents, Instant now) {
        var records = new LinkedHashMap<AgentId, AgentRecord>();
        roster.read(agents).forEach(s -> records.put(s.agent(), s.record().settled(now)));
        return records;
    }

    private List<AgentId> agentsWhere(Predicate<AgentSeat> test) {
        return seats.values().stream().filter(test).map(AgentSeat::id).toList();
    }

    private void requireSeat(AgentId agent) {
        if (!seats.containsKey(agent)) {
            throw new IllegalArgumentException("agent: '" + agent + "' is not configured");
        }
    }
}
