package io.duecall.domain.compliance;

import io.duecall.domain.account.AccountFlag;
import io.duecall.domain.account.E164;
import java.util.Objects;
import java.util.Set;

/**
 * What must never be dialed for one account: numbers on a do-not-call list, numbers the debtor opted out of,
 * and flags on the account.
 */
public record Suppression(Set<E164> doNotCall, Set<E164> optedOut, Set<AccountFlag> flags) {
    public Suppression {
        doNotCall = Set.copyOf(Objects.requireNonNull(doNotCall, "suppression.doNotCall"));
        optedOut = Set.copyOf(Objects.requireNonNull(optedOut, "suppression.optedOut"));
        flags = Set.copyOf(Objects.requireNonNull(flags, "suppression.flags"));
    }

    public static Suppression none() {
        return new Suppression(Set.of(), Set.of(), Set.of());
    }

    public static Suppression flagged(AccountFlag... flags) {
        return new Suppression(Set.of(), Set.of(), Set.of(flags));
    }
}
