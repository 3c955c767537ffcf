package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PromiseSettlement;
import java.util.List;

/** Whether the payments recorded on an account cover the amount it was imported with. */
final class PaidInFull {
    private PaidInFull() {}

    /**
     * True when at least one payment was made and those in the account's currency add up to its amount due; counting
     * stops at the amount due, so no number or size of payments can overflow it.
     */
    static boolean test(Account account, List<Payment> payments) {
        var due = account.amountDue();
        long paid = 0;
        for (var payment : payments) {
            if (payment.amount().currency().equals(due.currency())) {
                paid = PromiseSettlement.addUpTo(paid, payment.amount().minor(), due.minor());
            }
        }
        return !payments.isEmpty() && paid >= due.minor();
    }
}
