package io.duecall.domain.compliance;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Phone;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.window.DebtorZones;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** Picks the number to try for an account, by delinquency stage order, recent attempts and eligibility. */
final class NumberChoice {
    private static final Duration RECENT = Duration.ofDays(1);

    private NumberChoice() {}

    static Optional<Phone> pick(ContactPolicy policy, Account account, ContactHistory history, Instant now) {
        var order = DelinquencyStage.of(account.daysPastDue()).numberOrder();
        var ranked = account.phones().stream()
                .filter(p -> order.contains(p.type()))
                .sorted(Comparator.comparingLong((Phone p) -> triedRecently(history, p, now))
                        .thenComparingInt(p -> order.indexOf(p.type())))
                .toList();
        Phone soonest = null;
        Instant soonestAt = null;
        for (var phone : ranked) {
            var decision = policy.decide(account, phone, history, DebtorZones.of(account, phone.number()), now);
            switch (decision) {
                case DialDecision.Dial dial -> {
                    return Optional.of(phone);
                }
                case DialDecision.Skip skip -> {
                    if (skip.nextEligible() != null && (soonestAt == null || skip.nextEligible().isBefore(soonestAt))) {
                        soonest = phone;
                        soonestAt = skip.nextEligible();
                    }
                }
            }
        }
        return Optional.ofNullable(soonest);
    }

    private static long triedRecently(ContactHistory history, Phone phone, Instant now) {
        var since = now.minus(RECENT);
        return history.attempts().stream()
                .filter(a -> a.number().equals(phone.number()) && a.at().isAfter(since))
                .count();
    }
}
