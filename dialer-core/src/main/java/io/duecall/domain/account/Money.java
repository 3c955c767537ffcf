package io.duecall.domain.account;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in minor units (cents) of one currency; never a floating-point number. */
public record Money(long minor, Currency currency) {
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minor < 0) {
            throw new IllegalArgumentException("amount: " + minor + " (expected >= 0)");
        }
    }

    /** Parses a decimal amount such as "125.50" in the given currency; more decimals than the currency has are refused. */
    public static Money parse(String amount, Currency currency) {
        try {
            var decimal = new BigDecimal(amount.trim());
            var scaled = decimal.movePointRight(currency.getDefaultFractionDigits());
            return new Money(scaled.longValueExact(), currency);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("amount: '" + amount + "' (expected a decimal with at most "
                    + currency.getDefaultFractionDigits() + " decimals)", e);
        }
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency: " + other.currency + " (expected " + currency + ")");
        }
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }
}
