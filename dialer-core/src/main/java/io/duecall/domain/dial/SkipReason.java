package io.duecall.domain.dial;

/** Why a dial was not placed. */
public enum SkipReason {
    /** The debtor's local time is outside the campaign's permitted window in at least one of their zones. */
    OUTSIDE_WINDOW,
    /** Neither the account nor the number tells the debtor's time zone, so no time can be known to be permitted. */
    NO_ZONE,
    /** The debtor's local date is a holiday in at least one of their zones. */
    HOLIDAY,
    /** Only peak hours are dialed for this call (a retry of a debtor not reached, or a peak-only campaign). */
    OUTSIDE_PEAK,
    /** The account reached its counted attempts in the rolling seven days. */
    ATTEMPT_CAP,
    /** The account or number reached a per-day limit in the debtor's local day. */
    DAILY_CAP,
    /** The debtor had a conversation recently; the account stays quiet for a while after it. */
    RECENT_CONVERSATION,
    /** Too soon after the previous attempt (minimum gap or the retry delay for its outcome). */
    RETRY_DELAY,
    /** A call to this number was abandoned; the number rests before it is called again. */
    ABANDON_LOCKOUT,
    /** The number is on a do-not-call list. */
    DO_NOT_CALL,
    /** The debtor asked not to be called on this number. */
    OPTED_OUT,
    /** The account is flagged (dispute, bankruptcy, deceased, attorney) and is never dialed. */
    ACCOUNT_FLAGGED,
    /** The debtor asked not to be called at work and this is a work number. */
    WORK_NUMBER_SUPPRESSED,
    /** A third-party contact may not be called: the stage forbids it, the debtor is reachable, or it was called already. */
    CONTACT_NOT_PERMITTED
}
