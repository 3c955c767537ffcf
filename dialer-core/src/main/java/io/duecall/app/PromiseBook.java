package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.port.AccountStore;
import io.duecall.port.AttemptLedger;
import io.duecall.port.PaymentStore;
import io.duecall.port.PromiseStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promise book that operations staff follow up: promises still running by pay-by date, broken promises to call
 * back, one promise with its account's latest attempts and its payments, and an operator's cancellation, which changes
 * the status by compare-and-set like the payment feed and the daily sweep, so none of them overwrites another.
 */
public final class PromiseBook {
    /** How many of the account's latest attempts a promise's history shows. */
    public static final int ATTEMPTS_SHOWN = 20;
    private static final Logger LOG = LoggerFactory.getLogger(PromiseBook.class);
    private static final LocalDate EVER = LocalDate.of(9999, 12, 31);
    private final PromiseStore promises;
    private final AccountStore accounts;
    private final AttemptLedger ledger;
    private final PaymentStore payments;
    private final Clock clock;

    /** One promise with its account (empty if it is no longer stored), latest attempts and every payment. */
    public record History(PromiseStatus status, Optional<Account> account, List<PastAttempt> attempts,
            List<Payment> payments) {}

    public PromiseBook(PromiseStore promises, AccountStore accounts, AttemptLedger ledger, PaymentStore payments,
            Clock clock) {
        this.promises = promises;
        this.accounts = accounts;
        this.ledger = ledger;
        this.payments = payments;
        this.clock = clock;
    }

    /** Open and partly kept promises, earliest pay-by date first, at most {@code max}. */
    public List<PromiseStatus> running(int max) {
        return promises.unsettledDueBy(EVER).stream().limit(max).toList();
    }

    /** Broken promises, the latest broken first, at most {@code max}. Reads every promise's status. */
    public List<PromiseStatus> broken(int max) {
        return promises.statuses().stream().filter(s -> s.state() == PromiseState.BROKEN)
                .sorted(Comparator.comparing(PromiseStatus::changedAt).reversed()).limit(max).toList();
    }

    public Optional<History> history(String callId) {
        return promises.status(callId).map(status -> {
            var account = status.promise().account();
            return new History(status, accounts.find(account), ledger.latest(account, ATTEMPTS_SHOWN),
                    payments.forAccount(account));
        });
    }

    /**
     * Cancels the call's promise for {@code reason}, noted on the promise with the time. Throws
     * {@link NoSuchElementException} when the call has no promise, {@link IllegalArgumentException} for a bad reason,
     * and {@code IllegalPromiseTransitionException} when the promise is already kept, broken or cancelled.
     */
    public PromiseStatus cancel(String callId, String reason) {
        for (int attempt = 0; attempt < RecordPayments.ATTEMPTS; attempt++) {
            var current = promises.status(callId)
                    .orElseThrow(() -> new NoSuchElementException("call '" + callId + "' has no promise"));
            var next = current.cancelled(reason, clock.instant());
            if (promises.update(current, next)) {
                LOG.info("promise of call {} (account {}, {} by {}) cancelled by operations: {}", callId,
                        current.promise().account(), current.promise().amount(), current.promise().payBy(),
                        next.note());
                return next;
            }
        }
        throw new IllegalStateException("promise of call " + callId + " kept changing (payments or the sweep); "
                + "nothing was cancelled, try again");
    }
}
