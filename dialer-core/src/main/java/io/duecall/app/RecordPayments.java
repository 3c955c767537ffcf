package io.duecall.app;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PaymentProblem;
import io.duecall.domain.promise.PaymentsRejectedException;
import io.duecall.domain.promise.PromiseSettlement;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.port.AccountStore;
import io.duecall.port.ImportError;
import io.duecall.port.ImportRejectedException;
import io.duecall.port.PaymentFile;
import io.duecall.port.PaymentStore;
import io.duecall.port.PromiseStore;
import io.duecall.port.StoreUnavailableException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Records a payment feed and settles the promises it pays: kept when paid in full inside the promise's window,
 * partly kept when paid in part; an account paid in full leaves every campaign's queue. The feed is all or nothing:
 * every payment is checked first (a known account, an amount within the ceiling, a time within
 * {@link #EARLIEST_PAYMENT} and {@link #LATEST_PAYMENT} of now, a reference used once) and every promise it touches is
 * settled on paper; only then are the payments recorded, in one step. A rejected feed records nothing, and a feed
 * recorded twice changes nothing the second time. Breaking unpaid promises is left to {@link PromiseFollowUp}, which
 * also calls the debtor back.
 */
public final class RecordPayments {
    /** Several writers may settle the same promise; a lost compare-and-set is retried on fresh data this often. */
    static final int ATTEMPTS = 5;
    /** The earliest a payment may have been made, before now: ten years, longer than any debt stays with a collector. */
    public static final Duration EARLIEST_PAYMENT = Duration.ofDays(3_653);
    /** The latest a payment may have been made, after now: a day, for a lender whose clock runs ahead of ours. */
    public static final Duration LATEST_PAYMENT = Duration.ofDays(1);

    /** What one feed did: payments new and already known, promises newly kept or partly kept, accounts paid off. */
    public record Result(int recorded, int alreadyRecorded, int kept, int partlyKept, List<AccountId> paidInFull) {}

    private final PaymentFile reader;
    private final PaymentStore payments;
    private final PromiseStore promises;
    private final AccountStore accounts;
    private final Supplier<List<CampaignId>> campaigns;
    private final Clock clock;

    /** {@code campaigns} are the queues an account paid in full is taken out of. */
    public RecordPayments(PaymentFile reader, PaymentStore payments, PromiseStore promises, AccountStore accounts,
            List<CampaignId> campaigns, Clock clock) {
        this(reader, payments, promises, accounts, constant(List.copyOf(campaigns)), clock);
    }

    /** {@code campaigns} gives the queues at the time of each feed, for a dialer whose campaigns change at run time. */
    public RecordPayments(PaymentFile reader, PaymentStore payments, PromiseStore promises, AccountStore accounts,
            Supplier<List<CampaignId>> campaigns, Clock clock) {
        this.reader = reader;
        this.payments = payments;
        this.promises = promises;
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    private static Supplier<List<CampaignId>> constant(List<CampaignId> campaigns) {
        return () -> campaigns;
    }

    /** A rejected file, by its syntax or by the checks of {@link #record}, throws {@link ImportRejectedException}. */
    public Result fromFile(Path csv) {
        return fromFile(csv, ProgressListener.NONE);
    }

    /** As above, telling {@code progress} of each account of the feed settled. */
    public Result fromFile(Path csv, ProgressListener progress) {
        var lines = reader.readLines(csv);
        try {
            return record(lines.stream().map(PaymentFile.Line::payment).toList(), progress);
        } catch (PaymentsRejectedException e) {
            throw new ImportRejectedException(csv.getFileName().toString(), e.problems().stream()
                    .map(p -> new ImportError(lines.get(p.entry()).line(), reader.column(p.field()), p.message()))
                    .toList());
        }
    }

    /**
     * Checks the whole feed ({@link PaymentsRejectedException} listing every problem, nothing recorded), records each
     * payment once, all in one step, and settles every account in the feed, also those whose payments were all
     * known: a feed interrupted after its payments were recorded is completed by recording it again.
     */
    public Result record(List<Payment> feed) {
        return record(feed, ProgressListener.NONE);
    }

    /** As above, telling {@code progress} of each account of the feed settled. */
    public Result record(List<Payment> feed, ProgressListener progress) {
        var now = clock.instant();
        var touched = check(feed, now);
        int recorded = (int) payments.recordAll(feed).stream().filter(Boolean::booleanValue).count();
        int kept = 0;
        int partlyKept = 0;
        var paidOff = new ArrayList<AccountId>();
        long settledAccounts = 0;
        for (var account : touched.keySet()) {
            progress.progressed(settledAccounts++, touched.size());
            var received = payments.forAccount(account);
            var stored = accounts.find(account);
            for (var status : promises.unsettled(account)) {
                var settled = settle(status, PromiseDeadline.of(status.promise(), stored), received, now);
                if (settled != null && settled.state() == PromiseState.KEPT) {
                    kept++;
                } else if (settled != null && settled.state() == PromiseState.PARTLY_KEPT) {
                    partlyKept++;
                }
            }
            if (stored.isPresent() && PaidInFull.test(stored.get(), received)) {
                campaigns.get().forEach(campaign -> accounts.remove(campaign, account));
                paidOff.add(account);
            }
        }
        progress.progressed(settledAccounts, touched.size());
        return new Result(recorded, feed.size() - recorded, kept, partlyKept, List.copyOf(paidOff));
    }

    /**
     * Every problem of the feed, thrown at once; otherwise the feed's accounts, each with the position of its first
     * payment. Each account's promises are settled on paper with the feed's payments added, so that nothing is
     * recorded for an account whose promises could not then be settled.
     */
    private LinkedHashMap<AccountId, Integer> check(List<Payment> feed, Instant now) {
        var problems = new ArrayList<PaymentProblem>();
        var firstOfAccount = new LinkedHashMap<AccountId, Integer>();
        var firstOfReference = new HashMap<String, Integer>();
        var earliest = now.minus(EARLIEST_PAYMENT);
        var latest = now.plus(LATEST_PAYMENT);
        for (int i = 0; i < feed.size(); i++) {
            var payment = feed.get(i);
            firstOfAccount.putIfAbsent(payment.account(), i);
            if (!payment.amount().withinCeiling()) {
                problems.add(new PaymentProblem(i, PaymentProblem.Field.AMOUNT, "'" + payment.amount().toDecimal()
                        .toPlainString() + "' (expected at most " + Money.ceiling(
                        payment.amount().currency()).toDecimal().toPlainString() + ", the ceiling for any amount)"));
            }
            if (payment.paidAt().isBefore(earliest) || payment.paidAt().isAfter(latest)) {
                problems.add(new PaymentProblem(i, PaymentProblem.Field.PAID_AT, "'" + payment.paidAt()
                        + "' (expected from " + earliest + " to " + latest + ": at most ten years before now and a day after)"));
            }
            var earlier = firstOfReference.putIfAbsent(payment.reference(), i);
            if (earlier != null) {
                problems.add(new PaymentProblem(i, PaymentProblem.Field.REFERENCE, "'" + payment.reference()
                        + "' is a duplicate in this feed (first in payment " + (earlier + 1) + " of the feed)"));
            }
        }
        var known = accounts.stored(firstOfAccount.keySet());
        for (int i = 0; i < feed.size(); i++) {
            var account = feed.get(i).account();
            if (!known.contains(account)) {
                problems.add(new PaymentProblem(i, PaymentProblem.Field.ACCOUNT, "'" + account
                        + "' is not a stored account (expected the id of an imported account)"));
            }
        }
        if (problems.isEmpty()) {
            firstOfAccount.forEach((account, first) -> settleOnPaper(account, feed, now)
                    .ifPresent(reason -> problems.add(new PaymentProblem(first, PaymentProblem.Field.ACCOUNT,
                            "'" + account + "': its promises could not be settled: " + reason))));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(PaymentProblem::entry));
            throw new PaymentsRejectedException(problems);
        }
        return firstOfAccount;
    }

    /** Why the account's promises could not be settled with the feed's payments added, or empty when they could. */
    private Optional<String> settleOnPaper(AccountId account, List<Payment> feed, Instant now) {
        try {
            var received = new ArrayList<>(payments.forAccount(account));
            var known = new HashSet<String>();
            received.forEach(payment -> known.add(payment.reference()));
            feed.stream().filter(p -> p.account().equals(account) && known.add(p.reference())).forEach(received::add);
            var stored = accounts.find(account);
            for (var status : promises.unsettled(account)) {
                var settlement = PromiseSettlement.settle(status.promise(), PromiseDeadline.of(status.promise(), stored),
                        received, now);
                if (settlement.state() != PromiseState.BROKEN) {
                    status.after(settlement, now);
                }
            }
            stored.ifPresent(a -> PaidInFull.test(a, received));
            return Optional.empty();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Applies what the payments say unless that is a broken promise, which is the follow-up's to record; returns
     * the status written when its state changed, else null.
     */
    private PromiseStatus settle(PromiseStatus current, Instant deadline, List<Payment> received, Instant now) {
        var promise = current.promise();
        var settlement = PromiseSettlement.settle(promise, deadline, received, now);
        if (settlement.state() == PromiseState.BROKEN) {
            return null;
        }
        for (int attempt = 0; attempt < ATTEMPTS && !current.state().isFinal(); attempt++) {
            var next = current.after(settlement, now);
            if (next.equals(current)) {
                return null;
            }
            if (promises.update(current, next)) {
                return next.state() != current.state() ? next : null;
            }
            current = promises.status(promise.callId()).orElseThrow();
        }
        return null;
    }
}
