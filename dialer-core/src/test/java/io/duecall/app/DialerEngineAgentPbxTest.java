package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.window.CallingWindow;
import io.duecall.port.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An answered call goes only to an agent whose phone's PBX is reachable now. */
class DialerEngineAgentPbxTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId DESK = new CampaignId("desk");

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final AgentId onPbxB = new AgentId("101");
    private final AgentId onPbxA = new AgentId("102");
    private final AgentPool agents = new AgentPool(List.of(new AgentSeat(onPbxB, Set.of(DESK), Set.of(), "pbx-b"),
            new AgentSeat(onPbxA, Set.of(DESK), Set.of(), "pbx-a")), Duration.ofSeconds(20), new InMemoryAgentRoster(), "");
    private final DialerEngine engine = DialerEngine.builder(clock, clock::advance).accounts(accounts)
            .ledger(new InMemoryAttemptLedger()).promises(new InMemoryPromiseStore()).telephony(pbx).agents(agents)
            .campaigns(List.of(new Campaign(DESK, "desk", CampaignMode.AGENT, CallingWindow.defaults(), "Acme Lending", "18005550100", 10, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3)))
            .maxOriginatesPerTick(50).build();

    @Test
    void longestIdleAgentWhosePbxIsDownIsPassedOverForOneWhosePbxIsUp() {
        agents.ready(onPbxB, NOON_NEW_YORK);
        agents.ready(onPbxA, NOON_NEW_YORK.plusSeconds(5));
        pbx.unreachable.add("pbx-b");
        var callId = answeredCall();

        var handoff = engine.sessions().requestAgent(callId);

        assertEquals(new AgentHandoff.Bridging("102"), handoff);
        assertEquals(AgentState.READY, agents.figures().state(onPbxB, clock.instant()));
    }

    @Test
    void longestIdleAgentIsChosenWhileEveryPbxIsUp() {
        agents.ready(onPbxB, NOON_NEW_YORK);
        agents.ready(onPbxA, NOON_NEW_YORK.plusSeconds(5));
        var callId = answeredCall();

        assertEquals(new AgentHandoff.Bridging("101"), engine.sessions().requestAgent(callId));
    }

    @Test
    void noAgentWhenEveryReadyAgentsPbxIsDown() {
        agents.ready(onPbxB, NOON_NEW_YORK);
        pbx.unreachable.add("pbx-b");
        var callId = answeredCall();

        assertInstanceOf(AgentHandoff.NoAgent.class, engine.sessions().requestAgent(callId));
        assertEquals(List.of(), pbx.bridges);
    }

    private String answeredCall() {
        accounts.importAccounts(DESK, List.of(new Account(new AccountId("a-1"), "Dana Example",
                List.of(new Phone(new E164("+12125550100"), PhoneType.MOBILE)),
                Optional.of(ZoneId.of("America/New_York")), new Money(12_550, Currency.getInstance("USD")),
                LocalDate.of(2026, 2, 20), 11)), NOON_NEW_YORK);
        clock.advance(Duration.ofSeconds(10));
        engine.tick(DESK);
        var callId = pbx.originated.getLast().callId();
        clock.advance(Duration.ofSeconds(8));
        pbx.emit(new CallEvent.Answered(callId, clock.instant(), "Local/x@debtors-00000001;1"));
        return callId;
    }
}
