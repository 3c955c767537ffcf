package io.duecall.domain.compliance;

/**
 * Whose frequency rules a campaign must meet ({@code rules.jurisdiction}). Under {@link #US} the 7-in-7 count and
 * what makes a conversation may not be narrowed below Regulation F's; elsewhere they may, as local rules allow.
 */
public enum Jurisdiction {
    /** Regulation F applies: every connected call counts and every conversation starts the quiet period. */
    US,
    /** The stricter US rule does not apply; the campaign's own counting stands. */
    OUTSIDE_US
}
