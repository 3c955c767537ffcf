package io.duecall.domain.compliance;

import io.duecall.domain.dial.SkipReason;
import java.time.Instant;
import java.util.Optional;

/**
 * A third-party contact is dialed only when the account's stage allows it (never early; in the middle stage only
 * while the debtor cannot be reached) and only until the contact's calls reach the limit. Own numbers pass.
 */
record ThirdPartyRule(ContactLimits limits, AttemptLimits attempts) implements ContactRule {
    @Override
    public String name() {
        return "third-party contacts";
    }

    @Override
    public Optional<Block> check(DialContext context, Instant t) {
        if (!(context.target() instanceof CallTarget.ThirdParty thirdParty)) {
            return Optional.empty();
        }
        var account = context.account();
        var stage = DelinquencyStage.of(account.daysPastDue());
        var calls = context.history().callsTo(thirdParty.number());
        if (calls >= limits.maxCallsPerContact()) {
            return never(thirdParty.number() + " was called " + calls + " time(s) (limit " + limits.maxCallsPerContact() + ")");
        }
        return switch (stage.contacts()) {
            case NEVER -> never("a " + stage + " account's contacts are never called");
            case WHEN_UNREACHED -> Reachability.unreached(account, context.history(), limits, attempts::isConversation, t)
                    ? Optional.empty() : never("the debtor has not been shown unreachable (" + limits.unreachedAttempts()
                    + " missed attempts over " + limits.unreachedDays() + " days)");
            case FOR_LOCATION -> Optional.empty();
        };
    }

    /** No instant can be named: only new attempts on the debtor's own numbers change the answer. */
    private static Optional<Block> never(String detail) {
        return Optional.of(new Block(SkipReason.CONTACT_NOT_PERMITTED, null, detail));
    }
}
