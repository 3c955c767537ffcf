package io.duecall.web;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.promise.Payment;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Turns the payments of a {@code POST /api/payments} body into domain payments, checking every field of every entry
 * first: one bad value rejects the whole request, with each problem named by its index and field.
 */
public final class PaymentEntries {
    /** One payment as sent: every value a string, as in the CSV feed, so amounts never pass through a double. */
    public record Entry(String accountId, String amount, String currency, String paidAt, String reference) {}

    private PaymentEntries() {}

    static List<Payment> parse(List<Entry> entries) {
        if (entries == null) {
            throw new ApiException(400, "payments: missing (expected a list of "
                    + "{accountId, amount, currency, paidAt, reference})");
        }
        var problems = new ArrayList<String>();
        var payments = new ArrayList<Payment>();
        for (int i = 0; i < entries.size(); i++) {
            var payment = parse(entries.get(i), "payments[" + i + "]", problems);
            if (payment != null) {
                payments.add(payment);
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, String.join("; ", problems));
        }
        return payments;
    }

    private static Payment parse(Entry entry, String key, List<String> problems) {
        if (entry == null) {
            problems.add(key + ": null (expected {accountId, amount, currency, paidAt, reference})");
            return null;
        }
        int before = problems.size();
        AccountId account = null;
        try {
            account = new AccountId(entry.accountId());
        } catch (IllegalArgumentException e) {
            problems.add(key + "." + e.getMessage());
        }
        var currency = currency(entry.currency(), key, problems);
        var amount = currency == null ? null : amount(entry.amount(), currency, key, problems);
        Instant paidAt = null;
        try {
            paidAt = Instant.parse(required(entry.paidAt()));
        } catch (DateTimeException | NullPointerException e) {
            problems.add(key + ".paidAt: '" + entry.paidAt() + "' (expected an ISO-8601 instant such as "
                    + "2026-11-24T17:45:00Z)");
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new Payment(account, amount, paidAt, entry.reference());
        } catch (IllegalArgumentException e) {
            problems.add(key + "." + e.getMessage());
            return null;
        }
    }

    private static Currency currency(String raw, String key, List<String> problems) {
        if (raw != null && raw.matches("[A-Z]{3}")) {
            try {
                return Currency.getInstance(raw);
            } catch (IllegalArgumentException unknown) {
                // Reported below with the same message as a malformed code.
            }
        }
        problems.add(key + ".currency: '" + raw + "' (expected an ISO 4217 code such as USD)");
        return null;
    }

    private static Money amount(String raw, Currency currency, String key, List<String> problems) {
        try {
            var money = Money.parse(required(raw), currency);
            if (!raw.strip().startsWith("-") && money.minor() > 0) {
                return money;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // Falls through to the one message for every unusable amount.
        }
        problems.add(key + ".amount: '" + raw + "' (expected a decimal more than 0 with at most "
                + currency.getDefaultFractionDigits() + " decimals, such as \"125.50\")");
        return null;
    }

    private static String required(String raw) {
        if (raw == null) {
            throw new NullPointerException("missing");
        }
        return raw;
    }
}
