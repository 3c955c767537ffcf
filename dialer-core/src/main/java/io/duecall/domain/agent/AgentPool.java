package io.duecall.domain.agent;

import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The agents of one dialer and their states. Calls go to the ready agent who has been idle longest; wrap-up ends
 * by itself once its time has passed, judged against the {@code now} each method is given. Thread-safe.
 */
public final class AgentPool {
    /** Finished wrap-ups kept per campaign until a pacer takes them; older ones are dropped beyond this. */
    private static final int MAX_FINISHED_WRAP_UPS = 1000;
    private final Map<AgentId, Desk> desks = new LinkedHashMap<>();
    private final Map<CampaignId, ArrayDeque<Duration>> finishedWrapUps = new LinkedHashMap<>();
    private final Map<CampaignId, Set<String>> campaignSkills = new LinkedHashMap<>();
    private final Duration wrapUp;

    public AgentPool(List<AgentSeat> seats, Duration wrapUp) {
        if (wrapUp == null || wrapUp.isNegative()) {
            throw new IllegalArgumentException("agents.wrapUp: " + wrapUp + " (expected >= 0)");
        }
        this.wrapUp = wrapUp;
        for (var seat : seats) {
            if (desks.putIfAbsent(seat.id(), new Desk(seat, this::wrapUpFinished)) != null) {
                throw new IllegalArgumentException("agents: agent " + seat.id() + " is listed twice");
            }
        }
    }

    public synchronized void login(AgentId agent, Instant now) {
        desk(agent).move(AgentState.READY, now);
    }

    public synchronized void logout(AgentId agent, Instant now) {
        desk(agent).move(AgentState.LOGGED_OUT, now);
    }

    public synchronized void pause(AgentId agent, Instant now) {
        pause(agent, "break", now);
    }

    /** Pauses a ready, wrapping-up or logged-out agent; {@code reason} is shown to supervisors (1-40 characters). */
    public synchronized void pause(AgentId agent, String reason, Instant now) {
        if (reason == null || reason.isBlank() || reason.length() > 40) {
            throw new IllegalArgumentException("reason: '" + reason + "' (expected 1-40 characters)");
        }
        var desk = desk(agent);
        desk.settle(now, wrapUp);
        desk.move(AgentState.PAUSED, now);
        desk.pauseReason = reason.strip();
    }

    /** Makes a logged-out or paused agent ready for calls. */
    public synchronized void ready(AgentId agent, Instant now) {
        var desk = desk(agent);
        desk.settle(now, wrapUp);
        desk.move(AgentState.READY, now);
    }

    /** Every agent's state at {@code now}, in seat order, with the pause reason of paused agents. */
    public synchronized List<AgentStatus> states(Instant now) {
        return desks.values().stream().map(d -> {
            d.settle(now, wrapUp);
            return new AgentStatus(d.seat, d.state, d.state == AgentState.PAUSED ? d.pauseReason : null, d.since);
        }).toList();
    }

    /** Whether the agent is configured at all. */
    public synchronized boolean knows(AgentId agent) {
        return desks.containsKey(agent);
    }

