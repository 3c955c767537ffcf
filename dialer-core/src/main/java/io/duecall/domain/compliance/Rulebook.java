package io.duecall.domain.compliance;

import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.HolidayCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns contact rules into the list of rule objects the policy checks, suppression first. */
final class Rulebook {
    private Rulebook() {}

    static List<ContactRule> base(ContactRules rules, HolidayCalendar holidays) {
        var limits = rules.limits();
        var list = new ArrayList<ContactRule>();
        list.add(new SuppressionRule());
        list.add(new ThirdPartyRule(rules.contacts(), limits));
        list.add(new LocalWindowRule("calling window", rules.window()));
        if (rules.honourHolidays()) {
            list.add(new HolidayRule(holidays));
        }
        list.add(new PeakRule(rules.peaks()));
        list.add(new RollingCapRule("7-day cap", limits.maxAttemptsPer7Days(), limits.countedOutcomes()));
        list.add(new CoolOffRule("quiet after conversation", SkipReason.RECENT_CONVERSATION,
                (c, a) -> limits.isConversation(a), a -> limits.quietAfterConversation()));
        list.add(new DailyCapRule("answered calls per day", limits.maxConnectedPerDay(),
                (c, a) -> a.outcome().answered()));
        list.add(new DailyCapRule("unanswered attempts per number per day", limits.maxUnansweredPerNumberPerDay(),
                (c, a) -> c.sameNumber(a) && !a.outcome().answered()));
        list.add(new CoolOffRule("minimum gap", SkipReason.RETRY_DELAY, (c, a) -> true, a -> limits.minimumGap()));
        list.add(new CoolOffRule("retry delay", SkipReason.RETRY_DELAY, DialContext::sameNumber,
                a -> limits.retryDelay(a.outcome())));
        list.add(new CoolOffRule("abandon lockout", SkipReason.ABANDON_LOCKOUT,
                (c, a) -> c.sameNumber(a) && a.abandoned(), a -> limits.abandonLockout()));
        return List.copyOf(list);
    }

    static List<ContactRule> overlay(String region, RegionOverlay overlay, Set<CallOutcome> counted) {
        var list = new ArrayList<ContactRule>();
        overlay.window().ifPresent(w -> list.add(new LocalWindowRule(region + " window", w)));
        overlay.maxAttemptsPer7Days().ifPresent(cap ->
                list.add(new RollingCapRule(region + " 7-day cap", cap, counted)));
        return list;
    }
}
