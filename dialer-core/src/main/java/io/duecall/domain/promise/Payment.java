package io.duecall.domain.promise;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A payment the lender received on an account. The reference is the lender's own id for it, unique across the
 * feed, so a feed delivered twice records each payment once.
 */
public record Payment(AccountId account, Money amount, Instant paidAt, String reference) {
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");

    public Payment {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paidAt, "paidAt");
        if (amount.minor() <= 0) {
            throw new IllegalArgumentException("amount: " + amount + " (expected > 0)");
        }
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException(
                    "reference: '" + reference + "' (expected 1-100 characters of A-Z a-z 0-9 . _ : / -)");
        }
    }
}
