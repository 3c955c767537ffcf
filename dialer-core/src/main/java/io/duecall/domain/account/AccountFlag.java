package io.duecall.domain.account;

/** A fact about the account or the debtor that stops or limits calls. */
public enum AccountFlag {
    /** The debtor disputes the debt; no calls until it is resolved. */
    DISPUTE,
    /** The debtor is in bankruptcy (verified with documents). */
    BANKRUPTCY,
    /** The debtor has died (verified with documents). */
    DECEASED,
    /** The debtor is represented by an attorney; talk to the attorney, not the debtor. */
    ATTORNEY_REPRESENTED,
    /** The debtor asked not to be called at work: work numbers are never dialed. */
    DO_NOT_CALL_AT_WORK;

    /** True for flags that stop every call to the account, whatever the number. */
    public boolean stopsAllCalls() {
        return this != DO_NOT_CALL_AT_WORK;
    }
}
