package io.duecall.domain.dial;

/** Why a dial was not placed. */
public enum SkipReason {
    /** The debtor's local time is outside the campaign's permitted window in at least one of their zones. */
    OUTSIDE_WINDOW,
    /** Neither the account nor the number tells the debtor's time zone, so no time can be known to be permitted. */
    NO_ZONE
}