    /** Reserves the longest-idle ready agent of the campaign, if any. */
    public synchronized Optional<AgentId> reserveLongestIdle(CampaignId campaign, Instant now) {
        return reserveLongestIdle(campaign, Set.of(), now);
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

    /**
     * The skills a call of {@code campaign} to a debtor speaking {@code language} needs at {@code now}: the
     * campaign's own, plus the language's code (such as {@code es}) while a logged-in agent of the campaign has it;
     * when none has, the debtor is better served by anyone than by nobody.
     */
    public synchronized Set<String> skillsFor(CampaignId campaign, Optional<Locale> language, Instant now) {
        var required = new HashSet<>(campaignSkills.getOrDefault(campaign, Set.of()));
        language.map(Locale::getLanguage).filter(code -> !code.isEmpty()).ifPresent(code -> {
            boolean spoken = desks.values().stream().anyMatch(d -> {
                d.settle(now, wrapUp);
                return d.state != AgentState.LOGGED_OUT && d.seat.campaigns().contains(campaign)
                        && d.seat.skills().contains(code);
            });
            if (spoken) {
                required.add(code);
            }
        });
        return Set.copyOf(required);
    }

    /** Reserves the longest-idle ready agent of the campaign who has every one of {@code skills}, if any. */
    public synchronized Optional<AgentId> reserveLongestIdle(CampaignId campaign, Set<String> skills, Instant now) {
        var chosen = desks.values().stream()
                .peek(d -> d.settle(now, wrapUp))
                .filter(d -> d.state == AgentState.READY && d.seat.campaigns().contains(campaign)
                        && d.seat.skills().containsAll(skills))
                .min(Comparator.comparing((Desk d) -> d.idleSince).thenComparing(d -> d.seat.id().value()));
        chosen.ifPresent(d -> {
            d.move(AgentState.RESERVED, now);
            d.serving = campaign;
        });
        return chosen.map(d -> d.seat.id());
    }

    /** A reserved agent's call did not reach them (the bridge failed): they are ready again, keeping their place. */
    public synchronized void unreserve(AgentId agent, Instant now) {
        var desk = desk(agent);
        var idleSince = desk.idleSince;
        desk.move(AgentState.READY, now);
        desk.idleSince = idleSince;
    }

    public synchronized void connected(AgentId agent, Instant now) {
        desk(agent).move(AgentState.ON_CALL, now);
    }

    public synchronized void callEnded(AgentId agent, Instant now) {
        var desk = desk(agent);
        desk.move(AgentState.WRAP_UP, now);
        desk.idleSince = now.plus(wrapUp);
    }

    public synchronized int ready(CampaignId campaign, Instant now) {
        int n = 0;
        for (var d : desks.values()) {
            d.settle(now, wrapUp);
            if (d.state == AgentState.READY && d.seat.campaigns().contains(campaign)) {
                n++;
            }
        }
        return n;
    }

    /** The campaign's agents at {@code now}: counts by state and each busy agent's time in talk or wrap-up so far. */
    public synchronized AgentWorkload workload(CampaignId campaign, Instant now) {
        int loggedIn = 0;
        int ready = 0;
        int reserved = 0;
        var talk = new ArrayList<Double>();
        var wrap = new ArrayList<Double>();
        for (var d : desks.values()) {
            if (!d.seat.campaigns().contains(campaign)) {
                continue;
            }
            d.settle(now, wrapUp);
            switch (d.state) {
                case READY -> ready++;
                case RESERVED -> reserved++;
                case ON_CALL -> talk.add(seconds(d.enteredAt, now));
                case WRAP_UP -> wrap.add(seconds(d.enteredAt, now));
                case LOGGED_OUT, PAUSED -> {
                    continue;
                }
            }
            loggedIn++;
        }
        return new AgentWorkload(loggedIn, ready, reserved, talk.stream().mapToDouble(Double::doubleValue).toArray(),
                wrap.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The wrap-ups that ended since the last call, after calls of {@code campaign}, oldest first, each as long as it
     * lasted (cut short when the agent paused or logged out), so the campaign's pacer can learn them.
     */
    public synchronized List<Duration> takeFinishedWrapUps(CampaignId campaign, Instant now) {
        desks.values().forEach(d -> d.settle(now, wrapUp));
        var finished = finishedWrapUps.remove(campaign);
        return finished == null ? List.of() : List.copyOf(finished);
    }

    private void wrapUpFinished(CampaignId campaign, Duration lasted) {
        if (campaign == null) {
            return;
        }
        var queue = finishedWrapUps.computeIfAbsent(campaign, c -> new ArrayDeque<>());
        if (queue.size() == MAX_FINISHED_WRAP_UPS) {
            queue.removeFirst();
        }
        queue.addLast(lasted);
    }

    private static double seconds(Instant from, Instant to) {
        var d = Duration.between(from, to);
        return Math.max(0, d.getSeconds() + d.getNano() / 1e9);
    }

    public synchronized AgentState state(AgentId agent, Instant now) {
        var desk = desk(agent);
        desk.settle(now, wrapUp);
        return desk.state;
    }

    /** Time spent in each state by all agents so far, for occupancy figures. */
    public synchronized Map<AgentState, Duration> timeInStates(Instant now) {
        var totals = new EnumMap<AgentState, Duration>(AgentState.class);
        for (var d : desks.values()) {
            d.settle(now, wrapUp);
            d.accrue(now);
            d.totals.forEach((state, time) -> totals.merge(state, time, Duration::plus));
        }
        return totals;
    }

    private Desk desk(AgentId agent) {
        var desk = desks.get(agent);
        if (desk == null) {
            throw new IllegalArgumentException("agent: '" + agent + "' is not configured");
        }
        return desk;
    }

    private static final class Desk {
        final AgentSeat seat;
        final BiConsumer<CampaignId, Duration> wrapUpEnded;
        final Map<AgentState, Duration> totals = new EnumMap<>(AgentState.class);
        AgentState state = AgentState.LOGGED_OUT;
        Instant since = Instant.EPOCH;
        /** When the current state began (unlike {@code since}, which accounting moves forward). */
        Instant enteredAt = Instant.EPOCH;
        /** The campaign of the agent's latest call, whose pacer learns the wrap-up after it. */
        CampaignId serving;
        Instant idleSince = Instant.EPOCH;
        Instant wrapUntil;
        String pauseReason;

        Desk(AgentSeat seat, BiConsumer<CampaignId, Duration> wrapUpEnded) {
            this.seat = seat;
            this.wrapUpEnded = wrapUpEnded;
        }

        void move(AgentState next, Instant now) {
            if (!state.canMoveTo(next)) {
                throw new IllegalStateTransitionException(seat.id(), state, next);
            }
            accrue(now);
            if (state == AgentState.WRAP_UP) {
                wrapUpEnded.accept(serving, Duration.between(enteredAt, now));
            }
            if (next == AgentState.READY) {
                idleSince = now;
            }
            enteredAt = now;
            wrapUntil = null;
            pauseReason = null;
            state = next;
        }

        void settle(Instant now, Duration wrapUp) {
            if (state == AgentState.WRAP_UP) {
                if (wrapUntil == null) {
                    wrapUntil = enteredAt.plus(wrapUp);
                }
                if (!now.isBefore(wrapUntil)) {
                    var end = wrapUntil;
                    accrue(end);
                    wrapUpEnded.accept(serving, Duration.between(enteredAt, end));
                    state = AgentState.READY;
                    enteredAt = end;
                    idleSince = end;
                    wrapUntil = null;
                }
            }
        }

        void accrue(Instant now) {
            if (state != AgentState.LOGGED_OUT && now.isAfter(since)) {
                totals.merge(state, Duration.between(since, now), Duration::plus);
            }
            if (now.isAfter(since)) {
                since = now;
            }
        }
    }
}
