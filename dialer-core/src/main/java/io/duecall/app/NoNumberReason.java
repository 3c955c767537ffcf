package io.duecall.app;

import io.duecall.domain.account.Account;
import io.duecall.domain.compliance.ContactHistory;
import io.duecall.domain.compliance.ContactPolicy;
import io.duecall.domain.compliance.RuleVerdict;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.DebtorZones;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The skip of an account none of whose numbers may ever be called, saying for each number which rules stop it. */
final class NoNumberReason {
    private NoNumberReason() {}

    /**
     * Why no number of the account may be called, naming for each number the rules that never permit it (or, when
     * each permits on its own, that they never agree within the horizon). The reason is that of the first number: a
     * flag or a do-not-call listing when that is what stops it, else the first rule that never permits; an opt-out
     * when nothing else is named.
     */
    static DialDecision.Skip skip(ContactPolicy policy, Account account, ContactHistory history,
            Instant now) {
        var detail = new StringBuilder("no number of the account may be called: ");
        SkipReason reason = null;
        for (var phone : account.phones()) {
            var explanation = policy.explain(account, phone, history, DebtorZones.of(account, phone.number()), now);
            var never = explanation.blocking().stream().filter(v -> v.nextPermitted() == null).toList();
            if (explanation.decision() instanceof DialDecision.Skip skip && skip.reason() == SkipReason.NO_ZONE) {
                never = List.of(new RuleVerdict("time zone", false, SkipReason.NO_ZONE,
                        null, skip.detail()));
            }
            detail.append(phone.number()).append(" (").append(phone.type()).append("): ");
            if (never.isEmpty()) {
                detail.append("the rules never all permit it within ").append(ContactPolicy.HORIZON.toDays())
                        .append(" days (").append(explanation.blocking().stream().map(v -> v.rule())
                                .collect(Collectors.joining(", "))).append(")");
            } else {
                detail.append(never.stream().map(v -> v.rule() + " never (" + v.detail() + ")")
                        .collect(Collectors.joining("; ")));
                if (reason == null) {
                    reason = never.getFirst().reason();
                }
            }
            detail.append("; ");
        }
        detail.setLength(detail.length() - 2);
        return new DialDecision.Skip(reason == null ? SkipReason.OPTED_OUT : reason, null, detail.toString());
    }
}
