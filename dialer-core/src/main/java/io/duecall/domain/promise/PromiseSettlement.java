package io.duecall.domain.promise;

import io.duecall.domain.account.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * Decides a promise's state from the payments on its account. A payment counts when it is in the promise's
 * currency and was made from the moment of the promise up to the end of its pay-by date in the debtor's zone.
 */
public final class PromiseSettlement {
    private PromiseSettlement() {}

    /** The state the payments put the promise in, and how much of it they paid (never more than promised). */
    public record Settlement(PromiseState state, Money paid) {}

    /**
     * When the pay-by date ends for the debtor: the next day's 00:00 in their zone. With several plausible zones
     * (no zone on the account, a number that spans zones) the latest, so no debtor is judged before their day is over.
     */
    public static Instant deadline(PromiseToPay promise, Collection<ZoneId> zones) {
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("zones: none given for promise " + promise.callId()
                    + " (expected the debtor's zone or the zones of their number)");
        }
        var nextDay = promise.payBy().plusDays(1);
        return zones.stream().map(zone -> nextDay.atStartOfDay(zone).toInstant()).max(Instant::compareTo).orElseThrow();
    }

    /**
     * Kept once the payments reach the amount; broken at the deadline otherwise; partly kept or open until then.
     * Counting stops at the amount promised, so no number or size of payments can overflow it.
     */
    public static Settlement settle(PromiseToPay promise, Instant deadline, List<Payment> payments, Instant now) {
        var promised = promise.amount();
        long paid = 0;
        for (var payment : payments) {
            var counts = payment.account().equals(promise.account())
                    && payment.amount().currency().equals(promised.currency())
                    && !payment.paidAt().isBefore(promise.promisedAt())
                    && payment.paidAt().isBefore(deadline);
            if (counts) {
                paid = addUpTo(paid, payment.amount().minor(), promised.minor());
            }
        }
        var counted = new Money(paid, promised.currency());
        if (paid >= promised.minor()) {
            return new Settlement(PromiseState.KEPT, counted);
        }
        if (!now.isBefore(deadline)) {
            return new Settlement(PromiseState.BROKEN, counted);
        }
        return new Settlement(paid > 0 ? PromiseState.PARTLY_KEPT : PromiseState.OPEN, counted);
    }

    /**
     * {@code sum + amount}, but never more than {@code target}: both are at least 0 and {@code sum} at most
     * {@code target}, so the comparison cannot overflow where the addition could.
     */
    public static long addUpTo(long sum, long amount, long target) {
        return amount >= target - sum ? target : sum + amount;
    }
}
