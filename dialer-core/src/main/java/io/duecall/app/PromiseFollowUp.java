package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.promise.PromiseSettlement;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.port.AccountStore;
import io.duecall.port.PaymentStore;
import io.duecall.port.PromiseStore;
import io.duecall.port.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The morning after: settles every open or partly kept promise whose pay-by date is over in the debtor's zone, as
 * kept if the payments cover it and broken otherwise, and puts each broken promise's account back in its campaign's
 * queue ahead of the accounts waiting there. The contact rules still decide when it is dialed.
 */
public final class PromiseFollowUp {
    /**
     * How far ahead of "now" an account the rules permit at once is queued: ahead of every account that has waited
     * less than this. A broken promise is common and often not bad faith, so these debtors are worth calling first.
     */
    static final Duration HEAD_START = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(PromiseFollowUp.class);

    /** One promise the sweep settled, and when its account was queued again (empty: it was not). */
    public record FollowUp(PromiseStatus status, Optional<Instant> queuedAt) {}

    /** A promise the sweep could not settle (its stored data unreadable, say), and why; the others were settled. */
    public record Skipped(String callId, String reason) {}

    /** What one sweep did: the promises it settled and those it had to skip. */
    public record Sweep(List<FollowUp> settled, List<Skipped> skipped) {}

    private final PromiseStore promises;
    private final PaymentStore payments;
    private final AccountStore accounts;
    private final Eligibility eligibility;

    public PromiseFollowUp(PromiseStore promises, PaymentStore payments, AccountStore accounts, Eligibility eligibility) {
        this.promises = promises;
        this.payments = payments;
        this.accounts = accounts;
        this.eligibility = eligibility;
    }

    /**
     * Settles what is due at {@code now}; running it again at once settles nothing more. A promise it cannot settle
     * is skipped, logged and reported, and the sweep goes on with the others; only a store that is unavailable stops it.
     */
    public Sweep sweep(Instant now) {
        // No zone is more than a day ahead of UTC, so a pay-by date after UTC's today cannot be over anywhere yet.
        var lastPayBy = now.atOffset(ZoneOffset.UTC).toLocalDate();
        var followUps = new ArrayList<FollowUp>();
        var skipped = new ArrayList<Skipped>();
        for (var callId : promises.unsettledCallsDueBy(lastPayBy)) {
            try {
                followUp(callId, now).ifPresent(followUps::add);
            } catch (StoreUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("promise sweep: promise {} skipped, it could not be settled: {}", callId, e.getMessage());
                skipped.add(new Skipped(callId, e.getMessage()));
            }
        }
        return new Sweep(List.copyOf(followUps), List.copyOf(skipped));
    }

    private Optional<FollowUp> followUp(String callId, Instant now) {
        var status = promises.status(callId);
        if (status.isEmpty() || status.get().state().isFinal()) {
            return Optional.empty();
        }
        var account = accounts.find(status.get().promise().account());
        var deadline = PromiseDeadline.of(status.get().promise(), account);
        if (now.isBefore(deadline)) {
            return Optional.empty();
        }
        var settled = settle(status.get(), deadline, now);
        if (settled.isEmpty()) {
            return Optional.empty();
        }
        var queuedAt = settled.get().state() == PromiseState.BROKEN
                ? callAgain(settled.get(), account, now) : Optional.<Instant>empty();
        return Optional.of(new FollowUp(settled.get(), queuedAt));
    }

    private Optional<PromiseStatus> settle(PromiseStatus current, Instant deadline, Instant now) {
        var received = payments.forAccount(current.promise().account());
        var settlement = PromiseSettlement.settle(current.promise(), deadline, received, now);
        for (int attempt = 0; attempt < RecordPayments.ATTEMPTS && !current.state().isFinal(); attempt++) {
            var next = current.after(settlement, now);
            if (promises.update(current, next)) {
                return Optional.of(next);
            }
            current = promises.status(current.callId()).orElseThrow();
        }
        return Optional.empty();
    }

    /**
     * Queues the account at the first instant the rules permit in a peak window, when debtors answer best, a head
     * start ahead of the others: when that is now,
     * {@link #HEAD_START} before now; when it is later, a millisecond before it, so that the first claim at that
     * instant takes this account first and the engine's own check then lets it be dialed.
     */
    private Optional<Instant> callAgain(PromiseStatus broken, Optional<Account> account, Instant now) {
        var promise = broken.promise();
        if (account.isEmpty() || !eligibility.covers(promise.campaign())) {
            LOG.warn("broken promise {}: account {} or campaign {} is gone; not calling again", promise.callId(),
                    promise.account(), promise.campaign());
            return Optional.empty();
        }
        if (PaidInFull.test(account.get(), payments.forAccount(promise.account()))) {
            return Optional.empty();
        }
        var permitted = eligibility.nextEligibleInPeak(promise.campaign(), account.get(), now);
        if (permitted == null) {
            LOG.info("broken promise {}: no number of account {} may be called", promise.callId(), promise.account());
            return Optional.empty();
        }
        var queueAt = permitted.isAfter(now) ? permitted.minusMillis(1) : now.minus(HEAD_START);
        return accounts.requeue(promise.campaign(), promise.account(), queueAt) ? Optional.of(queueAt) : Optional.empty();
    }
}
