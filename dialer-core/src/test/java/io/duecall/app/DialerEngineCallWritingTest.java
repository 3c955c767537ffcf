package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

/** Ended calls written on the engine's ledger writer, and the IVR's channel passed on to the telephony. */
class DialerEngineCallWritingTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId DESK = new CampaignId("desk");

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final AgentId agent = new AgentId("101");
    private final AgentPool agents = new AgentPool(List.of(new AgentSeat(agent, Set.of(DESK))), Duration.ZERO, new InMemoryAgentRoster(), "");
    private DialerEngine engine = engineWritingOn(Runnable::run);

    private DialerEngine engineWritingOn(java.util.concurrent.Executor writer) {
        return DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
                .promises(new InMemoryPromiseStore()).telephony(pbx).agents(agents)
                .campaigns(List.of(new Campaign(DESK, "Desk", CampaignMode.AGENT, CallingWindow.defaults(),
                        "Acme Lending", "18005550100", 5, Duration.ofSeconds(20), Duration.ofSeconds(2),
                        Duration.ofMinutes(5), 3)))
                .maxOriginatesPerTick(10).ledgerWriter(writer).build();
    }

    @Test
    void endedCallIsWrittenOnTheLedgerWriterAndStaysInFlightUntilThen() {
        var writes = new ArrayDeque<Runnable>();
        engine = engineWritingOn(writes::add);
        var callId = bridgedCall();

        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        assertEquals(0, ledger.size(), "nothing written on the event thread");
        assertEquals(1, engine.callsInFlight());
        assertEquals(1, accounts.leased(DESK), "the account stays leased until its line is written");
        assertEquals(1, writes.size());
        writes.poll().run();
        assertEquals(Disposition.AGENT_CONVERSATION, ledger.readAll().getFirst().disposition());
        assertEquals(0, engine.callsInFlight());
        assertEquals(0, accounts.leased(DESK));
    }

    @Test
    void writerThatRefusesLeavesTheLineToTheClosingThread() {
        engine = engineWritingOn(task -> {
            throw new java.util.concurrent.RejectedExecutionException("shutting down");
        });
        var callId = bridgedCall();

        pbx.emit(new CallEvent.Ended(callId, clock.instant()));

        assertEquals(1, ledger.size());
        assertEquals(0, engine.callsInFlight());
    }

    @Test
    void ivrChannelOfACallInProgressIsPassedToTheTelephony() {
        accounts.importAccounts(DESK, List.of(account()), NOON_NEW_YORK);
        agents.ready(agent, NOON_NEW_YORK);
        engine.tick(DESK);
        var callId = pbx.originated.getLast().callId();

        assertTrue(engine.sessions().find(callId, "Local/2125550100@dialer-out-00000001;1").isPresent());
        assertEquals(Optional.empty(), engine.sessions().find("c-unknown", "Local/2125550100@dialer-out-00000002;1"));

        assertEquals(List.of(callId + "@Local/2125550100@dialer-out-00000001;1"), pbx.ivrChannels);
    }

    private String bridgedCall() {
        accounts.importAccounts(DESK, List.of(account()), NOON_NEW_YORK);
        agents.ready(agent, NOON_NEW_YORK);
        engine.tick(DESK);
        var callId = pbx.originated.getLast().callId();
        pbx.emit(new CallEvent.Answered(callId, clock.instant(), "Local/x@debtors-00000001;1"));
        engine.sessions().find(callId, "Local/x@debtors-00000001;1");
        assertInstanceOf(AgentHandoff.Bridging.class, engine.sessions().requestAgent(callId));
        pbx.emit(new CallEvent.Bridged(callId, clock.instant(), "101"));
        clock.advance(Duration.ofSeconds(30));
        return callId;
    }

    private static Account account() {
        return new Account(new AccountId("a-1"), "Dana Example",
                List.of(new Phone(new E164("+12125550100"), PhoneType.MOBILE)), Optional.of(ZoneId.of("America/New_York")),
                new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 2, 20), 11);
    }
}
