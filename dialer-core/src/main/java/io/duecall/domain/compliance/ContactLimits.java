package io.duecall.domain.compliance;

/**
 * When third-party contacts may be called. The debtor "cannot be reached" after at least {@code unreachedAttempts}
 * attempts on their own numbers that reached no person (unanswered, busy, failed or a machine), the first of them at
 * least {@code unreachedDays} days ago, and no conversation with the debtor since. Checked, with keys, by
 * {@link ContactRules}.
 *
 * @param maxCallsPerContact attempts ever placed to one contact's number (Regulation F 1006.10: once per person);
 *     0 turns third-party calls off
 */
public record ContactLimits(int unreachedAttempts, int unreachedDays, int maxCallsPerContact) {

    /** 6 attempts over at least 3 days, and one call per contact. */
    public static ContactLimits defaults() {
        return new ContactLimits(6, 3, 1);
    }
}
