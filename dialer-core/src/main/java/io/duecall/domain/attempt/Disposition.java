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
    /**
     * Nobody picked up: the call rang out unanswered, was busy or never got through. A call that rang out still
     * connected in Regulation F's sense ({@link CallOutcome#connected}).
     */
    NOT_CONNECTED,
    /** The debtor asked not to be called on this number again. */
    OPTED_OUT,
    /**
     * The debtor keyed a promise that could not be recorded anywhere (neither the store nor the journal took it);
     * they heard so. A conversation: they were verified and heard the amount before promising.
     */
    PROMISE_NOT_RECORDED,
    /**
     * The dialer stopped (crashed, was killed) while the call was up, so what happened on it is unknown. Written by
     * the node that takes the account over, or by a stop that could not wait for the call's end; its outcome is
     * {@code ANSWERED}, so every rule counts it as a call that was picked up.
     */
    INTERRUPTED;

    /** For ledger lines that do not record it: whether this ending means the debtor was verified on the call. */
    public boolean impliesRightParty() {
        return this == PROMISE_TO_PAY || this == NO_COMMITMENT || this == AGENT_CONVERSATION || this == OPTED_OUT
                || this == PROMISE_NOT_RECORDED;
    }

    /** For ledger lines that do not record it: the least this ending says was disclosed. */
    public Disclosure impliedDisclosure() {
        return this == PROMISE_TO_PAY || this == NO_COMMITMENT || this == PROMISE_NOT_RECORDED ? Disclosure.AMOUNT
                : Disclosure.NOTHING;
    }
}
