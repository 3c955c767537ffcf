package io.duecall.domain.account;

import java.util.Arrays;
import java.util.Locale;

/** How a third-party contact knows the debtor, as the lender recorded it. */
public enum ContactRelation {
    SPOUSE,
    PARENT,
    RELATIVE,
    FRIEND,
    EMPLOYER,
    COLLEAGUE,
    REFERENCE,
    OTHER;

    /** The relation named in any case, such as {@code spouse}, or throws naming the value and the choices. */
    public static ContactRelation named(String raw) {
        var normalized = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(normalized)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("relation: '" + raw + "' (expected one of "
                        + Arrays.stream(values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList() + ")"));
    }
}
