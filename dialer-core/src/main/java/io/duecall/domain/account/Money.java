package io.duecall.domain.account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in minor units (cents) of one currency; never a floating-point number. Amounts that come from outside
 * (files, the API, the desk) go through {@link #parse}, which refuses anything above {@link #CEILING_MINOR}: at that
 * ceiling more than 900,000 amounts add up exactly in a {@code long} (and in Redis's 64-bit counters), so no total,
 * settlement or report can overflow, and no consumer debt comes near it.
 */
public record Money(long minor, Currency currency) {
    /** The largest amount accepted from outside, in minor units of any currency: 13 digits (99,999,999,999.99 USD). */
    public static final long CEILING_MINOR = 9_999_999_999_999L;
    private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minor < 0) {
            throw new IllegalArgumentException("amount: " + minor + " (expected >= 0)");
        }
    }

    /**
     * Parses a decimal amount such as "125.50" in the given currency: ASCII digits, at most as many decimals as the
     * currency has minor units (none for JPY), no sign or exponent, and at most {@link #ceiling(Currency)}.
     */
    public static Money parse(String amount, Currency currency) {
        int decimals = minorDigits(currency);
        var shape = decimals == 0 ? "[0-9]{1,30}" : "[0-9]{1,30}(\\.[0-9]{1," + decimals + "})?";
        var text = amount == null ? "" : amount.strip();
        if (!text.matches(shape)) {
            throw new IllegalArgumentException("amount: '" + amount + "' (expected a decimal of digits 0-9 with at most "
                    + decimals + " decimals, such as " + example(currency) + ")");
        }
        var scaled = new BigDecimal(text).movePointRight(decimals);
        if (scaled.compareTo(BigDecimal.valueOf(CEILING_MINOR)) > 0) {
            throw new IllegalArgumentException("amount: '" + amount + "' (expected at most "
                    + ceiling(currency).toDecimal().toPlainString() + " " + currency.getCurrencyCode()
                    + ", the ceiling for any amount)");
        }
        return new Money(scaled.longValueExact(), currency);
    }

    /** The largest amount {@link #parse} accepts in the currency. */
    public static Money ceiling(Currency currency) {
        minorDigits(currency);
        return new Money(CEILING_MINOR, currency);
    }

    /**
     * An ISO 4217 code such as "USD" of a currency that has minor units; pseudo-currencies without them (XAU, XXX)
     * are refused, since an amount in them has no defined number of decimals.
     */
    public static Currency currency(String code) {
        if (code != null && ISO_CODE.matcher(code).matches()) {
            try {
                var currency = Currency.getInstance(code);
                if (currency.getDefaultFractionDigits() >= 0) {
                    return currency;
                }
            } catch (IllegalArgumentException unknown) {
                // Reported below with the same message as a malformed code.
            }
        }
        throw new IllegalArgumentException("currency: '" + code + "' (expected an ISO 4217 code with minor units, such as USD)");
    }

    /** True when the amount is at most the ceiling {@link #parse} accepts. */
    public boolean withinCeiling() {
        return minor <= CEILING_MINOR;
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits()));
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency: " + other.currency + " (expected " + currency + ")");
        }
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    private static int minorDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("currency: '" + currency.getCurrencyCode()
                    + "' (expected an ISO 4217 code with minor units, such as USD)");
        }
        return digits;
    }

    private static String example(Currency currency) {
        return BigDecimal.valueOf(12_550, 2).setScale(currency.getDefaultFractionDigits(), RoundingMode.DOWN)
                .toPlainString();
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }
}
