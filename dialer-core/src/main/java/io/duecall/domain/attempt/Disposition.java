package io.duecall.domain.attempt;

/** How an attempt ended, from the collector's point of view. */
public enum Disposition {
    /** The debtor promised a payment in the IVR. */
    PROMISE_TO_PAY,
    /** The debtor was bridged to an agent and they talked. */
    AGENT_CONVERSATION,
    /** The debtor was verified and heard the reminder but made no promise. */
    NO_COMMITMENT,
    /** Someone other than the debtor answered; nothing about the debt was said. */
    THIRD_PARTY,
    /** The caller pressed nothing usable until the retries ran out. */
    NO_INPUT,
    /** The caller hung up before the flow finished. */
    HUNG_UP,
    /** An answered call found no agent in time and heard the identifying message. */
    ABANDONED,
    /** An answering machine took a limited-content message, or was hung up on. */
    MACHINE,
    /** The call never connected (no answer, busy, congestion, failure). */
    NOT_CONNECTED,
    /** The debtor asked not to be called on this number again. */
    OPTED_OUT
}
