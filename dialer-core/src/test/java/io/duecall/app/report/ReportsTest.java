package io.duecall.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.adapter.redis.RedisAgentRoster;
import io.duecall.adapter.redis.RedisAgentTimeLog;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.adapter.redis.RedisTestSupport;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.app.AgentPool;
import io.duecall.app.AgentTimeKeeper;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.agent.AgentActivity;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseFigures;
import io.duecall.domain.promise.PromiseState;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.domain.promise.PromiseToPay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reports against figures worked out by hand from a small ledger in Redis: eight calls over two days and two
 * campaigns, three promises, one agent's day. Days are New York days, so a call at 03:30 UTC on the 4th is the 3rd's.
 */
class ReportsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final CampaignId EARLY = new CampaignId("early");
    private static final CampaignId LATE = new CampaignId("late");
    private static final LocalDate MON = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUE = LocalDate.of(2026, 3, 3);
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final AgentId AGENT = new AgentId("101");
    private static final AgentId IDLE = new AgentId("102");

    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-04T04:00:00Z"));
    private RedisAttemptLedger ledger;
    private RedisPromiseStore promises;
    private RedisAgentTimeLog time;
    private Reports reports;

    @BeforeEach
    void smallLedger() {
        ledger = new RedisAttemptLedger(redis.jedis(), redis.keys());
        promises = new RedisPromiseStore(redis.jedis(), redis.keys());
        time = new RedisAgentTimeLog(redis.jedis(), redis.keys());
        var pool = new AgentPool(List.of(new AgentSeat(AGENT, Set.of(EARLY)), new AgentSeat(IDLE, Set.of(EARLY))),
                Duration.ofSeconds(30), new RedisAgentRoster(redis.jedis(), redis.keys()), "",
                new AgentTimeKeeper(time, NEW_YORK));
        reports = new Reports(ledger, promises, pool.figures(), clock, NEW_YORK);
        var ny = "America/New_York";
        // Monday: one live answer, abandoned.
        ledger.append(line("c6", EARLY, "2026-03-02T15:00:00Z", ny, CallOutcome.ANSWERED, Disposition.ABANDONED, null, true, false));
        // Tuesday, campaign early: an agent call, a no-answer, a machine (all at 09:00-09:59 the debtor's time), an
        // abandon at 11:xx, and an IVR promise at 19:30 in Los Angeles, 22:30 in New York, 03:30 UTC on Wednesday.
        ledger.append(line("c1", EARLY, "2026-03-03T14:00:00Z", ny, CallOutcome.ANSWERED, Disposition.AGENT_CONVERSATION, "101", false, true));
        ledger.append(line("c2", EARLY, "2026-03-03T14:30:00Z", ny, CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED, null, false, false));
        ledger.append(line("c3", EARLY, "2026-03-03T15:00:00Z", "America/Chicago", CallOutcome.MACHINE, Disposition.MACHINE, null, false, false));
        ledger.append(line("c4", EARLY, "2026-03-03T16:00:00Z", ny, CallOutcome.ANSWERED, Disposition.ABANDONED, null, true, false));
        ledger.append(line("c5", EARLY, "2026-03-04T03:30:00Z", "America/Los_Angeles", CallOutcome.ANSWERED, Disposition.PROMISE_TO_PAY, null, false, true));
        // A test call is no debtor's: left out everywhere.
        ledger.append(line("c7", EARLY, "2026-03-03T15:30:00Z", ny, CallOutcome.ANSWERED, Disposition.ABANDONED, null, true, false).asTest());
        // Tuesday, campaign late: an agent call on which the agent took a promise.
        ledger.append(line("c8", LATE, "2026-03-03T17:00:00Z", ny, CallOutcome.ANSWERED, Disposition.AGENT_CONVERSATION, "101", false, true));

        promise("c9", EARLY, 1_000, USD, "2026-03-02T16:00:00Z", PromiseState.BROKEN, 0);
        promise("c5", EARLY, 5_000, USD, "2026-03-04T03:33:00Z", PromiseState.PARTLY_KEPT, 2_000);
        promise("c8", LATE, 2_000, EUR, "2026-03-03T17:03:00Z", PromiseState.KEPT, 2_000);

        time.add(AGENT, TUE, Map.of(AgentActivity.in(AgentState.READY), Duration.ofMinutes(60),
                AgentActivity.in(AgentState.ON_CALL), Duration.ofMinutes(30),
                AgentActivity.in(AgentState.WRAP_UP), Duration.ofMinutes(10),
                AgentActivity.paused("lunch"), Duration.ofMinutes(20)));
    }

    @Test
    void campaignDaysCountCallsAnswersContactsAbandonsAndPromises() {
        var rows = reports.campaigns(new ReportRange(MON, TUE));

        assertEquals(List.of(
                new CampaignDay(EARLY, MON, 1, 1, 1, 0, new CampaignDay.Abandons(1, 1, 1.0, 1, 1, 1.0),
                        List.of(figures(EARLY, MON, USD, 1_000, 0, 0, 1, 0))),
                new CampaignDay(EARLY, TUE, 5, 4, 3, 2, new CampaignDay.Abandons(3, 1, 1.0 / 3, 4, 2, 0.5),
                        List.of(figures(EARLY, TUE, USD, 5_000, 1, 0, 0, 2_000))),
                new CampaignDay(LATE, TUE, 1, 1, 1, 1, new CampaignDay.Abandons(1, 0, 0, 1, 0, 0),
                        List.of(figures(LATE, TUE, EUR, 2_000, 0, 1, 0, 2_000)))), rows);
    }

    @Test
    void todaysAbandonsCountTheThirtyDaysEndingToday() {
        // The clock reads 23:00 on Tuesday in New York.
        var today = reports.abandonsToday();

        assertEquals(Map.of(EARLY, new CampaignDay.Abandons(3, 1, 1.0 / 3, 4, 2, 0.5),
                LATE, new CampaignDay.Abandons(1, 0, 0, 1, 0, 0)), today);
    }

    @Test
    void aDayWithoutCallsHasNoAbandonsTodayButKeepsTheThirtyDays() {
        clock.advance(Duration.ofDays(1));

        var today = reports.abandonsToday();

        assertEquals(new CampaignDay.Abandons(0, 0, 0, 4, 2, 0.5), today.get(EARLY));
    }

    @Test
    void contactHoursCountEachCallInTheDebtorsLocalWeekdayAndHour() {
        var hours = reports.contactHours(EARLY, ReportRange.day(TUE));

        assertEquals(168, hours.cells().size());
        var busy = hours.cells().stream().filter(c -> c.dials() > 0).toList();
        assertEquals(List.of(new ContactHours.Cell(2, 9, 3, 1, 1), new ContactHours.Cell(2, 11, 1, 1, 0),
                new ContactHours.Cell(2, 19, 1, 1, 1)), busy);
        assertEquals(3, hours.peaks().size());
    }

    @Test
    void everyCampaignsContactHoursWithoutACampaign() {
        var hours = reports.contactHours(null, ReportRange.day(TUE));

        assertEquals(new ContactHours.Cell(2, 12, 1, 1, 1), hours.cells().get(24 + 12));
    }

    @Test
    void agentsDayAddsCallsTimePromisesOccupancyAndCallsPerHour() {
        var rows = reports.agents(TUE);

        assertEquals(List.of(
                new AgentDay(AGENT, TUE, 2, Duration.ofMinutes(60), Duration.ZERO, Duration.ofMinutes(30),
                        Duration.ofMinutes(10), Map.of("lunch", Duration.ofMinutes(20)), 1, 0.4, 1.0),
                new AgentDay(IDLE, TUE, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Map.of(), 0, 0,
                        0)), rows);
    }

    @Test
    void aRangeBackwardsOrTooLongIsRefusedNamingTheParameter() {
        var backwards = assertThrows(IllegalArgumentException.class, () -> new ReportRange(TUE, MON));
        var tooLong = assertThrows(IllegalArgumentException.class, () -> new ReportRange(MON, MON.plusDays(31)));

        assertEquals("to: 2026-03-02 (expected on or after from 2026-03-03)", backwards.getMessage());
        assertEquals("to: 2026-04-02 (expected at most 31 days from 2026-03-02, through 2026-04-01)",
                tooLong.getMessage());
    }

    private static PromiseFigures figures(CampaignId campaign, LocalDate day, Currency currency, long amount,
            int partlyKept, int kept, int broken, long paid) {
        return new PromiseFigures(campaign, day, currency, 1, new Money(amount, currency), 0, partlyKept, kept, broken,
                0, new Money(paid, currency));
    }

    private void promise(String callId, CampaignId campaign, long amount, Currency currency, String at,
            PromiseState state, long paid) {
        var promise = new PromiseToPay(callId, new AccountId("A-" + callId), campaign, new Money(amount, currency),
                TUE.plusDays(7), Instant.parse(at));
        promises.record(promise);
        var open = PromiseStatus.open(promise);
        promises.update(open, new PromiseStatus(promise, state, new Money(paid, currency), Instant.parse(at).plusSeconds(60)));
    }

    /** A call originated at {@code at}, answered 10 s later if it was, bridged 1 s after that if an agent took it. */
    private static Attempt line(String callId, CampaignId campaign, String at, String zone, CallOutcome outcome,
            Disposition disposition, String agent, boolean abandoned, boolean rightParty) {
        var start = Instant.parse(at);
        var answered = outcome.answered() ? start.plusSeconds(10) : null;
        var bridged = agent == null ? null : start.plusSeconds(11);
        var local = LocalDateTime.ofInstant(start, ZoneId.of(zone));
        return new Attempt(callId, campaign, new AccountId("A-" + callId), new E164("+12125550100"), ZoneId.of(zone),
                local, start, answered, bridged, start.plusSeconds(200), outcome, disposition, agent, abandoned, null,
                null, null, null, false, rightParty, rightParty ? Disclosure.AMOUNT : Disclosure.NOTHING, List.of());
    }
}
