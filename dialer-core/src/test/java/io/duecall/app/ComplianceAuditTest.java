package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.app.ComplianceAudit.Rule;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.window.FixedHolidays;
import io.duecall.domain.window.HolidayCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplianceAuditTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final E164 MOBILE = new E164("+12125550101");
    private static final E164 HOME = new E164("+12125550102");
    private final ContactRules rules = ContactRules.defaults();
    private int sequence;

    @Test
    void aSpacedOutWeekOfCallsBreaksNothing() {
        var ledger = List.of(
                call("2026-03-02T10:30", MOBILE, CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED),
                call("2026-03-02T14:30", MOBILE, CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED),
                call("2026-03-03T10:15", HOME, CallOutcome.ANSWERED, Disposition.NO_COMMITMENT),
                call("2026-03-11T12:00", MOBILE, CallOutcome.ANSWERED, Disposition.NO_COMMITMENT));

        assertEquals(Map.of(), broken(ledger, HolidayCalendar.none()));
    }

    @Test
    void findsACallOutsideTheDebtorsWindow() {
        var ledger = List.of(call("2026-03-02T08:30", MOBILE, CallOutcome.ANSWERED, Disposition.NO_COMMITMENT));

        assertEquals(Map.of(Rule.CALLING_WINDOW, 1), broken(ledger, HolidayCalendar.none()));
    }

    @Test
    void skipsAnOperatorsTestCall() {
        var test = call("2026-03-02T08:30", MOBILE, CallOutcome.ANSWERED, Disposition.NO_COMMITMENT).attempt().asTest();

        var found = ComplianceAudit.audit(List.of(test), rules, HolidayCalendar.none());

        assertTrue(found.values().stream().allMatch(List::isEmpty), found.toString());
    }

    @Test
    void findsACallOnAHoliday() {
        var ledger = List.of(call("2026-12-25T12:00", MOBILE, CallOutcome.ANSWERED, Disposition.NO_COMMITMENT));

        assertEquals(Map.of(Rule.HOLIDAY, 1), broken(ledger, FixedHolidays.of(LocalDate.of(2026, 12, 25))));
    }

    @Test
    void findsARetryOfAnUnreachedDebtorOutsidePeakHours() {
        var ledger = List.of(
                call("2026-03-02T10:30", MOBILE, CallOutcome.BUSY, Disposition.NOT_CONNECTED),
                call("2026-03-02T12:45", MOBILE, CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED));

        assertEquals(Map.of(Rule.PEAK_RETRY, 1), broken(ledger, HolidayCalendar.none()));
    }

    @Test
    void findsAnEighthConnectedCallInSevenDays() {
        var ledger = new ArrayList<Call>();
        for (int day = 0; day < 8; day++) {
            ledger.add(call("2026-03-02T10:30", MOBILE, CallOutcome.MACHINE, Disposition.MACHINE)
                    .withShift(Duration.ofHours(day * 20L)));
        }

        assertEquals(1, broken(ledger, HolidayCalendar.none()).getOrDefault(Rule.SEVEN_IN_SEVEN, 0));
    }

    @Test
    void countsEveryCallThatConnectedTowardsSevenInSevenAsTheRegulationDoes() {
        var ledger = new ArrayList<Call>();
        for (int i = 0; i < 8; i++) {
            ledger.add(call("2026-03-02T10:30", MOBILE, CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED)
                    .withShift(Duration.ofHours(i * 20L)));
        }
        ledger.add(call("2026-03-02T11:00", HOME, CallOutcome.BUSY, Disposition.NOT_CONNECTED)
                .withShift(Duration.ofHours(150)));

        assertEquals(1, broken(ledger, HolidayCalendar.none()).getOrDefault(Rule.SEVEN_IN_SEVEN, 0));
    }

    @Test
    void aDebtorWhoHeardTheAmountAndHungUpHadAConversation() {
        var heard = call("2026-03-02T10:30", MOBILE, CallOutcome.ANSWERED, Disposition.HUNG_UP).attempt();
        var ledger = List.of(new Attempt(heard.callId(), heard.campaign(), heard.account(), heard.number(), heard.zone(),
                        heard.debtorLocalTime(), heard.originatedAt(), heard.answeredAt(), null, heard.endedAt(),
                        heard.outcome(), heard.disposition(), null, false, null, null, null, null, false,
                        /* rightParty= */ true, io.duecall.domain.attempt.Disclosure.AMOUNT, List.of(NEW_YORK)),
                call("2026-03-06T10:30", MOBILE, CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED).attempt());

        var found = ComplianceAudit.audit(ledger, rules, HolidayCalendar.none());

        assertEquals(1, found.get(Rule.QUIET_AFTER_CONVERSATION).size());
    }

    @Test
    void judgesTheWindowInEveryZoneTheLineWasJudgedIn() {
        var inNewYork = call("2026-03-02T10:30", MOBILE, CallOutcome.ANSWERED, Disposition.THIRD_PARTY).attempt();
        var alsoLosAngeles = new Attempt(inNewYork.callId(), inNewYork.campaign(), inNewYork.account(),
                inNewYork.number(), NEW_YORK, inNewYork.debtorLocalTime(), inNewYork.originatedAt(),
                inNewYork.answeredAt(), null, inNewYork.endedAt(), inNewYork.outcome(), inNewYork.disposition(), null,
                false, null, null, null, null, false, false, io.duecall.domain.attempt.Disclosure.NOTHING,
                List.of(NEW_YORK, ZoneId.of("America/Los_Angeles")));

        var found = ComplianceAudit.audit(List.of(alsoLosAngeles), rules, HolidayCalendar.none());

        assertEquals(1, found.get(Rule.CALLING_WINDOW).size());
        assertEquals(0, ComplianceAudit.audit(List.of(inNewYork), rules, HolidayCalendar.none())
                .get(Rule.CALLING_WINDOW).size());
    }

    @Test
    void findsACallDuringTheQuietWeekAfterAConversation() {
        var ledger = List.of(
                call("2026-03-02T10:30", MOBILE, CallOutcome.ANSWERED, Disposition.PROMISE_TO_PAY),
                call("2026-03-06T10:30", MOBILE, CallOutcome.ANSWERED, Disposition.NO_COMMITMENT));

        assertEquals(Map.of(Rule.QUIET_AFTER_CONVERSATION, 1), broken(ledger, HolidayCalendar.none()));
    }

    @Test
    void findsAFourthConnectedCallInADayAndCallsTooClose() {
        var ledger = List.of(
                call("2026-03-02T10:00", MOBILE, CallOutcome.MACHINE, Disposition.MACHINE),
                call("2026-03-02T14:00", MOBILE, CallOutcome.MACHINE, Disposition.MACHINE),
                call("2026-03-02T16:00", HOME, CallOutcome.MACHINE, Disposition.MACHINE),
                call("2026-03-02T17:30", HOME, CallOutcome.MACHINE, Disposition.MACHINE));

        var found = broken(ledger, HolidayCalendar.none());

        assertEquals(1, found.get(Rule.ANSWERED_PER_DAY));
        assertEquals(1, found.get(Rule.MINIMUM_GAP));
    }

    @Test
    void findsASeventhUnansweredAttemptOnOneNumberInADay() {
        var ledger = new ArrayList<Call>();
        for (int i = 0; i < 7; i++) {
            ledger.add(call("2026-03-02T10:00", MOBILE, CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED)
                    .withShift(Duration.ofMinutes(10L * i)));
        }

        assertEquals(1, broken(ledger, HolidayCalendar.none()).get(Rule.UNANSWERED_PER_NUMBER_PER_DAY));
    }

    @Test
    void findsAnAbandonedNumberCalledWithin72HoursAndAnOptedOutNumberCalledAtAll() {
        var ledger = List.of(
                call("2026-03-02T10:30", MOBILE, CallOutcome.ANSWERED, Disposition.ABANDONED).abandonedCall(),
                call("2026-03-04T10:30", MOBILE, CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED),
                call("2026-03-05T10:30", HOME, CallOutcome.ANSWERED, Disposition.OPTED_OUT),
                call("2026-03-20T10:30", HOME, CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED));

        var found = broken(ledger, HolidayCalendar.none());

        assertEquals(1, found.get(Rule.ABANDON_LOCKOUT));
        assertEquals(1, found.get(Rule.OPTED_OUT));
    }

    @Test
    void findsAContactCalledTwiceAndALocationCallThatEndedInAConversation() {
        var contact = new E164("+12125550142");
        var ledger = List.of(
                asLocationCall(call("2026-03-02T10:30", contact, CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED)),
                asLocationCall(call("2026-03-03T10:30", contact, CallOutcome.ANSWERED, Disposition.THIRD_PARTY)),
                asLocationCall(call("2026-03-04T10:30", new E164("+12125550143"), CallOutcome.ANSWERED,
                        Disposition.NO_COMMITMENT)));

        var found = ComplianceAudit.audit(ledger, rules, HolidayCalendar.none());

        assertEquals(List.of("c-2"), found.get(Rule.CALLS_PER_CONTACT).stream().map(v -> v.callId()).toList());
        assertEquals(List.of("c-3"), found.get(Rule.LOCATION_CALL_DISCLOSED).stream().map(v -> v.callId()).toList());
    }

    private static Attempt asLocationCall(Call call) {
        var a = call.attempt();
        return new Attempt(a.callId(), a.campaign(), a.account(), a.number(), a.zone(), a.debtorLocalTime(),
                a.originatedAt(), a.answeredAt(), a.bridgedAt(), a.endedAt(), a.outcome(), a.disposition(), a.agent(),
                a.abandoned(), a.promiseAmount(), a.promiseDate(), a.flowVersion(), a.dialContext(),
                /* locationCall= */ true);
    }

    private Map<Rule, Integer> broken(List<Call> calls, HolidayCalendar holidays) {
        var ledger = calls.stream().map(Call::attempt).toList();
        var result = new java.util.EnumMap<Rule, Integer>(Rule.class);
        ComplianceAudit.audit(ledger, rules, holidays).forEach((rule, violations) -> {
            if (!violations.isEmpty()) {
                result.put(rule, violations.size());
            }
        });
        return result;
    }

    private Call call(String localTime, E164 number, CallOutcome outcome, Disposition disposition) {
        return new Call("c-" + (++sequence), LocalDateTime.parse(localTime), number, outcome, disposition, false);
    }

    /** A ledger line written in the debtor's local time, as a test reads best. */
    private record Call(String id, LocalDateTime local, E164 number, CallOutcome outcome, Disposition disposition,
            boolean abandoned) {
        Call withShift(Duration d) {
            return new Call(id, local.plus(d), number, outcome, disposition, abandoned);
        }

        Call abandonedCall() {
            return new Call(id, local, number, outcome, disposition, true);
        }

        Attempt attempt() {
            var at = local.atZone(NEW_YORK).toInstant();
            return new Attempt(id, new CampaignId("reminders"), new AccountId("a-1"), number, NEW_YORK, local, at,
                    outcome.answered() ? at.plusSeconds(8) : null, null, at.plusSeconds(40), outcome, disposition,
                    null, abandoned, null, null, null, null);
        }
    }
}
