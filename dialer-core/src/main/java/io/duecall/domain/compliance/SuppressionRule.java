package io.duecall.domain.compliance;

import io.duecall.domain.account.AccountFlag;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.dial.SkipReason;
import java.time.Instant;
import java.util.Optional;

/** Numbers and accounts that are never dialed: flagged accounts, do-not-call and opted-out numbers, work numbers on request. */
final class SuppressionRule implements ContactRule {

    @Override
    public String name() {
        return "suppression";
    }

    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        var suppression = context.history().suppression();
        var number = context.target().number();
        var stopping = suppression.flags().stream().filter(AccountFlag::stopsAllCalls).sorted().toList();
        if (!stopping.isEmpty()) {
            return never(SkipReason.ACCOUNT_FLAGGED, "account flagged " + stopping);
        }
        if (suppression.doNotCall().contains(number)) {
            return never(SkipReason.DO_NOT_CALL, number + " is on a do-not-call list");
        }
        if (context.history().optedOut(number)) {
            return never(SkipReason.OPTED_OUT, "the debtor opted out of calls to " + number);
        }
        if (context.target() instanceof CallTarget.Own own && own.phone().type() == PhoneType.WORK
                && suppression.flags().contains(AccountFlag.DO_NOT_CALL_AT_WORK)) {
            return never(SkipReason.WORK_NUMBER_SUPPRESSED, "the debtor asked not to be called at work");
        }
        return Optional.empty();
    }

    private static Optional<Block> never(SkipReason reason, String detail) {
        return Optional.of(new Block(reason, null, detail));
    }
}
