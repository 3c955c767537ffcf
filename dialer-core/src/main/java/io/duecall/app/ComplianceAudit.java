package io.duecall.app;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.compliance.Jurisdiction;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.domain.window.PeakWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a ledger against the contact rules from the ledger alone: it shares no code with the policy that placed
 * the calls, so a bug there cannot hide here. It checks the rules as the regulations word them, not as DueCall
 * counts: 7-in-7 counts every line whose {@code connected} verdict is true (Regulation F 1006.14(b)(3); a campaign
 * under {@code jurisdiction: OUTSIDE_US} is held to its own {@code counts}), a conversation is any line with the
 * right party verified or the debt disclosed (or a disposition the campaign calls one), and the calling window,
 * holidays and peaks hold in every zone of the line's {@code time_zones}. What a third party heard is not in the
 * ledger: only a location call that ended in a disposition needing disclosure, or disclosed the amount, shows.
 */
public final class ComplianceAudit {
    /** The rules an audit can find broken. */
    public enum Rule {
        CALLING_WINDOW, HOLIDAY, PEAK_RETRY, SEVEN_IN_SEVEN, QUIET_AFTER_CONVERSATION, ANSWERED_PER_DAY,
        UNANSWERED_PER_NUMBER_PER_DAY, MINIMUM_GAP, ABANDON_LOCKOUT, OPTED_OUT,
        /** A third-party contact was called more often than {@code rules.contacts.maxCallsPerContact}. */
        CALLS_PER_CONTACT,
        /** A location call ended as a promise, a conversation or an opt-out: the third party heard about the debt. */
        LOCATION_CALL_DISCLOSED
    }

    /** Dispositions that only follow hearing the debt, or talking with someone who could tell it. */
    private static final Set<Disposition> DISCLOSING = EnumSet.of(Disposition.PROMISE_TO_PAY,
            Disposition.NO_COMMITMENT, Disposition.AGENT_CONVERSATION, Disposition.OPTED_OUT);
    private static final Duration WEEK = Duration.ofDays(7);

    /** One broken rule, with the call that broke it. */
    public record Violation(Rule rule, String callId, String detail) {}

    private ComplianceAudit() {}

    public static Map<Rule, List<Violation>> audit(List<Attempt> ledger, ContactRules rules, HolidayCalendar holidays) {
        var found = new EnumMap<Rule, List<Violation>>(Rule.class);
        for (var rule : Rule.values()) {
            found.put(rule, new ArrayList<>());
        }
        var byAccount = new HashMap<String, List<Attempt>>();
        for (var attempt : ledger) {
            if (attempt.test()) {
                // An operator's test call (--ignore-window may place it outside the window) is no debtor's call.
                continue;
            }
            byAccount.computeIfAbsent(attempt.account().value(), k -> new ArrayList<>()).add(attempt);
        }
        for (var attempts : byAccount.values()) {
            attempts.sort(Comparator.comparing(Attempt::originatedAt));
            auditAccount(attempts, rules, holidays, found);
            auditLocationCalls(attempts, rules.contacts().maxCallsPerContact(), found);
        }
        return found;
    }

    /** Whether a line counts toward 7-in-7: it connected, or under a non-US campaign, its outcome is counted. */
    private static boolean counts(Attempt a, ContactRules rules) {
        var limits = rules.limits();
        return limits.jurisdiction() == Jurisdiction.US ? a.connected() : limits.countedOutcomes().contains(a.outcome());
    }

    /** Whether a line was a conversation: the right party verified, the debt disclosed, or the campaign says so. */
    private static boolean conversation(Attempt a, ContactRules rules) {
        return a.rightParty() || a.disclosed() == Disclosure.AMOUNT
                || rules.limits().isConversation(PastAttempt.of(a));
    }

    private static void auditLocationCalls(List<Attempt> attempts, int maxPerContact, Map<Rule, List<Violation>> found) {
        var callsByNumber = new HashMap<String, Integer>();
        for (var a : attempts) {
            if (!a.locationCall()) {
                continue;
            }
            int calls = callsByNumber.merge(a.number().value(), 1, Integer::sum);
            if (calls > maxPerContact) {
                add(found, Rule.CALLS_PER_CONTACT, a, calls + " calls to contact " + a.number() + " (limit " + maxPerContact + ")");
            }
            if (DISCLOSING.contains(a.disposition()) || a.promiseAmount() != null || a.disclosed() == Disclosure.AMOUNT) {
                add(found, Rule.LOCATION_CALL_DISCLOSED, a, "location call ended " + a.disposition() + ", disclosed "
                        + a.disclosed());
            }
        }
    }

