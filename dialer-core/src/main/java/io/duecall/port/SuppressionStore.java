package io.duecall.port;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.compliance.AccountFlag;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Numbers that must never be called again and flags on accounts (dispute, bankruptcy, death), shared by every dialer
 * and campaign. Both are effective as soon as the call returns; the first record of each is the one kept.
 */
public interface SuppressionStore {
    /** Records that {@code number} asked not to be called, at {@code at}, from {@code source} (e.g. {@code ivr:c-123}). */
    void optOut(E164 number, Instant at, String source);

    boolean isOptedOut(E164 number);

    /** Those of {@code numbers} that have opted out. */
    Set<E164> optedOut(Collection<E164> numbers);

    /**
     * Flags the account for every campaign, at {@code at}, from {@code source} (e.g. {@code agent:101:c-123}). Stores
     * without flags refuse, so that a flag is never silently lost.
     */
    default void flag(AccountId account, AccountFlag flag, Instant at, String source) {
        throw new UnsupportedOperationException("this suppression list keeps no account flags (flag " + flag + ")");
    }

    /** The account's flags; none for stores that keep no flags. */
    default Set<AccountFlag> flags(AccountId account) {
        return Set.of();
    }
}
