package io.duecall.adapter.memory;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.promise.Payment;
import io.duecall.port.PaymentStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link PaymentStore} in memory: the first payment recorded under a reference wins; safe from several threads. */
public final class InMemoryPaymentStore implements PaymentStore {
    private final Map<String, Payment> byReference = new HashMap<>();
    private final Map<AccountId, List<Payment>> byAccount = new HashMap<>();

    @Override
    public synchronized boolean record(Payment payment) {
        if (byReference.putIfAbsent(payment.reference(), payment) != null) {
            return false;
        }
        byAccount.computeIfAbsent(payment.account(), ignored -> new ArrayList<>()).add(payment);
        return true;
    }

    @Override
    public synchronized List<Boolean> recordAll(List<Payment> payments) {
        return payments.stream().map(this::record).toList();
    }

    @Override
    public synchronized List<Payment> forAccount(AccountId account) {
        return List.copyOf(byAccount.getOrDefault(account, List.of()));
    }
}