    private static void auditAccount(List<Attempt> attempts, ContactRules rules, HolidayCalendar holidays,
            Map<Rule, List<Violation>> found) {
        var limits = rules.limits();
        for (int i = 0; i < attempts.size(); i++) {
            var a = attempts.get(i);
            for (var zone : a.timeZones()) {
                var local = a.originatedAt().atZone(zone);
                if (!rules.window().permits(local)) {
                    add(found, Rule.CALLING_WINDOW, a, "placed at " + local.toLocalDateTime() + " " + zone);
                }
                if (rules.honourHolidays() && holidays.isHoliday(local.toLocalDate(), zone)) {
                    add(found, Rule.HOLIDAY, a, local.toLocalDate() + " is a holiday in " + zone);
                }
            }
            var local = a.debtorLocalTime().atZone(a.zone());
            int counted = 0;
            int answeredToday = 0;
            int unansweredTodayOnNumber = 0;
            for (int j = 0; j < i; j++) {
                var earlier = attempts.get(j);
                var since = Duration.between(earlier.originatedAt(), a.originatedAt());
                if (since.compareTo(WEEK) < 0 && counts(earlier, rules)) {
                    counted++;
                }
                if (conversation(earlier, rules) && since.compareTo(limits.quietAfterConversation()) < 0) {
                    add(found, Rule.QUIET_AFTER_CONVERSATION, a, "conversation on " + earlier.callId() + " (rpc "
                            + earlier.rightParty() + ", disclosed " + earlier.disclosed() + ") " + since + " before");
                }
                boolean sameNumber = earlier.number().equals(a.number());
                if (sameNumber && earlier.abandoned() && since.compareTo(limits.abandonLockout()) < 0) {
                    add(found, Rule.ABANDON_LOCKOUT, a, "abandoned " + earlier.callId() + " " + since + " before");
                }
                if (sameNumber && earlier.disposition() == Disposition.OPTED_OUT) {
                    add(found, Rule.OPTED_OUT, a, "number opted out on " + earlier.callId());
                }
                var earlierDay = earlier.originatedAt().atZone(a.zone()).toLocalDate();
                if (earlierDay.equals(local.toLocalDate())) {
                    if (earlier.outcome().answered()) {
                        answeredToday++;
                    } else if (sameNumber) {
                        unansweredTodayOnNumber++;
                    }
                }
            }
            if (counted + 1 > limits.maxAttemptsPer7Days() && counts(a, rules)) {
                add(found, Rule.SEVEN_IN_SEVEN, a, (counted + 1) + " connected calls in 7 days");
            }
            if (a.outcome().answered() && answeredToday + 1 > limits.maxConnectedPerDay()) {
                add(found, Rule.ANSWERED_PER_DAY, a, (answeredToday + 1) + " answered calls on " + local.toLocalDate());
            }
            if (!a.outcome().answered() && unansweredTodayOnNumber + 1 > limits.maxUnansweredPerNumberPerDay()) {
                add(found, Rule.UNANSWERED_PER_NUMBER_PER_DAY, a, (unansweredTodayOnNumber + 1) + " unanswered on one number");
            }
            var previous = i > 0 ? attempts.get(i - 1) : null;
            if (previous != null) {
                var gap = Duration.between(previous.originatedAt(), a.originatedAt());
                if (gap.compareTo(limits.minimumGap()) < 0) {
                    add(found, Rule.MINIMUM_GAP, a, "only " + gap + " after " + previous.callId());
                }
            }
            var retryOfUnreached = previous != null && previous.outcome() != CallOutcome.ANSWERED;
            var needsPeak = rules.peaks().peakOnly() || (rules.peaks().peakRetriesOnly() && retryOfUnreached);
            if (needsPeak && !inPeakEverywhere(rules, a) && commonPeakNear(rules, a)) {
                add(found, Rule.PEAK_RETRY, a, "placed at " + local.toLocalTime() + " " + a.zone()
                        + " outside peak hours in one of " + a.timeZones());
            }
        }
    }

    private static boolean inPeakEverywhere(ContactRules rules, Attempt a) {
        for (var zone : a.timeZones()) {
            if (!inPeak(rules, a.originatedAt().atZone(zone))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the peaks of all the line's zones overlap in the two days from the call. When they do not, DueCall's
     * rule is that retries go in the calling windows' intersection instead, so no peak is owed.
     */
    private static boolean commonPeakNear(ContactRules rules, Attempt a) {
        List<Instant[]> common = null;
        for (var zone : a.timeZones()) {
            var day = a.originatedAt().atZone(zone).toLocalDate();
            var spans = new ArrayList<Instant[]>();
            for (var d = day.minusDays(2); !d.isAfter(day.plusDays(2)); d = d.plusDays(1)) {
                for (var peak : rules.peaks().windows()) {
                    spans.add(new Instant[] {d.atTime(peak.starts()).atZone(zone).toInstant(),
                            d.atTime(peak.ends()).atZone(zone).toInstant()});
                }
            }
            common = common == null ? spans : intersect(common, spans);
            if (common.isEmpty()) {
                return false;
            }
        }
        var from = a.originatedAt();
        var to = from.plus(Duration.ofDays(2));
        return common != null && common.stream().anyMatch(span -> span[1].isAfter(from) && !span[0].isAfter(to));
    }

    private static List<Instant[]> intersect(List<Instant[]> a, List<Instant[]> b) {
        var out = new ArrayList<Instant[]>();
        for (var x : a) {
            for (var y : b) {
                var from = x[0].isAfter(y[0]) ? x[0] : y[0];
                var to = x[1].isBefore(y[1]) ? x[1] : y[1];
                if (from.isBefore(to)) {
                    out.add(new Instant[] {from, to});
                }
            }
        }
        return out;
    }

    private static boolean inPeak(ContactRules rules, ZonedDateTime local) {
        for (PeakWindow peak : rules.peaks().windows()) {
            if (peak.contains(local.toLocalTime())) {
                return true;
            }
        }
        return false;
    }

    private static void add(Map<Rule, List<Violation>> found, Rule rule, Attempt a, String detail) {
        found.get(rule).add(new Violation(rule, a.callId(), detail));
    }
}
