package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryDispositionLog;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemoryScreenPops;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountFlag;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.agent.AgentDisposition.Outcome;
import io.duecall.domain.agent.AgentDisposition;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.ScreenPop;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.port.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentDeskTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId DESK = new CampaignId("desk");
    private static final CampaignId REMINDERS = new CampaignId("reminders");
    private static final Currency USD = Currency.getInstance("USD");

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final InMemoryPromiseStore promises = new InMemoryPromiseStore();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final AgentId agent101 = new AgentId("101");
    private final AgentId agent102 = new AgentId("102");
    private final AgentPool agents = new AgentPool(List.of(new AgentSeat(agent101, Set.of(DESK)),
            new AgentSeat(agent102, Set.of(DESK))), Duration.ofSeconds(20), new InMemoryAgentRoster(), "");
    private final InMemorySuppressionStore suppression = new InMemorySuppressionStore();
    private final InMemoryDispositionLog log = new InMemoryDispositionLog();
    private final DialerEngine engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
            .promises(promises).suppression(suppression).telephony(pbx).agents(agents)
            .campaigns(List.of(campaign(DESK, CampaignMode.AGENT), campaign(REMINDERS, CampaignMode.IVR_REMINDER)))
            .maxOriginatesPerTick(50).build();
    private final AgentDesk desk = new AgentDesk(clock, engine.sessions(), promises, ledger, accounts, suppression, log,
            engine.eligibility(), new InMemoryScreenPops());

    AgentDeskTest() {
        engine.onAgentCall(desk);
    }

    @Test
    void bridgedCallPopsTheAccountOnTheAgentsDesk() {
        var popped = new ArrayList<ScreenPop>();
        desk.onScreenPop(popped::add);

        var callId = bridgedCall();

        var pop = desk.current(agent101).orElseThrow();
        assertEquals(callId, pop.callId());
        assertEquals(new AccountId("a-1"), pop.account().id());
        assertEquals(List.of("answered", "sent to an agent at once"), pop.ivrPath());
        assertEquals(List.of(pop), popped);
        assertEquals(Optional.empty(), desk.current(agent102));
    }

    @Test
    void promiseDuringTheCallIsWrittenOnItsLedgerLine() {
        var callId = bridgedCall();

        var record = desk.dispose(agent101, callId, promise(5_000, LocalDate.of(2026, 3, 5)));
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        assertTrue(record.onLedgerLine());
        var line = ledger.readAll().getFirst();
        assertEquals(Disposition.PROMISE_TO_PAY, line.disposition());
        assertEquals(new Money(5_000, USD), line.promiseAmount());
        assertEquals(1, engine.figures(DESK).promises());
        assertEquals(Optional.empty(), desk.current(agent101));
    }

    @Test
    void promiseAfterTheCallEndedIsStoredAndCountedApart() {
        var callId = bridgedCall();
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        var record = desk.dispose(agent101, callId, promise(5_000, LocalDate.of(2026, 3, 4)));

        assertFalse(record.onLedgerLine());
        assertEquals(1, promises.all().size());
        assertEquals(1, desk.promisesAfterCall(DESK));
        assertEquals(List.of(record), desk.history(agent101));
    }

    @Test
    void anotherAgentsCallCannotBeDisposed() {
        var callId = bridgedCall();

        assertThrows(AgentDesk.NotYourCallException.class,
                () -> desk.dispose(agent102, callId, new AgentDisposition(Outcome.REFUSED, null, null, null)));
    }

    @Test
    void promiseBeyondTheCampaignsHorizonIsRefused() {
        var callId = bridgedCall();

        var error = assertThrows(IllegalArgumentException.class,
                () -> desk.dispose(agent101, callId, promise(5_000, LocalDate.of(2026, 3, 9))));

        assertEquals("payBy: 2026-03-09 (expected 2026-03-03 to 2026-03-06)", error.getMessage());
        assertTrue(promises.all().isEmpty());
    }

    @Test
    void optOutSuppressesTheDialedNumberForEveryCampaignAtOnce() {
        var callId = bridgedCall();
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        desk.dispose(agent101, callId, new AgentDisposition(Outcome.OPT_OUT, null, null, null));

        assertTrue(suppression.isOptedOut(new E164("+12125550100")));
        var decision = engine.eligibility().decide(REMINDERS, account(), clock.instant()).decision();
        assertEquals(SkipReason.OPTED_OUT, ((DialDecision.Skip) decision).reason());
    }

    @Test
    void disputeFlagsTheAccountAndTakesItOutOfEveryQueue() {
        accounts.importAccounts(REMINDERS, List.of(account()), NOON_NEW_YORK);
        var callId = bridgedCall();
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        desk.dispose(agent101, callId, new AgentDisposition(Outcome.DISPUTE, null, null, null));

        assertEquals(Set.of(AccountFlag.DISPUTE), suppression.flags(new AccountId("a-1")));
        assertEquals(0, accounts.queued(DESK));
        assertEquals(0, accounts.queued(REMINDERS));
        var decision = engine.eligibility().decide(REMINDERS, account(), clock.instant()).decision();
        assertEquals(SkipReason.ACCOUNT_FLAGGED, ((DialDecision.Skip) decision).reason());
    }

    @Test
    void deceasedDuringTheCallKeepsTheAccountOutWhenTheLineIsWritten() {
        var callId = bridgedCall();

        desk.dispose(agent101, callId, new AgentDisposition(Outcome.DECEASED, null, null, null));
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        assertEquals(0, accounts.queued(DESK));
        assertEquals(0, accounts.leased(DESK));
    }

    @Test
    void callbackDuringTheCallReturnsTheAccountAtTheFirstPermittedInstantFromThatTime() {
        var callId = bridgedCall();
        var at = Instant.parse("2026-03-05T19:00:00Z");

        desk.dispose(agent101, callId, new AgentDisposition(Outcome.CALLBACK, null, null, at));
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        var expected = engine.eligibility().nextEligible(DESK, account(), at);
        assertFalse(expected.isBefore(at));
        assertEquals(Optional.of(expected), accounts.nextEligible(DESK));
    }

    @Test
    void callbackAfterTheCallRequeuesTheAccountThroughTheSameRules() {
        var callId = bridgedCall();
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));
        var at = Instant.parse("2026-03-05T19:00:00Z");

        desk.dispose(agent101, callId, new AgentDisposition(Outcome.CALLBACK, null, null, at));

        var expected = engine.eligibility().nextEligible(DESK, account(), at);
        assertFalse(expected.isBefore(at));
        assertEquals(Optional.of(expected), accounts.nextEligible(DESK));
    }

    @Test
    void callbackInThePastIsRefusedAndNothingIsRecorded() {
        var callId = bridgedCall();

        var error = assertThrows(IllegalArgumentException.class, () -> desk.dispose(agent101, callId,
                new AgentDisposition(Outcome.CALLBACK, null, null, NOON_NEW_YORK.minusSeconds(60))));

        assertTrue(error.getMessage().startsWith("callbackAt: "), error.getMessage());
        assertEquals(Optional.empty(), log.find(callId));
    }

    @Test
    void dispositionsAreKeptInTheDurableLogForAnotherDesk() {
        var callId = bridgedCall();
        var record = desk.dispose(agent101, callId, new AgentDisposition(Outcome.REFUSED, null, null, null));

        var restarted = new AgentDesk(clock, engine.sessions(), promises, ledger, accounts, suppression, log, engine.eligibility(),
                new InMemoryScreenPops());

        assertEquals(Optional.of(record), log.find(callId));
        assertEquals(List.of(record), restarted.history(agent101));
    }

    @Test
    void secondDispositionOfTheSameCallIsRefused() {
        var callId = bridgedCall();
        desk.dispose(agent101, callId, new AgentDisposition(Outcome.WRONG_PARTY, null, null, null));

        assertThrows(IllegalStateException.class,
                () -> desk.dispose(agent101, callId, new AgentDisposition(Outcome.REFUSED, null, null, null)));
    }

    private static AgentDisposition promise(long minor, LocalDate payBy) {
        return new AgentDisposition(Outcome.PROMISE, new Money(minor, USD), payBy, null);
    }

    private static Campaign campaign(CampaignId id, CampaignMode mode) {
        return new Campaign(id, id.value(), mode, CallingWindow.defaults(), "Acme Lending", "18005550100", 10,
                Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }

    private static Account account() {
        return new Account(new AccountId("a-1"), "Dana Example",
                List.of(new Phone(new E164("+12125550100"), PhoneType.MOBILE)), Optional.of(ZoneId.of("America/New_York")),
                new Money(12_550, USD), LocalDate.of(2026, 2, 20), 41);
    }

    private String bridgedCall() {
        accounts.importAccounts(DESK, List.of(account()), NOON_NEW_YORK);
        agents.ready(agent101, NOON_NEW_YORK);
        engine.tick(DESK);
        var callId = pbx.originated.getLast().callId();
        clock.advance(Duration.ofSeconds(8));
        pbx.emit(new CallEvent.Answered(callId, clock.instant(), "Local/x@debtors-00000001;1"));
        engine.sessions().requestAgent(callId);
        pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));
        return callId;
    }
}
