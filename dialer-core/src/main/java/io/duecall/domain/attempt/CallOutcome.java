package io.duecall.domain.attempt;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What the network said about a placed call (Asterisk's OriginateResponse reasons, plus answering machines). */
public enum CallOutcome {
    ANSWERED,
    MACHINE,
    NO_ANSWER,
    BUSY,
    CONGESTION,
    FAILED;

    /** Picked up, by a person or a machine. */
    public boolean answered() {
        return this == ANSWERED || this == MACHINE;
    }

    /**
     * The call reached the dialed number, as Regulation F 1006.14(b)(3) reads it: only a call that does not connect
     * (busy signal, network failure, congestion, a number not in service) is left out. A call that rang out
     * unanswered has connected, as has one that reached a machine.
     */
    public boolean connected() {
        return this != BUSY && this != CONGESTION && this != FAILED;
    }

    /** Every outcome that connected: what the 7-in-7 presumption counts. */
    public static Set<CallOutcome> connectedOutcomes() {
        return Arrays.stream(values()).filter(CallOutcome::connected).collect(Collectors.toUnmodifiableSet());
    }
}
