package io.duecall.app;

import io.duecall.adapter.csv.ImportRejectedException;
import io.duecall.adapter.csv.PaymentCsvReader;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PromiseSettlement;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.port.AccountStore;
import io.duecall.port.PaymentStore;
import io.duecall.port.PromiseStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records a payment feed and settles the promises it pays: kept when paid in full inside the promise's window,
 * partly kept when paid in part; an account paid in full leaves every campaign's queue. A rejected file
 * ({@link ImportRejectedException}) records nothing, and a feed recorded twice changes nothing the second time.
 * Breaking unpaid promises is left to {@link PromiseFollowUp}, which also calls the debtor back.
 */
public final class RecordPayments {
    /** Several writers may settle the same promise; a lost compare-and-set is retried on fresh data this often. */
    static final int ATTEMPTS = 5;

    /** What one feed did: payments new and already known, promises newly kept or partly kept, accounts paid off. */
    public record Result(int recorded, int alreadyRecorded, int kept, int partlyKept, List<AccountId> paidInFull) {}

    private final PaymentCsvReader reader;
    private final PaymentStore payments;
    private final PromiseStore promises;
    private final AccountStore accounts;
    private final Supplier<List<CampaignId>> campaigns;
    private final Clock clock;

    /** {@code campaigns} are the queues an account paid in full is taken out of. */
    public RecordPayments(PaymentCsvReader reader, PaymentStore payments, PromiseStore promises, AccountStore accounts,
            List<CampaignId> campaigns, Clock clock) {
        this(reader, payments, promises, accounts, constant(List.copyOf(campaigns)), clock);
    }

    /** {@code campaigns} gives the queues at the time of each feed, for a dialer whose campaigns change at run time. */
    public RecordPayments(PaymentCsvReader reader, PaymentStore payments, PromiseStore promises, AccountStore accounts,
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

    public Result fromFile(Path csv) {
        return record(reader.read(csv));
    }

    /**
     * Records each payment once and settles every account in the feed, also those whose payments were all known:
     * a feed interrupted half-way is completed by recording it again.
     */
    public Result record(List<Payment> feed) {
        int recorded = 0;
        var touched = new LinkedHashSet<AccountId>();
        for (var payment : feed) {
            if (payments.record(payment)) {
                recorded++;
            }
            touched.add(payment.account());
        }
        var now = clock.instant();
        int kept = 0;
        int partlyKept = 0;
        var paidOff = new ArrayList<AccountId>();
        for (var account : touched) {
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
        return new Result(recorded, feed.size() - recorded, kept, partlyKept, List.copyOf(paidOff));
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
