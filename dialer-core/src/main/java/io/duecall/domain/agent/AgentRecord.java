package io.duecall.domain.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One agent's state as every node shares it: the state and when it began, their place in the ready line (for a
 * wrap-up, when it ends by itself), the pause reason, the hold of a reserved or talking agent, the latest wrap-up and
 * the time spent in each state before the current one. Transitions are pure: each returns the next record at
 * {@code now}, and an illegal one throws {@link IllegalStateTransitionException}.
 */
public record AgentRecord(AgentState state, Instant enteredAt, Instant idleSince, String pauseReason, AgentHold hold,
        Instant wrapStartedAt, Instant wrapEndedAt, Map<AgentState, Duration> totals) {

    /** An agent no node has written yet. */
    public static final AgentRecord NEVER_SEEN = new AgentRecord(AgentState.LOGGED_OUT, Instant.EPOCH, Instant.EPOCH,
            null, null, null, null, Map.of());

    public AgentRecord {
        Objects.requireNonNull(state, "agent.state");
        Objects.requireNonNull(enteredAt, "agent.enteredAt");
        Objects.requireNonNull(idleSince, "agent.idleSince");
        boolean held = state == AgentState.RESERVED || state == AgentState.ON_CALL;
        if (held != (hold != null)) {
            throw new IllegalArgumentException("agent.hold: " + hold + " in state " + state
                    + " (expected a hold exactly in RESERVED and ON_CALL)");
        }
        if ((state == AgentState.PAUSED) != (pauseReason != null)) {
            throw new IllegalArgumentException("agent.pauseReason: '" + pauseReason + "' in state " + state
                    + " (expected a reason exactly in PAUSED)");
        }
        totals = totals.isEmpty() ? Map.of() : Map.copyOf(totals);
    }

    /**
     * The record as it stands at {@code now}: a wrap-up whose time is over has ended (at that time, as if the agent
     * had pressed ready), and a lapsed hold has let the agent go (a reserved agent keeps their place in line).
     */
    public AgentRecord settled(Instant now) {
        if (state == AgentState.WRAP_UP && !now.isBefore(idleSince)) {
            return new AgentRecord(AgentState.READY, idleSince, idleSince, null, null, wrapStartedAt, idleSince,
                    accrued(idleSince));
        }
        if (hold != null && !now.isBefore(hold.until())) {
            var at = hold.until();
            var idle = state == AgentState.RESERVED ? idleSince : at;
            return new AgentRecord(AgentState.READY, at, idle, null, null, wrapStartedAt, wrapEndedAt, accrued(at));
        }
        return this;
    }

    /** The plain move to READY or LOGGED_OUT; READY takes the agent's place in line. A pause is {@link #paused}. */
    public AgentRecord moved(AgentId agent, AgentState next, Instant now) {
        if (next != AgentState.READY && next != AgentState.LOGGED_OUT) {
            throw new IllegalArgumentException("agent " + agent + ": a move to " + next
                    + (next == AgentState.PAUSED ? " needs its reason" : " needs its call"));
        }
        return to(agent, next, now, next == AgentState.READY ? now : idleSince, null, null);
    }

    public AgentRecord paused(AgentId agent, String reason, Instant now) {
        return to(agent, AgentState.PAUSED, now, idleSince, reason, null);
    }

    public AgentRecord reserved(AgentId agent, AgentHold by, Instant now) {
        return to(agent, AgentState.RESERVED, now, idleSince, null, by);
    }

    /** A reserved agent whose call did not reach them is ready again, keeping their place in line. */
    public AgentRecord unreserved(AgentId agent, Instant now) {
        return to(agent, AgentState.READY, now, idleSince, null, null);
    }

    public AgentRecord connected(AgentId agent, Instant now) {
        return to(agent, AgentState.ON_CALL, now, idleSince, null, hold);
    }

    /** The call is over: wrap-up until {@code now + wrapUp}, after which the agent queues as idle from then. */
    public AgentRecord callEnded(AgentId agent, Duration wrapUp, Instant now) {
        var next = to(agent, AgentState.WRAP_UP, now, now.plus(wrapUp), null, null);
        return new AgentRecord(next.state, now, next.idleSince, null, null, now, null, next.totals);
    }

    private AgentRecord to(AgentId agent, AgentState next, Instant now, Instant idle, String reason, AgentHold by) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateTransitionException(agent, state, next);
        }
        var wrapEnd = state == AgentState.WRAP_UP ? now : wrapEndedAt;
        return new AgentRecord(next, now, idle, reason, by, wrapStartedAt, wrapEnd, accrued(now));
    }

    public AgentRecord holdRenewed(Instant until) {
        if (hold == null) {
            throw new IllegalStateException("agent in state " + state + " has no hold to renew");
        }
        return new AgentRecord(state, enteredAt, idleSince, pauseReason, hold.renewedUntil(until), wrapStartedAt,
                wrapEndedAt, totals);
    }

    /** How long the agent has been in the current state at {@code now} (zero if {@code now} is earlier). */
    public Duration elapsed(Instant now) {
        return now.isAfter(enteredAt) ? Duration.between(enteredAt, now) : Duration.ZERO;
    }

    /** Time in each state so far, the current one counted up to {@code now}; logged-out time is not counted. */
    public Map<AgentState, Duration> accrued(Instant now) {
        if (state == AgentState.LOGGED_OUT || !now.isAfter(enteredAt)) {
            return totals;
        }
        var sum = new EnumMap<AgentState, Duration>(AgentState.class);
        sum.putAll(totals);
        sum.merge(state, Duration.between(enteredAt, now), Duration::plus);
        return sum;
    }
}
