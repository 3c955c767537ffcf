package io.duecall.pbxsim.call;

import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.pbxsim.ami.ChannelStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The agent side of a call redirected to the agent context: dials {@code Local/<ext>@agents}, and if the agent is a
 * free simulated agent bridges the two for a drawn talk time, then hangs up every leg. An agent whose phone does not
 * answer (the call's drawn agent persona) rings until the agent dial's timeout, as in the reference case 7b, and the
 * call goes on to the abandon context; a Redirect of the debtor meanwhile cancels the dial. Runs under the call's lock.
 */
final class AgentBridge {
    private final SimCall call;
    private final ChannelEvents ev;
    private final String ext;
    private final String bridgeId;
    private Leg a1;
    private Leg a2;
    private final Instant createdAt;
    private boolean holdsAgent;
    private boolean bridged;
    private boolean live;
    private boolean ringing;

    AgentBridge(SimCall call, String ext) {
        this.call = call;
        this.ev = call.env.events;
        this.ext = ext;
        var seq = call.env.nextChannelSeq();
        var base = "Local/" + ext + "@agents-" + seq;
        a1 = new Leg(base + ";1", ChannelState.DOWN, "agents", ext, 1, call.env.nextUniqueid(), call.one.linkedid());
        a2 = new Leg(base + ";2", ChannelState.RING, "agents", ext, 1, call.env.nextUniqueid(), call.one.linkedid());
        createdAt = call.env.now();
        bridgeId = "b7e1" + seq + "-0000-4000-8000-" + String.format("%012x", seq.hashCode() & 0xffffffffL);
    }

    void dial() {
        var env = call.env;
        if (!env.config.agentExtensions().contains(ext)) {
            unavailable();
            return;
        }
        env.byChannel.put(a1.name(), call);
        env.byChannel.put(a2.name(), call);
        live = true;
        call.emit(ev.channel("Newchannel", a1));
        call.emit(ev.channel("Newchannel", a2));
        call.emit(ev.localBridge(a1, a2));
        call.emit(ev.dialBegin(call.one, a1, ext + "@agents"));
        holdsAgent = env.busyAgents.putIfAbsent(ext, call) == null;
        if (!holdsAgent) {
            busy();
            return;
        }
        if (!call.draw.agentAnswers()) {
            ringUnanswered();
            return;
        }
        a2 = a2.in(ChannelState.UP);
        call.emit(ev.channel("Newstate", a2));
        a1 = a1.in(ChannelState.UP);
        call.emit(ev.channel("Newstate", a1));
        call.emit(ev.dialEnd(call.one, a1, "ANSWER"));
        call.emit(ev.bridge("BridgeCreate", bridgeId, 0, null));
        call.emit(ev.bridge("BridgeEnter", bridgeId, 1, call.one));
        call.emit(ev.bridge("BridgeEnter", bridgeId, 2, a1));
        bridged = true;
        call.bridgedAt = env.now();
        env.stats.agentBridges.incrementAndGet();
        call.later(call.draw.talkSeconds(), () -> hangupAll(16));
    }

    /** Ends the conversation (talk time over or a Hangup action): leave the bridge, hang up all four legs. */
    void hangupAll(int cause) {
        if (bridged) {
            call.emit(ev.bridge("BridgeLeave", bridgeId, 1, call.one));
            call.emit(ev.bridge("BridgeLeave", bridgeId, 0, a1));
            call.emit(ev.bridge("BridgeDestroy", bridgeId, 0, null));
            bridged = false;
        }
        call.emit(ev.withCause("HangupRequest", a2, cause));
        call.emit(ev.hangup(a2.at(a2.context(), "h", 2), cause));
        call.emit(ev.hangup(a1, cause));
        call.emit(ev.withCause("SoftHangupRequest", call.one, cause));
        call.emit(ev.hangup(call.one.at(call.one.context(), "h", 2), cause));
        call.emit(ev.withCause("SoftHangupRequest", call.two, 16));
        call.emit(ev.hangup(call.two.at(call.two.context(), "h", 2), cause));
        call.emit(ev.deviceState(call.request.device(), "NOT_INUSE"));
        call.emit(ev.deviceState(call.request.device(), "NOT_INUSE"));
        call.end();
    }

    /** The agent's phone rings and nobody picks up: DialState RINGING, then DialEnd NOANSWER at the dial timeout. */
    private void ringUnanswered() {
        a1 = a1.in(ChannelState.RINGING);
        call.emit(ev.channel("Newstate", a1));
        call.emit(ev.dialState(call.one, a1, "RINGING"));
        ringing = true;
        call.env.stats.unansweredAgentDials.incrementAndGet();
        call.later(SimulatorConfig.AGENT_DIAL_SECONDS, () -> {
            ringing = false;
            call.emit(ev.dialEnd(call.one, a1, "NOANSWER"));
            hangupAgentLegs(0);
            release();
            call.agent = null;
            call.abandonMessage();
        });
    }

    /** Whether the agent's phone is ringing with nobody answering, so the debtor may still be redirected. */
    boolean ringingUnanswered() {
        return ringing;
    }

    /** The debtor was redirected out of the dial while the agent's phone rang: the dial ends and the agent legs go. */
    void cancel() {
        if (ringing) {
            ringing = false;
            call.emit(ev.dialEnd(call.one, a1, "CANCEL"));
            hangupAgentLegs(16);
        }
        release();
    }

    private void hangupAgentLegs(int cause) {
        call.emit(ev.withCause("HangupRequest", a2, cause));
        call.emit(ev.hangup(a1, cause));
        call.emit(ev.hangup(a2, cause));
    }

    private void busy() {
        a2 = a2.in(ChannelState.BUSY);
        call.emit(ev.channel("Newstate", a2));
        call.emit(ev.dialEnd(call.one, a1, "BUSY"));
        call.emit(ev.hangup(a1, 17));
        call.emit(ev.hangup(a2.at(a2.context(), "h", 2), 17));
        new OutcomeSequences(call).debtorHangup(17);
    }

    private void unavailable() {
        call.emit(ev.dialBegin(call.one, a1, ext + "@agents"));
        call.emit(ev.dialEnd(call.one, a1, "CHANUNAVAIL"));
        new OutcomeSequences(call).debtorHangup(3);
    }

    /** The bridge the debtor and the agent share, while they do. */
    Optional<String> bridgeId() {
        return bridged ? Optional.of(bridgeId) : Optional.empty();
    }

    /** The agent legs that exist now: the dialed side runs AppDial, as Asterisk shows a Dial's callee. */
    List<ChannelStatus> channels(Instant now) {
        if (!live) {
            return List.of();
        }
        var age = Duration.between(createdAt, now);
        return List.of(
                new ChannelStatus(a1.fields(""), "AppDial", "(Outgoing Line)",
                        bridged ? bridgeId : null, age),
                new ChannelStatus(a2.fields(""), "", "", null, age));
    }

    /** Frees the agent and forgets the agent legs once the call is over. */
    void release() {
        live = false;
        call.env.byChannel.remove(a1.name(), call);
        call.env.byChannel.remove(a2.name(), call);
        if (holdsAgent) {
            call.env.busyAgents.remove(ext, call);
            holdsAgent = false;
        }
    }
}
