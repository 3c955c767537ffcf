package io.duecall.domain.compliance;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.Phone;
import io.duecall.domain.dial.DialDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks whom to call for an account, by delinquency stage, recent attempts, contact limits and eligibility. */
final class NumberChoice {
    private static final Duration RECENT = Duration.ofDays(1);

    private NumberChoice() {}

    static Optional<CallTarget> pick(ContactPolicy policy, Account account, ContactHistory history, Instant now,
            boolean withContacts) {
        var stage = DelinquencyStage.of(account.daysPastDue());
        var order = stage.numberOrder();
        var own = account.phones().stream()
                .filter(p -> order.contains(p.type()))
                .sorted(Comparator.comparingLong((Phone p) -> triedRecently(history, p, now))
                        .thenComparingInt(p -> order.indexOf(p.type())))
                .map(p -> (CallTarget) new CallTarget.Own(p))
                .toList();
        var candidates = new ArrayList<CallTarget>(own);
        if (withContacts) {
            var contacts = contactsAllowed(policy, account, history, now);
            // Once the debtor has proved unreachable a location call is the next step, so it goes ahead of more retries.
            candidates.addAll(policy.debtorUnreached(account, history, now) ? 0 : candidates.size(), contacts);
        }
        CallTarget soonest = null;
        Instant soonestAt = null;
        for (var target : candidates) {
            switch (policy.decide(account, target, history, now)) {
                case DialDecision.Dial dial -> {
                    return Optional.of(target);
                }
                case DialDecision.Skip skip -> {
                    var at = skip.nextEligible();
                    if (at != null && (soonestAt == null || at.isBefore(soonestAt))) {
                        soonest = target;
                        soonestAt = at;
                    }
                }
            }
        }
        return Optional.ofNullable(soonest);
    }

    /** The contacts this stage may call now, in the lender's order, leaving out those called as often as allowed. */
    private static List<CallTarget> contactsAllowed(ContactPolicy policy, Account account, ContactHistory history,
            Instant now) {
        var limits = policy.rules().contacts();
        var access = DelinquencyStage.of(account.daysPastDue()).contacts();
        var permitted = switch (access) {
            case NEVER -> false;
            case WHEN_UNREACHED -> policy.debtorUnreached(account, history, now);
            case FOR_LOCATION -> true;
        };
        if (!permitted) {
            return List.of();
        }
        return account.contacts().stream()
                .filter(c -> history.callsTo(c.number()) < limits.maxCallsPerContact())
                .map(c -> (CallTarget) new CallTarget.ThirdParty(c))
                .toList();
    }

    private static long triedRecently(ContactHistory history, Phone phone, Instant now) {
        var since = now.minus(RECENT);
        return history.attempts().stream()
                .filter(a -> a.number().equals(phone.number()) && a.at().isAfter(since))
                .count();
    }
}
