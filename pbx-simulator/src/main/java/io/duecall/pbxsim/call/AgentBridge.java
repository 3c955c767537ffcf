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

    /**
     * The agent context's {@code Dial}, in the order of the reference transcripts: the agent's phone cannot be
     * dialed at all without chan_pjsip (7c: no channel, cause 66) or when the extension has no phone (7c2: the pair
     * is made and hung up at once, cause 0), and neither sends DialBegin or DialEnd; otherwise the phone rings
     * (Newchannel ×2, LocalBridge, Ringing, DialBegin, DialState RINGING) and is answered (7a), never answered
     * (7b: DialEnd NOANSWER at the dial timeout) or busy with another of our calls.
     */
    void dial() {
        var env = call.env;
        if (!env.moduleLoaded.test("chan_pjsip.so")) {
            afterDial(66);
            return;
        }
        if (!env.config.agentExtensions().contains(ext)) {
            call.emit(ev.channel("Newchannel", a1));
            call.emit(ev.channel("Newchannel", a2));
            call.emit(ev.hangup(a2, 0));
            call.emit(ev.hangup(a1, 0));
            afterDial(0);
            return;
        }
        env.byChannel.put(a1.name(), call);
        env.byChannel.put(a2.name(), call);
        live = true;
        call.emit(ev.channel("Newchannel", a1));
        call.emit(ev.channel("Newchannel", a2));
        call.emit(ev.localBridge(a1, a2));
        holdsAgent = env.busyAgents.putIfAbsent(ext, call) == null;
        if (!holdsAgent) {
            busy();
            return;
        }
        a1 = a1.in(ChannelState.RINGING);
        call.emit(ev.channel("Newstate", a1));
        call.emit(ev.dialBegin(call.one, a1, ext + "@agents"));
        call.emit(ev.dialState(call.one, a1, "RINGING"));
        ringing = true;
        if (!call.draw.agentAnswers()) {
            call.env.stats.unansweredAgentDials.incrementAndGet();
            call.later(SimulatorConfig.AGENT_DIAL_SECONDS, this::noAnswer);
        } else if (call.draw.agentRingSeconds() > 0) {
            call.later(call.draw.agentRingSeconds(), this::answer);
        } else {
            answer();
        }
    }

    /** The agent picks up: both in one bridge, the agent's leg first (7a). */
    private void answer() {
        ringing = false;
        var env = call.env;
        a2 = a2.in(ChannelState.UP);
        call.emit(ev.channel("Newstate", a2));
        a1 = a1.in(ChannelState.UP);
        call.emit(ev.channel("Newstate", a1));
        call.emit(ev.dialEnd(call.one, a1, "ANSWER"));
        call.emit(ev.bridge("BridgeCreate", bridgeId, 0, null));
        call.emit(ev.bridge("BridgeEnter", bridgeId, 1, a1));
        call.emit(ev.bridge("BridgeEnter", bridgeId, 2, call.one));
        bridged = true;
        call.bridgedAt = env.now();
        env.stats.agentBridges.incrementAndGet();
        call.later(call.draw.talkSeconds(), () -> hangupAll(16));
    }

    /**
     * Ends the conversation with {@code cause}: the agent hangs up at the end of the talk time (7a: the agent's legs
     * go, both leave the bridge, and the debtor's Dial without the g option hangs the debtor up too); a Hangup action
     * or the absolute timeout ends it the same way.
     */
    void hangupAll(int cause) {
        call.emit(ev.withCause("SoftHangupRequest", a2, cause));
        call.emit(ev.withCause("HangupRequest", a1, cause));
        call.emit(ev.hangup(a2, cause));
        if (bridged) {
            call.emit(ev.bridge("BridgeLeave", bridgeId, 1, a1));
        }
        call.emit(ev.hangup(a1, cause));
        if (bridged) {
            call.emit(ev.bridge("BridgeLeave", bridgeId, 0, call.one));
            call.emit(ev.bridge("BridgeDestroy", bridgeId, 0, null));
            bridged = false;
        }
        call.emit(ev.deviceState(call.request.device(), "NOT_INUSE"));
        new OutcomeSequences(call).dialplanHangupAfterDial(cause);
    }

    /** Nobody picked up before the Dial's timeout (7b): the agent's legs go with cause 0 and the dialplan goes on. */
    private void noAnswer() {
        ringing = false;
        call.emit(ev.dialEnd(call.one, a1, "NOANSWER"));
        hangupAgentLegs(0);
        release();
        call.agent = null;
        afterDial(0);
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
        call.emit(ev.withCause("SoftHangupRequest", a2, 16));
        call.emit(ev.hangup(a2, cause));
    }

    /** The phone is busy with another of our calls: the Dial ends BUSY and the dialplan goes on. */
    private void busy() {
        a2 = a2.in(ChannelState.BUSY);
        call.emit(ev.channel("Newstate", a2));
        call.emit(ev.dialBegin(call.one, a1, ext + "@agents"));
        call.emit(ev.dialEnd(call.one, a1, "BUSY"));
        call.emit(ev.hangup(a1, 17));
        call.emit(ev.hangup(a2.at(a2.context(), "h", 2), 17));
        release();
        call.agent = null;
        afterDial(17);
    }

    /**
     * The Dial returned without a conversation: the agent context goes on to the abandon context (the message, then
     * the hangup), or, with none configured, hangs up as the recorded dialplan does, with the Dial's hangup cause.
     */
    private void afterDial(int cause) {
        call.agent = null;
        if (call.env.config.abandonContext().isEmpty()) {
            new OutcomeSequences(call).dialplanHangupAfterDial(cause);
        } else {
            call.abandonMessage();
        }
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
