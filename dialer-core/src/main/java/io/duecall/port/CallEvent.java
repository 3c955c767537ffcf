package io.duecall.port;

import io.duecall.domain.attempt.CallOutcome;
import java.time.Instant;

/** What the telephony side reports about a call placed with {@link CallOriginator}, keyed by our call id. */
public sealed interface CallEvent {
    String callId();

    Instant at();

    /** The PBX accepted the call's Originate (its response came); reported by originators that pipeline them. */
    record OriginateAccepted(String callId, Instant at) implements CallEvent {}

    /** The call was answered; {@code channel} is the PBX's name for the debtor's leg. */
    record Answered(String callId, Instant at, String channel) implements CallEvent {}

    /**
     * Nobody picked up: the call rang out, was busy or failed. One that rang out still connected in Regulation F's
     * sense ({@link io.duecall.domain.attempt.CallOutcome#connected}).
     */
    record NotConnected(String callId, Instant at, CallOutcome outcome) implements CallEvent {}

    /** The debtor's leg joined a bridge with an agent. */
    record Bridged(String callId, Instant at, String agentExtension) implements CallEvent {}

    /** The debtor's leg hung up. */
    record Ended(String callId, Instant at) implements CallEvent {}
}
