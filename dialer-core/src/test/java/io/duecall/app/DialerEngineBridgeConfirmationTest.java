package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.duecall.domain.attempt.Attempt;
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
import java.util.ArrayDeque;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A call moved to an agent counts as a conversation only once the PBX reports the debtor and the agent in one bridge
 * within the campaign's agent wait; otherwise it is abandoned, the abandon message plays and the agent is paused.
 */
class DialerEngineBridgeConfirmationTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId DESK = new CampaignId("desk");
    private static final Duration AGENT_WAIT = Duration.ofSeconds(2);

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final AgentId agent = new AgentId("101");
    private final AgentPool agents = new AgentPool(List.of(new AgentSeat(agent, Set.of(DESK))), Duration.ZERO,
            new InMemoryAgentRoster(), "");
    private DialerEngine engine = engineWatchingOn(null);

    /** The engine; with {@code watch}, calls moved to an agent are checked there at their deadline. */
    private DialerEngine engineWatchingOn(java.util.concurrent.Executor watch) {
        var builder = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
                .promises(new InMemoryPromiseStore()).telephony(pbx).agents(agents)
                .campaigns(List.of(new Campaign(DESK, "Desk", CampaignMode.AGENT, CallingWindow.defaults(),
                        "Acme Lending", "18005550100", 5, Duration.ofSeconds(20), AGENT_WAIT, Duration.ofMinutes(5), 3)))
                .maxOriginatesPerTick(10);
        return watch == null ? builder.build() : builder.bridgeWatch(watch).build();
    }

    @Test
    void agentPhoneThatNeverAnswersIsAnAbandonWithTheMessageAndTheAgentPaused() {
        var callId = movedToAgent();

        clock.advance(AGENT_WAIT.minusMillis(1));
        engine.confirmBridges();
        assertEquals(List.of(), pbx.abandonMessages, "still within the agent wait");
        assertEquals(AgentState.RESERVED, agents.figures().state(agent, clock.instant()));

        clock.advance(Duration.ofMillis(1));
        engine.confirmBridges();
        engine.confirmBridges();

        assertEquals(List.of(callId), pbx.abandonMessages, "the abandon message is asked for once");
        var status = agents.figures().states(clock.instant()).getFirst();
        assertEquals(AgentState.PAUSED, status.state());
        assertEquals(DialerEngine.PHONE_NOT_ANSWERING, status.pauseReason());

        clock.advance(Duration.ofSeconds(9));
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        var line = onlyLine();
        assertEquals(Disposition.ABANDONED, line.disposition());
        assertTrue(line.abandoned());
        assertNull(line.bridgedAt());
        assertEquals("101", line.agent(), "the line names the agent whose phone did not answer");
        assertEquals(AgentState.PAUSED, agents.figures().state(agent, clock.instant()), "the end of the call leaves the pause");
        assertEquals(Optional.of(NOON_NEW_YORK.plus(Duration.ofHours(72))), accounts.nextEligible(DESK),
                "the 72 h abandon lockout applies, counted from the originate");
    }

    @Test
    void bridgeReportedWithinTheWaitIsAConversation() {
        var callId = movedToAgent();
        clock.advance(Duration.ofMillis(1100));
        pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));
        clock.advance(AGENT_WAIT);
        engine.confirmBridges();

        assertEquals(List.of(), pbx.abandonMessages);
        assertEquals(AgentState.ON_CALL, agents.figures().state(agent, clock.instant()));
        clock.advance(Duration.ofSeconds(60));
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        var line = onlyLine();
        assertEquals(Disposition.AGENT_CONVERSATION, line.disposition());
        assertFalse(line.abandoned());
    }

    @Test
    void debtorWhoLeavesBeforeTheBridgeHungUpAndTheAgentIsFree() {
        var callId = movedToAgent();
        clock.advance(Duration.ofMillis(100));
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));
        clock.advance(AGENT_WAIT);
        engine.confirmBridges();

        var line = onlyLine();
        assertEquals(Disposition.HUNG_UP, line.disposition());
        assertFalse(line.abandoned());
        assertNull(line.bridgedAt());
        assertEquals(List.of(), pbx.abandonMessages);
        assertEquals(AgentState.READY, agents.figures().state(agent, clock.instant()));
    }

    @Test
    void bridgeReportedAfterTheCallWasAbandonedStaysAnAbandon() {
        var callId = movedToAgent();
        clock.advance(AGENT_WAIT);
        engine.confirmBridges();
        pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));
        pbx.emit(new CallEvent.Ended(callId, clock.instant().plusSeconds(8)));

        assertEquals(Disposition.ABANDONED, onlyLine().disposition());
        assertNull(onlyLine().bridgedAt());
    }

    @Test
    void bridgeThePbxListsWhileItsEventIsStillOnItsWayIsNotAbandoned() {
        var callId = movedToAgent();
        clock.advance(AGENT_WAIT);
        pbx.inBridge = true;
        engine.confirmBridges();
        assertEquals(List.of(), pbx.abandonMessages);

        pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));
        pbx.emit(new CallEvent.Ended(callId, clock.instant().plusSeconds(60)));

        assertEquals(Disposition.AGENT_CONVERSATION, onlyLine().disposition());
        assertFalse(onlyLine().abandoned());
    }

    @Test
    void watchChecksTheBridgeAtItsDeadlineWithoutATick() {
        var watches = new ArrayDeque<Runnable>();
        engine = engineWatchingOn(watches::add);
        var callId = movedToAgent();
        var requested = clock.instant();

        assertEquals(1, watches.size());
        watches.poll().run();

        assertEquals(requested.plus(AGENT_WAIT), clock.instant(), "the watch waits out the agent wait, no more");
        assertEquals(List.of(callId), pbx.abandonMessages);
    }

    @Test
    void abandonWhoseMessageThePbxRefusesIsStillWrittenAbandoned() {
        var callId = movedToAgent();
        clock.advance(AGENT_WAIT);
        pbx.down = true;
        engine.confirmBridges();
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        assertEquals(Disposition.ABANDONED, onlyLine().disposition());
        assertEquals(AgentState.PAUSED, agents.figures().state(agent, clock.instant()));
    }

    @Test
    void secondAgentRequestForABridgedCallIsRefusedNamingBothStates() {
        var callId = movedToAgent();
        pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));

        var refused = assertThrows(IllegalStateTransitionException.class, () -> engine.sessions().requestAgent(callId));

        assertTrue(refused.getMessage().contains("from Bridged to WaitingForAgent"), refused.getMessage());
        assertEquals(List.of(callId + "->101"), pbx.bridges, "no second move to an agent");
        assertEquals(AgentState.ON_CALL, agents.figures().state(agent, clock.instant()));
    }

    private String movedToAgent() {
        accounts.importAccounts(DESK, List.of(account()), NOON_NEW_YORK);
        agents.ready(agent, NOON_NEW_YORK);
        engine.tick(DESK);
        var callId = pbx.originated.getLast().callId();
        pbx.emit(new CallEvent.Answered(callId, clock.instant(), "Local/x@debtors-00000001;1"));
        engine.sessions().find(callId, "Local/x@debtors-00000001;1");
        assertInstanceOf(AgentHandoff.Bridging.class, engine.sessions().requestAgent(callId));
        assertEquals(List.of(callId + "->101"), pbx.bridges);
        return callId;
    }

    private Attempt onlyLine() {
        assertEquals(1, ledger.size());
        return ledger.readAll().getFirst();
    }

    private static Account account() {
        return new Account(new AccountId("a-1"), "Dana Example",
                List.of(new Phone(new E164("+12125550100"), PhoneType.MOBILE)), Optional.of(ZoneId.of("America/New_York")),
                new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 2, 20), 11);
    }
}
