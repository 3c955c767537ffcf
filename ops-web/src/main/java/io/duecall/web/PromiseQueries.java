package io.duecall.web;

import io.duecall.app.PromiseBook;
import io.duecall.domain.account.Money;
import io.duecall.domain.promise.PromiseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The promise book behind {@code /api/promises}: the running and broken promises, one promise's history, and an
 * operator's cancellation, as JSON objects. Amounts are decimal strings with their currency.
 */
public final class PromiseQueries {
    /** How many promises each list of the book holds at most. */
    public static final int LISTED = 500;
    private final PromiseBook book;

    /** The body of {@code POST /api/promises/{callId}/cancel}. */
    public record Cancellation(String reason) {}

    public PromiseQueries(PromiseBook book) {
        this.book = book;
    }

    public Map<String, Object> book() {
        var map = new LinkedHashMap<String, Object>();
        map.put("limit", LISTED);
        map.put("running", book.running(LISTED).stream().map(PromiseQueries::status).toList());
        map.put("broken", book.broken(LISTED).stream().map(PromiseQueries::status).toList());
        return map;
    }

    public Map<String, Object> history(String callId) {
        var history = book.history(callId)
                .orElseThrow(() -> ApiException.notFound("call '" + callId + "' has no promise"));
        var map = status(history.status());
        map.put("account", history.account().map(a -> {
            var account = new LinkedHashMap<String, Object>();
            account.put("id", a.id().value());
            account.put("debtorName", a.debtorName());
            account.put("amountDue", amount(a.amountDue()));
            account.put("dueDate", a.dueDate());
            account.put("daysPastDue", a.daysPastDue());
            return account;
        }).orElse(null));
        map.put("attempts", history.attempts().stream().map(t -> {
            var attempt = new LinkedHashMap<String, Object>();
            attempt.put("at", t.at());
            attempt.put("outcome", t.outcome().name());
            attempt.put("disposition", t.disposition().name());
            attempt.put("rightParty", t.rightParty());
            return attempt;
        }).toList());
        map.put("payments", history.payments().stream().map(p -> {
            var payment = new LinkedHashMap<String, Object>();
            payment.put("amount", amount(p.amount()));
            payment.put("currency", p.amount().currency().getCurrencyCode());
            payment.put("paidAt", p.paidAt());
            payment.put("reference", p.reference());
            return payment;
        }).toList());
        return map;
    }

    /** A missing reason is refused like a blank one, naming {@code reason}. */
    public Map<String, Object> cancel(String callId, Cancellation body) {
        try {
            return status(book.cancel(callId, body.reason() == null ? "" : body.reason()));
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    static Map<String, Object> status(PromiseStatus s) {
        var p = s.promise();
        var map = new LinkedHashMap<String, Object>();
        map.put("callId", p.callId());
        map.put("accountId", p.account().value());
        map.put("campaign", p.campaign().value());
        map.put("amount", amount(p.amount()));
        map.put("currency", p.amount().currency().getCurrencyCode());
        map.put("payBy", p.payBy());
        map.put("promisedAt", p.promisedAt());
        map.put("state", s.state().name());
        map.put("paid", amount(s.paid()));
        map.put("changedAt", s.changedAt());
        map.put("note", s.note());
        return map;
    }

    private static String amount(Money money) {
        return money.toDecimal().toPlainString();
    }
}
