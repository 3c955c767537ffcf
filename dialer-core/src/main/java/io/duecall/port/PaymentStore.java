package io.duecall.port;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.promise.Payment;
import java.util.List;

/** Payments received, recorded once per reference: a feed delivered twice changes nothing the second time. */
public interface PaymentStore {
    /** Stores the payment unless its reference is already recorded; true if it was stored now. */
    boolean record(Payment payment);

    /**
     * Stores every payment whose reference is not recorded yet, all in one step: a failure records none of them.
     * Returns, for each payment in order, whether it was stored now.
     */
    List<Boolean> recordAll(List<Payment> payments);

    /** The account's payments in the order they were recorded. */
    List<Payment> forAccount(AccountId account);
}
