package io.duecall.app;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.window.PeakWindow;
import io.duecall.port.HolidayCalendar;
import java.time.Duration;
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
 * the calls, so a bug there cannot hide here. Each line is judged in the zone and local time it records. What a
 * third party heard is not in the ledger: only a location call that ended in a disposition needing disclosure shows.
 */
public final class ComplianceAudit {
    /** The rules an audit can find broken. */
    public enum Rule {
        CALLING_WINDOW, HOLIDAY, PEAK_RETRY, SEVEN_IN_SEVEN, QUIET_AFTER_CONVERSATION, CONNECTED_PER_DAY,
        UNANSWERED_PER_NUMBER_PER_DAY, MINIMUM_GAP, ABANDON_LOCKOUT, OPTED_OUT,
        /** A third-party contact was called more often than {@code rules.contacts.maxCallsPerContact}. */
        CALLS_PER_CONTACT,
        /** A location call ended as a promise, a conversation or an opt-out: the third party heard about the debt. */
        LOCATION_CALL_DISCLOSED
    }

    /** Dispositions that only follow hearing the debt, or talking with someone who could tell it. */
    private static final Set<Disposition> DISCLOSING = EnumSet.of(Disposition.PROMISE_TO_PAY,
            Disposition.NO_COMMITMENT, Disposition.AGENT_CONVERSATION, Disposition.OPTED_OUT);

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
            byAccount.computeIfAbsent(attempt.account().value(), k -> new ArrayList<>()).add(attempt);
        }
        for (var attempts : byAccount.values()) {
            attempts.sort(Comparator.comparing(Attempt::originatedAt));
            auditAccount(attempts, rules, holidays, found);
            auditLocationCalls(attempts, rules.contacts().maxCallsPerContact(), found);
        }
        return found;
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
            if (DISCLOSING.contains(a.disposition()) || a.promiseAmount() != null) {
                add(found, Rule.LOCATION_CALL_DISCLOSED, a, "location call ended " + a.disposition());
            }
        }
    }

    private static void auditAccount(List<Attempt> attempts, ContactRules rules, HolidayCalendar holidays,
            Map<Rule, List<Violation>> found) {
        var limits = rules.limits();
        for (int i = 0; i < attempts.size(); i++) {
            var a = attempts.get(i);
            var local = a.debtorLocalTime().atZone(a.zone());
            if (!rules.window().permits(local)) {
                add(found, Rule.CALLING_WINDOW, a, "placed at " + local.toLocalDateTime() + " " + a.zone());
            }
            if (rules.honourHolidays() && holidays.isHoliday(local.toLocalDate(), a.zone())) {
                add(found, Rule.HOLIDAY, a, local.toLocalDate() + " is a holiday");
            }
            int counted = 0;
            int connectedToday = 0;
            int unansweredTodayOnNumber = 0;
            for (int j = 0; j < i; j++) {
                var earlier = attempts.get(j);
                var since = Duration.between(earlier.originatedAt(), a.originatedAt());
                if (since.compareTo(Duration.ofDays(7)) < 0 && limits.countedOutcomes().contains(earlier.outcome())) {
                    counted++;
                }
                if (limits.conversations().contains(earlier.disposition())
                        && since.compareTo(limits.quietAfterConversation()) < 0) {
                    add(found, Rule.QUIET_AFTER_CONVERSATION, a, "conversation on " + earlier.callId() + " " + since + " before");
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
                    if (earlier.outcome().connected()) {
                        connectedToday++;
                    } else if (sameNumber) {
                        unansweredTodayOnNumber++;
                    }
                }
            }
            if (counted + 1 > limits.maxAttemptsPer7Days() && limits.countedOutcomes().contains(a.outcome())) {
                add(found, Rule.SEVEN_IN_SEVEN, a, (counted + 1) + " counted attempts in 7 days");
            }
            if (a.outcome().connected() && connectedToday + 1 > limits.maxConnectedPerDay()) {
                add(found, Rule.CONNECTED_PER_DAY, a, (connectedToday + 1) + " connected calls on " + local.toLocalDate());
            }
            if (!a.outcome().connected() && unansweredTodayOnNumber + 1 > limits.maxUnansweredPerNumberPerDay()) {
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
            if (needsPeak && !inPeak(rules, local)) {
                add(found, Rule.PEAK_RETRY, a, "placed at " + local.toLocalTime() + " outside peak hours");
            }
        }
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
