package io.duecall.domain.attempt;

/** What the network said about a placed call (Asterisk's OriginateResponse reasons, plus answering machines). */
public enum CallOutcome {
    ANSWERED,
    MACHINE,
    NO_ANSWER,
    BUSY,
    CONGESTION,
    FAILED;

    public boolean connected() {
        return this == ANSWERED || this == MACHINE;
    }
}
