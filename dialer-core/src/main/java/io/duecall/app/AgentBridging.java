package io.duecall.app;

import io.duecall.domain.agent.AgentId;
import io.duecall.port.CallOriginator;
import io.duecall.port.Pause;
import io.duecall.port.StoreUnavailableException;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes an answered call to an agent: reserves the longest-idle agent who fits (waiting up to the campaign's agent
 * wait), asks the PBX to move the call to them, and abandons the call if the PBX does not report both in one bridge
 * by the deadline: the caller hears the abandon message and the agent whose phone did not answer is paused.
 */
final class AgentBridging {
    private static final Logger LOG = LoggerFactory.getLogger(AgentBridging.class);
    private static final Duration AGENT_POLL = Duration.ofMillis(100);

    private final Clock clock;
    private final Pause pause;
    private final CallsInFlight calls;
    private final CampaignRegistry campaigns;
    private final AgentPool agents;
    private final CallOriginator telephony;
    /** Where a call moved to an agent waits for its bridge to be confirmed; null: only ticks and upkeep check. */
    private final Executor bridgeWatch;

    AgentBridging(Clock clock, Pause pause, CallsInFlight calls, CampaignRegistry campaigns, AgentPool agents,
            CallOriginator telephony, Executor bridgeWatch) {
        this.clock = clock;
        this.pause = pause;
        this.calls = calls;
        this.campaigns = campaigns;
        this.agents = agents;
        this.telephony = telephony;
        this.bridgeWatch = bridgeWatch;
    }

    AgentHandoff requestAgent(LiveCall call) {
        var start = clock.instant();
        var deadline = start.plus(call.campaign.agentWait());
        synchronized (call) {
            call.moveTo(CallState.WAITING_FOR_AGENT);
            campaigns.observeAnswer(call, true);
        }
        while (true) {
            var now = clock.instant();
            var holdUntil = now.plus(call.campaign.lease());
            Optional<AgentId> agent;
            try {
                agent = agents.reserveFor(call.campaign.id(), call.claim.account().language(),
                        seat -> seat.pbx() == null || telephony.reaches(seat.pbx()), call.callId, holdUntil, now);
            } catch (StoreUnavailableException e) {
                LOG.warn("call {}: no agent could be reserved: {}", call.callId, e.getMessage());
                return abandon(call);
            }
            if (agent.isPresent()) {
                synchronized (call) {
                    call.agentHoldUntil = holdUntil;
                }
                // A refused redirect almost always means the caller's leg is gone; another agent would not help.
                return bridge(call, agent.get(), now, deadline) ? new AgentHandoff.Bridging(agent.get().value())
                        : abandon(call);
            }
            if (!now.isBefore(deadline)) {
                return abandon(call);
            }
            try {
                pause.sleep(min(AGENT_POLL, Duration.between(now, deadline)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return abandon(call);
            }
        }
    }

    /** No agent: the call goes back to the IVR, which plays the abandon message. */
    private static AgentHandoff abandon(LiveCall call) {
        synchronized (call) {
            call.abandoned = true;
            backToIvr(call);
        }
        return new AgentHandoff.NoAgent();
    }

    private static void backToIvr(LiveCall call) {
        if (call.state() instanceof CallState.WaitingForAgent) {
            call.moveTo(CallState.IN_IVR);
        }
    }

    /**
     * Moves the call to the agent. The move being accepted is not yet a conversation: the PBX must report the debtor
     * and the agent in one bridge by {@code deadline} (the campaign's agent wait from the request), or the call is
     * abandoned ({@link #confirm}).
     */
    private boolean bridge(LiveCall call, AgentId agent, Instant now, Instant deadline) {
        synchronized (call) {
            call.agent = agent;
        }
        try {
            telephony.bridgeToAgent(call.callId, agent.value());
            synchronized (call) {
                call.ivrDone = true;
                if (call.bridgedAt == null) {
                    call.bridgeDeadline = deadline;
                }
            }
            watchBridge(call, deadline);
            return true;
        } catch (TelephonyUnavailableException e) {
            LOG.warn("bridge of call {} to agent {} refused: {}", call.callId, agent, e.getMessage());
            CallLifecycle.agentStep(call, "unreserve", () -> agents.unreserve(agent, call.callId, now));
            synchronized (call) {
                call.agent = null;
            }
            return false;
        }
    }

    private void watchBridge(LiveCall call, Instant deadline) {
        var watch = bridgeWatch;
        if (watch == null) {
            return;
        }
        synchronized (call) {
            call.bridgeWatched = true;
        }
        try {
            watch.execute(() -> {
                try {
                    var left = Duration.between(clock.instant(), deadline);
                    if (left.isPositive()) {
                        pause.sleep(left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                confirm(call, clock.instant());
            });
        } catch (RejectedExecutionException e) {
            synchronized (call) {
                call.bridgeWatched = false;
            }
            LOG.debug("call {}: bridge watch refused ({}); the next tick checks it", call.callId, e.getMessage());
        }
    }

    /** The ticks' check: calls no bridge watch looks after (the PBX is asked on the watch's thread, not the tick's). */
    void confirmUnwatched(Instant now) {
        for (var call : calls.view()) {
            boolean watched;
            synchronized (call) {
                watched = call.bridgeWatched;
            }
            if (!watched) {
                confirm(call, now);
            }
        }
    }

    /**
     * A call moved to an agent whose bridge did not come by its deadline takes the abandon path: the PBX plays the
     * abandon message (company and callback number) instead of more ringing, the call is written abandoned (so the
     * abandon lockout applies and the campaign's abandon rate counts it), and the agent whose phone did not answer is
     * paused with {@link DialerEngine#PHONE_NOT_ANSWERING} rather than offered the next call.
     */
    private void confirm(LiveCall call, Instant now) {
        synchronized (call) {
            if (call.bridgeDeadline == null || now.isBefore(call.bridgeDeadline)) {
                return;
            }
            call.bridgeDeadline = null;
            if (call.bridgedAt != null || call.endedAt != null || call.closed()) {
                return;
            }
        }
        // The bridge's events may still be on their way (a busy event queue); the PBX itself knows.
        if (telephony.inBridge(call.callId).orElse(false)) {
            LOG.debug("call {}: bridged by the PBX's channel list; its bridge event is on its way", call.callId);
            return;
        }
        AgentId agent;
        synchronized (call) {
            if (call.bridgedAt != null || call.endedAt != null || call.closed()) {
                return;
            }
            call.abandoned = true;
            call.agentSettled = true;
            backToIvr(call);
            agent = call.agent;
        }
        LOG.warn("call {}: agent {} did not answer within the agent wait; playing the abandon message", call.callId,
                agent);
        try {
            telephony.playAbandonMessage(call.callId);
        } catch (TelephonyUnavailableException e) {
            LOG.warn("call {}: abandon message not started: {}", call.callId, e.getMessage());
        }
        if (agent != null) {
            CallLifecycle.agentStep(call, "pause",
                    () -> agents.notAnswering(agent, call.callId, DialerEngine.PHONE_NOT_ANSWERING, now));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
