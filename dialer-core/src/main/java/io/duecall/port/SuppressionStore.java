package io.duecall.port;

import io.duecall.domain.account.E164;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Numbers that must never be called again, shared by every dialer and campaign: the debtor's own opt-outs, and
 * numbers on a do-not-call list with the list's reason (such as {@code dnc}). Either is effective as soon as the
 * call returns; the first record of a number is the one kept.
 */
public interface SuppressionStore {
    /** What a do-not-call reason may be: it is stored and printed, so a short lower-case word. */
    Pattern REASON = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** Records that {@code number} asked not to be called, at {@code at}, from {@code source} (e.g. {@code ivr:c-123}). */
    void optOut(E164 number, Instant at, String source);

    boolean isOptedOut(E164 number);

    /** Those of {@code numbers} that have opted out. */
    Set<E164> optedOut(Collection<E164> numbers);

    /**
     * Puts {@code number} on the do-not-call list for {@code reason} (matching {@link #REASON}), at {@code at}, from
     * {@code source} (e.g. {@code file:dnc.csv}); true if it was not listed before.
     */
    boolean doNotCall(E164 number, Instant at, String reason, String source);

    /** Those of {@code numbers} on the do-not-call list. */
    Set<E164> onDoNotCallList(Collection<E164> numbers);

    /** Throws naming the reason if it is not a short lower-case word. */
    static String checkReason(String reason) {
        if (reason == null || !REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("reason: '" + reason + "' (expected 1-40 of a-z 0-9 -, such as dnc)");
        }
        return reason;
    }
}
