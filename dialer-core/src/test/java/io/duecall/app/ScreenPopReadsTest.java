package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryDispositionLog;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemoryScreenPops;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.agent.AgentDisposition;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.domain.promise.PromiseStatus;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.port.AttemptLedger;
import io.duecall.port.CallEvent;
import io.duecall.port.PromiseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The screen pop and the disposition read only the account's own history and promises: the ledger and the promise
 * store here refuse every whole-store read, and hold thousands of other accounts' lines.
 */
class ScreenPopReadsTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId DESK = new CampaignId("desk");
    private static final Currency USD = Currency.getInstance("USD");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final NoScanLedger ledger = new NoScanLedger();
    private final NoScanPromises promises = new NoScanPromises();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final AgentId agent = new AgentId("101");
    private final AgentPool agents = new AgentPool(List.of(new AgentSeat(agent, Set.of(DESK))), Duration.ofSeconds(20), new InMemoryAgentRoster(), "");
    private final InMemorySuppressionStore suppression = new InMemorySuppressionStore();
    private final DialerEngine engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
            .promises(promises).suppression(suppression).telephony(pbx).agents(agents).campaigns(List.of(campaign()))
            .maxOriginatesPerTick(50).build();
    private final AgentDesk desk = new AgentDesk(clock, engine.sessions(), promises, ledger, accounts, suppression,
            new InMemoryDispositionLog(), engine.eligibility(), new InMemoryScreenPops());

    ScreenPopReadsTest() {
        engine.onAgentCall(desk);
        engine.agentRequestsFrom(desk::requested);
    }

    @Test
    void popShowsTheAccountsLatestTenAttemptsAndPromisesWithoutReadingAnyWholeStore() {
        for (int i = 0; i < 5_000; i++) {
            ledger.append(attempt("c-other-" + i, "other-" + (i % 700), NOON_NEW_YORK.minus(Duration.ofDays(60))));
            if (i % 5 == 0) {
                promises.record(promise("c-other-" + i, "other-" + (i % 700), NOON_NEW_YORK.minus(Duration.ofDays(60))));
            }
        }
        for (int i = 0; i < 14; i++) {
            var at = NOON_NEW_YORK.minus(Duration.ofDays(40 - i));
            ledger.append(attempt("c-own-" + i, "a-1", at));
            promises.record(promise("c-own-" + i, "a-1", at));
        }

        var callId = bridgedCall();

        var pop = desk.current(agent).orElseThrow();
        assertEquals(10, pop.attempts().size());
        assertEquals(NOON_NEW_YORK.minus(Duration.ofDays(27)), pop.attempts().getLast().at());
        assertEquals(NOON_NEW_YORK.minus(Duration.ofDays(36)), pop.attempts().getFirst().at());
        assertEquals(List.of("c-own-4", "c-own-5", "c-own-6", "c-own-7", "c-own-8", "c-own-9", "c-own-10", "c-own-11",
                "c-own-12", "c-own-13"), pop.promises().stream().map(PromiseToPay::callId).toList());
        desk.dispose(agent, callId, new AgentDisposition(AgentDisposition.Outcome.REFUSED, null, null, null));
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));
        assertEquals(5_015, ledger.size());
    }

    private String bridgedCall() {
        accounts.importAccounts(DESK, List.of(account()), NOON_NEW_YORK);
        agents.ready(agent, NOON_NEW_YORK);
        engine.tick(DESK);
        var callId = pbx.originated.getLast().callId();
        clock.advance(Duration.ofSeconds(8));
        pbx.emit(new CallEvent.Answered(callId, clock.instant(), "Local/x@debtors-00000001;1"));
        engine.sessions().requestAgent(callId);
        pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));
        return callId;
    }

    /** A ledger that fails the test on any read of every line. */
    private static final class NoScanLedger implements AttemptLedger {
        private final InMemoryAttemptLedger stored = new InMemoryAttemptLedger();

        @Override
        public void append(Attempt attempt) {
            stored.append(attempt);
        }

        @Override
        public void placed(Attempt ifInterrupted) {
            stored.placed(ifInterrupted);
        }

        @Override
        public void notPlaced(AccountId account, String callId) {
            stored.notPlaced(account, callId);
        }

        @Override
        public List<Attempt> unwritten(AccountId account) {
            return stored.unwritten(account);
        }

        @Override
        public List<PastAttempt> history(AccountId account, Instant since) {
            return stored.history(account, since);
        }

        @Override
        public List<PastAttempt> latest(AccountId account, int max) {
            return stored.latest(account, max);
        }

        @Override
        public Map<E164, Integer> locationCalls(AccountId account) {
            return stored.locationCalls(account);
        }

        @Override
        public List<Attempt> endedSince(Instant since) {
            return stored.endedSince(since);
        }

        @Override
        public List<Attempt> readAll() {
            throw new AssertionError("the whole ledger was read");
        }

        @Override
        public long size() {
            return stored.size();
        }
    }

    /** A promise store that fails the test on any read of every promise. */
    private static final class NoScanPromises implements PromiseStore {
        private final InMemoryPromiseStore stored = new InMemoryPromiseStore();

        @Override
        public PromiseToPay record(PromiseToPay promise) {
            return stored.record(promise);
        }

        @Override
        public Optional<PromiseToPay> forCall(String callId) {
            return stored.forCall(callId);
        }

        @Override
        public List<PromiseToPay> all() {
            throw new AssertionError("every promise was read");
        }

        @Override
        public Optional<PromiseStatus> status(String callId) {
            return stored.status(callId);
        }

        @Override
        public List<PromiseStatus> statuses() {
            throw new AssertionError("every promise status was read");
        }

        @Override
        public List<PromiseToPay> latestOf(AccountId account, int max) {
            return stored.latestOf(account, max);
        }

        @Override
        public List<PromiseStatus> unsettled(AccountId account) {
            return stored.unsettled(account);
        }

        @Override
        public List<PromiseStatus> unsettledDueBy(LocalDate lastPayBy) {
            throw new AssertionError("every unsettled promise was read");
        }

        @Override
        public boolean update(PromiseStatus expected, PromiseStatus next) {
            return stored.update(expected, next);
        }
    }

    private static Attempt attempt(String callId, String account, Instant at) {
        return new Attempt(callId, DESK, new AccountId(account), new E164("+12125550100"), NEW_YORK,
                LocalDateTime.ofInstant(at, NEW_YORK), at, at.plusSeconds(10), null, at.plusSeconds(70),
                CallOutcome.ANSWERED, Disposition.NO_COMMITMENT, null, false, null, null, null, null);
    }

    private static PromiseToPay promise(String callId, String account, Instant at) {
        return new PromiseToPay(callId, new AccountId(account), DESK, new Money(1_000, USD),
                LocalDate.ofInstant(at, NEW_YORK).plusDays(2), at);
    }

    private static Campaign campaign() {
        return new Campaign(DESK, "desk", CampaignMode.AGENT, CallingWindow.defaults(), "Acme Lending", "18005550100",
                10, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }

    private static Account account() {
        return new Account(new AccountId("a-1"), "Dana Example",
                List.of(new Phone(new E164("+12125550100"), PhoneType.MOBILE)), Optional.of(NEW_YORK),
                new Money(12_550, USD), LocalDate.of(2026, 2, 20), 41);
    }
}
