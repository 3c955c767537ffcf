package io.duecall.domain.attempt;

/** What a call said about the debt, the most it got to. */
public enum Disclosure {
    /** Nothing was said beyond prompts that name no one. */
    NOTHING,
    /** The caller's business name was said (a limited-content message, the abandoned-call message, a greeting). */
    IDENTITY,
    /** Something about the debt itself was said: the amount, the due date, a proposed or promised payment. */
    AMOUNT;

    public Disclosure max(Disclosure other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
