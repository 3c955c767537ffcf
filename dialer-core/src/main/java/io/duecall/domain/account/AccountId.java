package io.duecall.domain.account;

import java.util.regex.Pattern;

/** A lender's account reference: 1 to 64 letters, digits, dots, dashes or underscores. */
public record AccountId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public AccountId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "accountId: '" + value + "' (expected 1-64 characters of A-Z a-z 0-9 . _ -)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
