package io.duecall.app;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.StoreUnavailableException;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's life as the PBX reports it: answered, not connected, bridged with an agent, hung up. Once nothing more
 * can happen to a call it is closed: counted in its campaign's figures and pacing, and handed to the
 * {@link CallWriter}. A stop that cannot wait closes what is left as it stands.
 */
final class CallLifecycle implements Consumer<CallEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(CallLifecycle.class);

    private final Clock clock;
    private final CallsInFlight calls;
    private final CampaignRegistry campaigns;
    private final AgentPool agents;
    private final CallOriginator telephony;
    private final CallWriter writer;
    private final List<Consumer<AgentCallStarted>> agentCallListeners = new CopyOnWriteArrayList<>();

    CallLifecycle(Clock clock, CallsInFlight calls, CampaignRegistry campaigns, AgentPool agents,
            CallOriginator telephony, CallWriter writer) {
        this.clock = clock;
        this.calls = calls;
        this.campaigns = campaigns;
        this.agents = agents;
        this.telephony = telephony;
        this.writer = writer;
    }

    void onAgentCall(Consumer<AgentCallStarted> listener) {
        agentCallListeners.add(listener);
    }

    @Override
    public void accept(CallEvent event) {
        var call = calls.get(event.callId());
        if (call == null) {
            return;
        }
        AgentCallStarted started = null;
        synchronized (call) {
            switch (event) {
                case CallEvent.OriginateAccepted o -> call.originateAcceptedAt = o.at();
                case CallEvent.Answered a -> {
                    call.answeredAt = a.at();
                    if (!call.closed()) {
                        call.answered();
                    }
                }
                case CallEvent.NotConnected n when call.ivrStartedAt != null -> {
                    // The IVR served this call, so it was answered: its answer was lost with the PBX connection
                    // and the reconciliation found its channel gone. It ended by the time it was reported.
                    if (call.answeredAt == null) {
                        call.answeredAt = call.ivrStartedAt;
                    }
                    if (call.endedAt == null) {
                        call.endedAt = n.at();
                    }
                    releaseAgent(call, n.at());
                }
                case CallEvent.NotConnected n -> {
                    call.outcome = n.outcome();
                    if (!call.resolutionObserved) {
                        call.resolutionObserved = true;
                        campaigns.pacing(call.campaign.id()).resolved(Duration.between(call.originatedAt, n.at()),
                                false, call.liveChance);
                    }
                }
                case CallEvent.Bridged b when call.abandoned || call.bridgedAt != null -> LOG.warn(
                        "call {}: bridge with agent {} reported after the call was {}; ignored", call.callId,
                        b.agentExtension(), call.abandoned ? "abandoned" : "already bridged");
                case CallEvent.Bridged b -> started = bridged(call, b);
                case CallEvent.Ended e -> {
                    call.endedAt = e.at();
                    if (call.bridgedAt != null && call.agent != null) {
                        campaigns.pacing(call.campaign.id()).talked(Duration.between(call.bridgedAt, e.at()));
                    }
                    releaseAgent(call, e.at());
                }
            }
        }
        if (started != null) {
            var bridged = started;
            agentCallListeners.forEach(listener -> listener.accept(bridged));
        }
        closeIfDone(call);
    }

    /** The PBX put the caller and the agent in one bridge: from now on a conversation; the desk is told. */
    private AgentCallStarted bridged(LiveCall call, CallEvent.Bridged b) {
        call.bridgedAt = b.at();
        call.bridgeDeadline = null;
        if (!call.closed()) {
            call.moveTo(CallState.BRIDGED);
        }
        if (call.agent == null) {
            return null;
        }
        agentStep(call, "connect", () -> agents.connected(call.agent, call.callId, b.at()));
        return new AgentCallStarted(call.callId, call.agent, call.campaign, call.claim.account(),
                call.debtorTimeAtDial.getZone(), b.at(), call.number, call.ivrPath);
    }

    private void releaseAgent(LiveCall call, Instant at) {
        if (call.agent == null || call.agentSettled) {
            return;
        }
        if (call.bridgedAt != null) {
            agentStep(call, "end the call of", () -> agents.callEnded(call.agent, call.callId, at));
        } else {
            agentStep(call, "unreserve", () -> agents.unreserve(call.agent, call.callId, at));
        }
    }

    /**
     * Changes the call's agent on the telephony thread, which must go on to the ledger line whatever happens: a hold
     * that lapsed (another node may have the agent now) or an unreachable store is logged, and the agent is free
     * again once the hold's lease is over.
     */
    static void agentStep(LiveCall call, String what, BooleanSupplier step) {
        try {
            if (!step.getAsBoolean()) {
                LOG.warn("call {}: could not {} agent {}: the call's hold on them had lapsed", call.callId, what,
                        call.agent);
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("call {}: could not {} agent {}: {}", call.callId, what, call.agent, e.getMessage());
        }
    }

    /** Closes the call once nothing more can happen to it, and hands its line to the writer. */
    void closeIfDone(LiveCall call) {
        Attempt attempt;
        synchronized (call) {
            if (!call.readyToClose()) {
                return;
            }
            call.moveTo(CallState.ENDED);
            if (call.endedAt == null) {
                call.endedAt = clock.instant();
            }
            attempt = call.toAttempt();
            campaigns.observeAnswer(call, attempt.outcome() == CallOutcome.ANSWERED);
        }
        campaigns.counts(call.campaign.id()).closed(attempt);
        campaigns.pacing(call.campaign.id()).closed(attempt);
        writer.submit(call, attempt);
    }

    /** Asks the PBX to hang up every call still up; returns how many it was asked for. */
    int hangUpAll() {
        int asked = 0;
        for (var call : calls.all()) {
            synchronized (call) {
                if (call.closed() || call.endedAt != null) {
                    continue;
                }
            }
            try {
                telephony.hangup(call.callId);
                asked++;
            } catch (TelephonyUnavailableException | RuntimeException e) {
                LOG.warn("call {}: hang-up refused: {}", call.callId, e.getMessage());
            }
        }
        return asked;
    }

    /**
     * Closes every call not yet written as it stands, {@code INTERRUPTED} unless it ended, or had a promise or an
     * opt-out, which stand. Returns how many were closed so.
     */
    int closeAllNow() {
        int closed = 0;
        var now = clock.instant();
        for (var call : calls.all()) {
            synchronized (call) {
                if (call.closed()) {
                    continue;
                }
                boolean known = call.endedAt != null && (call.ivrDone || !call.ivrRunning);
                if (!known && (call.outcome == null || call.outcome.answered())) {
                    call.interrupted = true;
                }
                if (call.endedAt == null) {
                    call.endedAt = now;
                }
                call.ivrDone = true;
            }
            closed++;
            closeIfDone(call);
        }
        return closed;
    }
}
