package io.duecall.pbxsim.call;

/**
 * The event sequences Asterisk 22 sends for each way an originated Local call goes, in the order of the reference
 * transcripts: dialing, busy, congestion, no answer, no such extension, answer and the hangups that end a call.
 * Runs under the call's lock.
 */
final class OutcomeSequences {
    private final SimCall call;
    private final ChannelEvents ev;

    OutcomeSequences(SimCall call) {
        this.call = call;
        this.ev = call.env.events;
    }

    void dial() {
        call.emit(ev.channel("Newchannel", call.one));
        call.emit(ev.channel("Newchannel", call.two));
        var outcome = call.draw.outcome();
        if (outcome == io.duecall.pbxsim.Outcome.FAILED) {
            noSuchExtension();
            return;
        }
        call.emit(ev.localBridge(call.one, call.two));
        call.emit(ev.dialBegin(null, call.one, call.request.number() + "@" + call.request.dialContext()));
        var timeoutSeconds = call.request.timeoutMillis() / 1000.0;
        switch (outcome) {
            case BUSY -> busy();
            case CONGESTION -> congestion();
            case NO_ANSWER -> {
                ringing();
                call.later(timeoutSeconds, this::noAnswer);
            }
            case ANSWERED, MACHINE -> {
                if (call.draw.ringSeconds() == 0) {
                    // Picked up without ringing, as the recordings' Local-channel debtor who answers at once.
                    answer();
                    return;
                }
                ringing();
                // A fixed outcome must hold whatever the timeout; a drawn one rings out past the timeout.
                if (call.draw.fixed()) {
                    call.later(Math.min(call.draw.ringSeconds(), timeoutSeconds / 2), this::answer);
                } else if (call.draw.ringSeconds() >= timeoutSeconds) {
                    call.later(timeoutSeconds, this::noAnswer);
                } else {
                    call.later(call.draw.ringSeconds(), this::answer);
                }
            }
            case FAILED -> throw new IllegalStateException("handled above");
        }
    }

    private void ringing() {
        call.one = call.one.in(ChannelState.RINGING);
        call.emit(ev.channel("Newstate", call.one));
        call.emit(ev.dialState(null, call.one, "RINGING"));
        call.emit(ev.deviceState(call.request.device(), "INUSE"));
    }

    private void answer() {
        call.two = call.two.in(ChannelState.UP);
        call.emit(ev.channel("Newstate", call.two));
        call.one = call.one.in(ChannelState.UP);
        call.emit(ev.channel("Newstate", call.one));
        call.emit(ev.dialEnd(null, call.one, "ANSWER"));
        call.emit(ev.deviceState(call.request.device(), "INUSE"));
        call.emit(ev.deviceState(call.request.device(), "INUSE"));
        call.emit(ev.originateResponse(call.request.actionId(), true, call.one.name(), call.request.context(),
                call.request.exten(), 4, call.one.uniqueid()));
        call.answered();
    }

    private void busy() {
        call.env.stats.busy.incrementAndGet();
        call.two = call.two.in(ChannelState.BUSY);
        call.emit(ev.channel("Newstate", call.two));
        call.emit(ev.dialEnd(null, call.one, "BUSY"));
        call.emit(ev.withCause("HangupRequest", call.two, 0));
        failed(5);
        call.emit(ev.hangup(call.one, 0));
        call.emit(ev.deviceState(call.request.device(), "INUSE"));
        call.emit(ev.deviceState(call.request.device(), "NOT_INUSE"));
        call.emit(ev.withCause("SoftHangupRequest", call.two, 16));
        call.emit(ev.hangup(call.two.at(call.two.context(), "h", 2), 17));
        call.emit(ev.deviceState(call.request.device(), "NOT_INUSE"));
        call.end();
    }

    private void congestion() {
        call.env.stats.congestion.incrementAndGet();
        call.two = call.two.in(ChannelState.BUSY);
        call.emit(ev.channel("Newstate", call.two));
        call.emit(ev.deviceState(call.request.device(), "INUSE"));
        call.emit(ev.dialEnd(null, call.one, "CONGESTION"));
        failed(8);
        call.emit(ev.withCause("HangupRequest", call.two, 0));
        call.emit(ev.hangup(call.one, 0));
        call.emit(ev.withCause("SoftHangupRequest", call.two, 16));
        call.emit(ev.hangup(call.two.at(call.two.context(), "h", 2), 34));
        notInUseTwice();
        call.end();
    }

