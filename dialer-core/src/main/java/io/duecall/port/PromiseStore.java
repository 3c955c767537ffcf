package io.duecall.port;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.domain.promise.PromiseToPay;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Durable promises to pay and where each stands. A call records at most one promise, however often the caller
 * confirms; a promise starts open, and its status changes only by compare-and-set, so a payment feed and the daily
 * follow-up can never overwrite each other's verdict.
 */
public interface PromiseStore {
    /**
     * Stores the promise, open with nothing paid, unless its call already has one, and returns the promise that is
     * stored for that call (the given one, or the earlier one). It returns only once the promise is durable.
     */
    PromiseToPay record(PromiseToPay promise);

    Optional<PromiseToPay> forCall(String callId);

    /** Every promise in the order it was made. */
    List<PromiseToPay> all();

    /**
     * The amounts promised per campaign and currency, in minor units, over every promise recorded. A store that
     * keeps running totals answers without reading the promises; this default sums {@link #all()}.
     */
    default Map<CampaignId, Map<Currency, Long>> promisedTotals() {
        var totals = new TreeMap<CampaignId, Map<Currency, Long>>(Comparator.comparing(CampaignId::value));
        for (var promise : all()) {
            totals.computeIfAbsent(promise.campaign(), c -> new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode)))
                    .merge(promise.amount().currency(), promise.amount().minor(), Long::sum);
        }
        return totals;
    }

    Optional<PromiseStatus> status(String callId);

    /** Every promise with its status, in the order the promises were made. */
    List<PromiseStatus> statuses();

    /**
     * The account's latest {@code max} promises, whatever their status, in the order they were made: what an agent's
     * screen shows, read from the account's own index, never the whole store.
     */
    List<PromiseToPay> latestOf(AccountId account, int max);

    /** The account's promises that are open or partly kept, in the order they were made. */
    List<PromiseStatus> unsettled(AccountId account);

    /** Promises open or partly kept whose pay-by date is {@code lastPayBy} or earlier, earliest pay-by first. */
    List<PromiseStatus> unsettledDueBy(LocalDate lastPayBy);

    /**
     * The calls of {@link #unsettledDueBy} (possibly with some settled meanwhile), without reading their promises: for
     * a caller that reads each on its own, so that one it cannot read does not stop it. This default reads them all.
     */
    default List<String> unsettledCallsDueBy(LocalDate lastPayBy) {
        return unsettledDueBy(lastPayBy).stream().map(PromiseStatus::callId).toList();
    }

    /**
     * Replaces the status of {@code next}'s call with {@code next} if it is still exactly {@code expected} (state,
     * amount paid and time of change); false if it had changed meanwhile. A final status leaves the unsettled lists.
     */
    boolean update(PromiseStatus expected, PromiseStatus next);
}
