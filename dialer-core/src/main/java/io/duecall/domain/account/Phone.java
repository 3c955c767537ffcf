package io.duecall.domain.account;

import java.util.Objects;

/** One of a debtor's own numbers. */
public record Phone(E164 number, PhoneType type) {
    public Phone {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(type, "type");
    }
}