    private void noAnswer() {
        call.env.stats.noAnswer.incrementAndGet();
        call.two = call.two.atPriority(2);
        call.emit(ev.withCause("HangupRequest", call.two, 19));
        failed(3);
        call.emit(ev.hangup(call.one, 19));
        call.emit(ev.withCause("SoftHangupRequest", call.two, 16));
        call.emit(ev.hangup(call.two.at(call.two.context(), "h", 2), 19));
        notInUseTwice();
        call.end();
    }

    private void noSuchExtension() {
        call.env.stats.failed.incrementAndGet();
        call.emit(ev.hangup(call.two, 0));
        failed(0);
        call.emit(ev.hangup(call.one, 0));
        call.emit(ev.deviceState(call.request.device(), "INVALID"));
        call.emit(ev.deviceState(call.request.device(), "INVALID"));
        call.end();
    }

    /** A Hangup action before the far end answered: the originate fails with Reason 1 (hung up). */
    void cancelledWhileDialing(int cause) {
        call.emit(ev.withCause("HangupRequest", call.one, cause));
        failed(1);
        call.emit(ev.hangup(call.one, cause));
        call.emit(ev.withCause("SoftHangupRequest", call.two, 16));
        call.emit(ev.hangup(call.two.at(call.two.context(), "h", 2), cause));
        notInUseTwice();
        call.end();
    }

    /** The dialplan ran out (the AGI script hung up or closed): as in the reference answered case. */
    void dialplanHangup() {
        call.emit(ev.withCause("SoftHangupRequest", call.one, 32));
        call.emit(ev.withCause("SoftHangupRequest", call.one, 16));
        call.two = call.two.atPriority(3);
        call.emit(ev.withCause("HangupRequest", call.two, 0));
        call.emit(ev.hangup(call.one.at(call.one.context(), "h", 2), 0));
        call.emit(ev.withCause("SoftHangupRequest", call.two, 16));
        call.emit(ev.hangup(call.two.at(call.two.context(), "h", 2), 0));
        notInUseTwice();
        call.end();
    }

    /**
     * The agent context's {@code Hangup()} after its Dial (reference cases 7a-7c2): the debtor's channel is hung up
     * with the Dial's cause (16 when it left none), and the Local channel's other half follows.
     */
    void dialplanHangupAfterDial(int cause) {
        var c = cause == 0 ? 16 : cause;
        call.emit(ev.withCause("SoftHangupRequest", call.one, 16));
        call.two = call.two.atPriority(3);
        call.emit(ev.withCause("HangupRequest", call.two, c));
        call.emit(ev.hangup(call.one, c));
        call.emit(ev.withCause("SoftHangupRequest", call.two, 16));
        call.emit(ev.hangup(call.two.at(call.two.context(), "h", 1), c));
        notInUseTwice();
        call.end();
    }

    /** The debtor put the phone down. */
    void callerHangup() {
        call.two = call.two.atPriority(3);
        call.emit(ev.withCause("HangupRequest", call.two, 16));
        call.emit(ev.withCause("SoftHangupRequest", call.one, 16));
        call.emit(ev.hangup(call.two.at(call.two.context(), "h", 2), 16));
        call.emit(ev.hangup(call.one.at(call.one.context(), "h", 2), 16));
        notInUseTwice();
        call.end();
    }

    /** The debtor's channel is hung up from outside (Hangup action, failed agent dial). */
    void debtorHangup(int cause) {
        call.emit(ev.withCause("HangupRequest", call.one, cause));
        call.emit(ev.hangup(call.one, cause));
        call.emit(ev.withCause("SoftHangupRequest", call.two, 16));
        call.emit(ev.hangup(call.two.at(call.two.context(), "h", 2), cause));
        notInUseTwice();
        call.end();
    }

    private void failed(int reason) {
        call.emit(ev.originateResponse(call.request.actionId(), false, call.request.dialString(),
                call.request.context(), call.request.exten(), reason, "<unknown>"));
    }

    private void notInUseTwice() {
        call.emit(ev.deviceState(call.request.device(), "NOT_INUSE"));
        call.emit(ev.deviceState(call.request.device(), "NOT_INUSE"));
    }
}
