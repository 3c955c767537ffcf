package io.duecall.domain.account;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A third party the lender may ask about the debtor's whereabouts: never told about the debt, and called at most as
 * often as the contact rules allow (once, by default). The name may not hold {@code ; :} or control characters,
 * which separate contacts in the accounts file and the store.
 */
public record Contact(ContactRelation relation, String name, E164 number) {
    private static final Pattern NAME = Pattern.compile("[^;:\\p{Cntrl}]{1,120}");

    public Contact {
        Objects.requireNonNull(relation, "contact.relation");
        Objects.requireNonNull(number, "contact.number");
        if (name == null || name.isBlank() || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("contact.name: '" + name
                    + "' (expected 1-120 characters without ; : or control characters)");
        }
        name = name.strip();
    }
}
