package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.agent.AgentState;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.window.CallingWindow;
import io.duecall.port.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DialerEngineTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId IVR = new CampaignId("reminders");
    private static final CampaignId DESK = new CampaignId("desk");
    private static final Currency USD = Currency.getInstance("USD");

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final InMemoryPromiseStore promises = new InMemoryPromiseStore();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final AgentId agent101 = new AgentId("101");
    private final AgentId agent102 = new AgentId("102");
    private final AgentPool agents = new AgentPool(List.of(
            new AgentSeat(agent101, Set.of(IVR, DESK)), new AgentSeat(agent102, Set.of(DESK))), Duration.ofSeconds(20), new InMemoryAgentRoster(), "");
    private final DialerEngine engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
            .promises(promises).telephony(pbx).agents(agents)
            .campaigns(List.of(campaign(IVR, CampaignMode.IVR_REMINDER, 3), campaign(DESK, CampaignMode.AGENT, 10)))
            .maxOriginatesPerTick(50).build();

    @Test
    void agentlessCampaignPlacesNoMoreCallsThanItsChannels() {
        accounts.importAccounts(IVR, accounts(5, "America/New_York"), NOON_NEW_YORK);

        int placed = engine.tick(IVR);

        assertEquals(3, placed);
        assertEquals(0, engine.tick(IVR));
    }

    @Test
    void agentCampaignPlacesOneCallPerReadyAgent() {
        accounts.importAccounts(DESK, accounts(5, "America/New_York"), NOON_NEW_YORK);
        agents.ready(agent101, NOON_NEW_YORK);
        agents.ready(agent102, NOON_NEW_YORK);

        assertEquals(2, engine.tick(DESK));
        assertEquals(0, engine.tick(DESK));
    }

    @Test
    void agentCampaignKeepsTheAgentForAnAnsweredCallStillInTheIvr() {
        accounts.importAccounts(DESK, accounts(5, "America/New_York"), NOON_NEW_YORK);
        agents.ready(agent101, NOON_NEW_YORK);
        engine.tick(DESK);
        answer();

        int placed = engine.tick(DESK);

        assertEquals(0, placed);
    }

    @Test
    void agentCampaignPlacesNothingWithoutAgents() {
        accounts.importAccounts(DESK, accounts(5, "America/New_York"), NOON_NEW_YORK);

        assertEquals(0, engine.tick(DESK));
    }

    @Test
    void debtorBeforeLocalOpeningIsRequeuedForTheirNineOClock() {
        accounts.importAccounts(IVR, accounts(1, "Pacific/Honolulu"), NOON_NEW_YORK); // 07:00 in Honolulu

        int placed = engine.tick(IVR);

        assertEquals(0, placed);
        assertEquals(Optional.of(Instant.parse("2026-03-03T19:00:00Z")), accounts.nextEligible(IVR));
        assertEquals(1, engine.figures(IVR).skippedOutsideWindow());
    }

    @Test
    void callThatNeverConnectsIsOneLedgerLineAndRetriesAfterTheMinimumGap() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        engine.tick(IVR);
        var callId = pbx.originated.getFirst().callId();
        clock.advance(Duration.ofSeconds(30));

        pbx.emit(new CallEvent.NotConnected(callId, clock.instant(), CallOutcome.BUSY));

        var line = ledger.readAll().getFirst();
        assertEquals(Disposition.NOT_CONNECTED, line.disposition());
        assertEquals(CallOutcome.BUSY, line.outcome());
        // Busy retries after 20 minutes, but the account's 2-hour gap counts from the originate.
        assertEquals(Optional.of(NOON_NEW_YORK.plus(Duration.ofHours(2))), accounts.nextEligible(IVR));
        assertEquals(0, engine.callsInFlight());
    }

    @Test
    void ledgerLineRecordsTheRuleSetAndTheCountersTheDialWasAllowedOn() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        engine.tick(IVR);
        var first = answer();
        engine.sessions().find(first);
        engine.sessions().finished(first, Disposition.MACHINE);
        pbx.emit(new CallEvent.Ended(first, clock.instant()));
        clock.advance(Duration.ofHours(4));
        engine.tick(IVR);
        var second = pbx.originated.getLast().callId();

        pbx.emit(new CallEvent.NotConnected(second, clock.instant(), CallOutcome.NO_ANSWER));

        var context = ledger.readAll().getLast().dialContext();
        assertTrue(context.rulesVersion().startsWith("rules-"), context.rulesVersion());
        assertEquals(1, context.countedIn7Days());
        assertEquals(1, context.connectedToday());
        assertEquals(0, context.unansweredOnNumberToday());
    }

    @Test
    void promiseIsStoredBeforeTheCallEndsAndTheAccountLeavesTheQueue() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        engine.tick(IVR);
        var callId = answer();
        var call = engine.sessions().find(callId).orElseThrow();

        var promise = engine.sessions().recordPromise(callId, call.account().amountDue(), LocalDate.of(2026, 3, 6));
        engine.sessions().finished(callId, Disposition.PROMISE_TO_PAY);
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        assertEquals(Optional.of(promise), promises.forCall(callId));
        var line = ledger.readAll().getFirst();
        assertEquals(Disposition.PROMISE_TO_PAY, line.disposition());
        assertEquals(promise.amount(), line.promiseAmount());
        assertEquals(0, accounts.queued(IVR) + accounts.leased(IVR));
    }

    @Test
    void ledgerLineWaitsForTheIvrVerdictWhenTheLineDropsFirst() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        engine.tick(IVR);
        var callId = answer();
        engine.sessions().find(callId);

        pbx.emit(new CallEvent.Ended(callId, clock.instant()));
        assertEquals(0, ledger.size());
        engine.sessions().finished(callId, Disposition.THIRD_PARTY);

        assertEquals(Disposition.THIRD_PARTY, ledger.readAll().getFirst().disposition());
    }

    @Test
    void callTheIvrServedStaysAnsweredWhenItsAnswerWasLostAndItIsReconciledAsNotConnected() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        engine.tick(IVR);
        var callId = pbx.originated.getLast().callId();
        clock.advance(Duration.ofSeconds(8));
        // the PBX connection is down: no Answered event, but the debtor answered and the IVR asks for the call
        var call = engine.sessions().find(callId).orElseThrow();
        var ivrAt = clock.instant();
        var promise = engine.sessions().recordPromise(callId, call.account().amountDue(), LocalDate.of(2026, 3, 6));
        clock.advance(Duration.ofSeconds(40));
        // on the connection's return the call's channel is gone
        pbx.emit(new CallEvent.NotConnected(callId, clock.instant(), CallOutcome.FAILED));
        assertEquals(0, ledger.size(), "the line waits for the IVR's verdict");
        engine.sessions().finished(callId, Disposition.PROMISE_TO_PAY);

        var line = ledger.readAll().getFirst();
        assertEquals(CallOutcome.ANSWERED, line.outcome());
        assertEquals(Disposition.PROMISE_TO_PAY, line.disposition());
        assertEquals(promise.amount(), line.promiseAmount());
        assertEquals(ivrAt, line.answeredAt());
        assertEquals(clock.instant(), line.endedAt());
    }

    @Test
    void callWhoseIvrFinishedBeforeTheReconciliationIsWrittenAsAnsweredThen() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        engine.tick(IVR);
        var callId = pbx.originated.getLast().callId();
        engine.sessions().find(callId).orElseThrow();
        engine.sessions().finished(callId, Disposition.THIRD_PARTY);
        assertEquals(0, ledger.size(), "the call is up until the PBX says otherwise");

        pbx.emit(new CallEvent.NotConnected(callId, clock.instant(), CallOutcome.FAILED));

        var line = ledger.readAll().getFirst();
        assertEquals(CallOutcome.ANSWERED, line.outcome());
        assertEquals(Disposition.THIRD_PARTY, line.disposition());
    }

    @Test
    void promiseBeyondTheHorizonIsRefusedNamingTheField() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        engine.tick(IVR);
        var callId = answer();

        var error = assertThrows(IllegalArgumentException.class,
                () -> engine.sessions().recordPromise(callId, new Money(100, USD), LocalDate.of(2026, 3, 7)));

        assertTrue(error.getMessage().startsWith("promise.payBy: 2026-03-07"), error.getMessage());
    }

    @Test
    void callerAskingForAnAgentIsBridgedToTheLongestIdleOne() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        agents.ready(agent101, NOON_NEW_YORK);
        engine.tick(IVR);
        var callId = answer();

        var handoff = engine.sessions().requestAgent(callId);
        pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));
        clock.advance(Duration.ofSeconds(60));
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        assertEquals(new AgentHandoff.Bridging("101"), handoff);
        assertEquals(List.of(callId + "->101"), pbx.bridges);
        var line = ledger.readAll().getFirst();
        assertEquals(Disposition.AGENT_CONVERSATION, line.disposition());
        assertEquals("101", line.agent());
        assertEquals(AgentState.WRAP_UP, agents.figures().state(agent101, clock.instant()));
    }

    @Test
    void agentSeesTheIvrStepsTheCallerWentThrough() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        agents.ready(agent101, NOON_NEW_YORK);
        engine.tick(IVR);
        var callId = answer();
        var started = new ArrayList<AgentCallStarted>();
        engine.onAgentCall(started::add);
        for (var step : List.of("screen-machine", "greet", "verify", "verified", "menu", "agent")) {
            engine.sessions().stepReached(callId, step);
        }

        engine.sessions().requestAgent(callId);
        pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));

        assertEquals(List.of("screen-machine", "greet", "verify", "verified", "menu", "agent"),
                started.getFirst().ivrPath());
    }

    @Test
    void callerWithNoAgentFreeIsAbandonedAfterTheWaitAndLockedOutFor72Hours() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        engine.tick(IVR);
        var callId = answer();
        var asked = clock.instant();

        var handoff = engine.sessions().requestAgent(callId);
        engine.sessions().finished(callId, Disposition.ABANDONED);
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        assertInstanceOf(AgentHandoff.NoAgent.class, handoff);
        assertEquals(Duration.ofSeconds(2), Duration.between(asked, clock.instant()));
        var line = ledger.readAll().getFirst();
        assertTrue(line.abandoned());
        assertEquals(Disposition.ABANDONED, line.disposition());
        assertEquals(Optional.of(NOON_NEW_YORK.plus(Duration.ofHours(72))), accounts.nextEligible(IVR));
    }

    @Test
    void failedBridgeFreesTheAgentAndTheCallIsAbandoned() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        agents.ready(agent101, NOON_NEW_YORK);
        pbx.refuseBridges = true;
        engine.tick(IVR);
        var callId = answer();

        var handoff = engine.sessions().requestAgent(callId);

        assertInstanceOf(AgentHandoff.NoAgent.class, handoff);
        assertEquals(AgentState.READY, agents.figures().state(agent101, clock.instant()));
    }

    @Test
    void optedOutNumberIsNeverDialedAgainAndTheNextNumberIsTried() {
        var twoNumbers = new Account(new AccountId("a-2"), "Dana Example",
                List.of(new Phone(new E164("+12125550199"), PhoneType.MOBILE), new Phone(new E164("+12125550198"), PhoneType.HOME)),
                Optional.of(ZoneId.of("America/New_York")), new Money(12_550, USD), LocalDate.of(2026, 2, 20), 11);
        accounts.importAccounts(IVR, List.of(twoNumbers), NOON_NEW_YORK);
        engine.tick(IVR);
        var callId = answer();
        engine.sessions().find(callId);
        engine.sessions().finished(callId, Disposition.OPTED_OUT);
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));
        clock.advance(Duration.ofDays(8));

        engine.tick(IVR);

        assertEquals(new E164("+12125550198"), pbx.originated.getLast().number());
    }

    @Test
    void explainsWhyAnAccountIsNotCalledAndWhenItWillBe() {
        accounts.importAccounts(IVR, accounts(1, "Pacific/Honolulu"), NOON_NEW_YORK);

        var explanation = engine.explain(IVR, new AccountId("a-0")).orElseThrow();

        assertInstanceOf(io.duecall.domain.dial.DialDecision.Skip.class, explanation.decision());
        assertTrue(explanation.describe().contains("2026-03-03T19:00:00Z"), explanation.describe());
    }

    @Test
    void unknownCallIdFindsNothing() {
        assertEquals(Optional.empty(), engine.sessions().find("c-unknown"));
    }

    @Test
    void campaignAddedWhileRunningIsDialedAndJudgedByItsOwnRules() {
        var late = new CampaignId("late");
        engine.upsert(campaign(late, CampaignMode.IVR_REMINDER, 2), null, null);
        accounts.importAccounts(late, accounts(3, "America/New_York"), NOON_NEW_YORK);

        int placed = engine.tick(late);

        assertEquals(2, placed);
        assertTrue(engine.eligibility().covers(late));
        assertEquals(2, engine.figures(late).dials());
    }

    @Test
    void replacedCampaignKeepsItsFiguresAndUsesItsNewDefinition() {
        accounts.importAccounts(IVR, accounts(5, "America/New_York"), NOON_NEW_YORK);
        engine.tick(IVR);

        engine.upsert(campaign(IVR, CampaignMode.IVR_REMINDER, 5), null, null);

        assertEquals(2, engine.tick(IVR));
        assertEquals(5, engine.figures(IVR).dials());
        assertEquals(5, engine.campaign(IVR).channelLimit());
    }

    @Test
    void campaignWithCallsInFlightIsNotRemovedUntilTheyEnd() {
        accounts.importAccounts(IVR, accounts(1, "America/New_York"), NOON_NEW_YORK);
        engine.tick(IVR);
        var callId = pbx.originated.getLast().callId();

        var refused = assertThrows(IllegalStateException.class, () -> engine.remove(IVR));
        pbx.emit(new CallEvent.NotConnected(callId, clock.instant(), CallOutcome.BUSY));
        engine.remove(IVR);

        assertTrue(refused.getMessage().contains("1 call(s) in flight"), refused.getMessage());
        assertFalse(engine.campaigns().stream().anyMatch(c -> c.id().equals(IVR)));
        assertFalse(engine.eligibility().covers(IVR));
        assertThrows(IllegalArgumentException.class, () -> engine.tick(IVR));
    }

    private String answer() {
        var callId = pbx.originated.getLast().callId();
        clock.advance(Duration.ofSeconds(8));
        pbx.emit(new CallEvent.Answered(callId, clock.instant(), "Local/x@debtors-00000001;1"));
        return callId;
    }

    private static Campaign campaign(CampaignId id, CampaignMode mode, int channels) {
        return new Campaign(id, id.value(), mode, CallingWindow.defaults(), "Acme Lending", "18005550100", channels,
                Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }

    private static List<Account> accounts(int count, String zone) {
        var list = new ArrayList<Account>();
        for (int i = 0; i < count; i++) {
            list.add(new Account(new AccountId("a-" + i), "Dana Example",
                    List.of(new Phone(new E164("+1212555" + String.format("%04d", 100 + i)), PhoneType.MOBILE)),
                    Optional.of(ZoneId.of(zone)), new Money(12_550, USD), LocalDate.of(2026, 2, 20), 11));
        }
        return list;
    }
}
