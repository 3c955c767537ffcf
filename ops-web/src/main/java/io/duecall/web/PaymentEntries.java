package io.duecall.web;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PaymentProblem;
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
        try {
            return Money.currency(raw);
        } catch (IllegalArgumentException e) {
            problems.add(key + "." + e.getMessage());
            return null;
        }
    }

    private static Money amount(String raw, Currency currency, String key, List<String> problems) {
        try {
            var money = Money.parse(required(raw), currency);
            if (money.minor() > 0) {
                return money;
            }
            problems.add(key + ".amount: '" + raw + "' (expected an amount more than 0)");
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(key + ".amount: '" + raw + "' (expected a decimal of digits 0-9 more than 0 with at most "
                    + currency.getDefaultFractionDigits() + " decimals and at most "
                    + Money.ceiling(currency).toDecimal().toPlainString() + ", such as \"125.50\")");
        }
        return null;
    }

    /** Names a problem found after parsing, such as {@code payments[1].paidAt: ...}. */
    static String describe(PaymentProblem problem) {
        var field = switch (problem.field()) {
            case ACCOUNT -> "accountId";
            case AMOUNT -> "amount";
            case CURRENCY -> "currency";
            case PAID_AT -> "paidAt";
            case REFERENCE -> "reference";
        };
        return "payments[" + problem.entry() + "]." + field + ": " + problem.message();
    }

    private static String required(String raw) {
        if (raw == null) {
            throw new NullPointerException("missing");
        }
        return raw;
    }
}
