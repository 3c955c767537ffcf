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
import io.duecall.domain.account.SecondFactor;
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

class DialerEngineSkillsTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId DESK = new CampaignId("desk");

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final AgentId plain = new AgentId("101");
    private final AgentId spanish = new AgentId("102");
    private final AgentPool agents = new AgentPool(List.of(new AgentSeat(plain, Set.of(DESK)),
            new AgentSeat(spanish, Set.of(DESK), Set.of("es"))), Duration.ofSeconds(20), new InMemoryAgentRoster(), "");
    private final DialerEngine engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
            .promises(new InMemoryPromiseStore()).telephony(pbx).agents(agents).campaigns(List.of(campaign()))
            .maxOriginatesPerTick(50).build();

    @Test
    void spanishSpeakingDebtorIsBridgedToTheSpanishSpeakingAgentThoughAnotherWaitedLonger() {
        agents.ready(plain, NOON_NEW_YORK);
        agents.ready(spanish, NOON_NEW_YORK.plusSeconds(5));
        var callId = answeredCall("es-MX");

        var handoff = engine.sessions().requestAgent(callId);

        assertEquals(new AgentHandoff.Bridging("102"), handoff);
        assertEquals(List.of(callId + "->102"), pbx.bridges);
        assertEquals(AgentState.READY, agents.figures().state(plain, clock.instant()));
    }

    @Test
    void spanishSpeakingDebtorWaitsForTheBusySpanishSpeakingAgentAndIsAbandonedAfterTheWait() {
        agents.ready(plain, NOON_NEW_YORK);
        agents.ready(spanish, NOON_NEW_YORK);
        agents.pause(spanish, "break", NOON_NEW_YORK);
        var callId = answeredCall("es");
        var asked = clock.instant();

        var handoff = engine.sessions().requestAgent(callId);

        assertInstanceOf(AgentHandoff.NoAgent.class, handoff);
        assertEquals(Duration.ofSeconds(2), Duration.between(asked, clock.instant()));
        assertEquals(List.of(), pbx.bridges);
    }

    @Test
    void campaignSkillIsRequiredEvenWhenOnlyAnUnskilledAgentIsFree() {
        agents.requireSkills(DESK, Set.of("late-stage"));
        agents.ready(plain, NOON_NEW_YORK);
        var callId = answeredCall("en");

        var handoff = engine.sessions().requestAgent(callId);

        assertInstanceOf(AgentHandoff.NoAgent.class, handoff);
        assertEquals(AgentState.READY, agents.figures().state(plain, clock.instant()));
    }

    @Test
    void spanishSpeakingDebtorGoesToAnyAgentWhenNoSpanishSpeakerIsLoggedIn() {
        agents.ready(plain, NOON_NEW_YORK);
        var callId = answeredCall("es");

        var handoff = engine.sessions().requestAgent(callId);

        assertEquals(new AgentHandoff.Bridging("101"), handoff);
    }

    private String answeredCall(String language) {
        accounts.importAccounts(DESK, List.of(new Account(new AccountId("a-1"), "Dana Example",
                List.of(new Phone(new E164("+12125550100"), PhoneType.MOBILE)),
                Optional.of(ZoneId.of("America/New_York")), new Money(12_550, Currency.getInstance("USD")),
                LocalDate.of(2026, 2, 20), 11, Optional.empty(), Set.of(), Optional.of(Account.language(language)),
                SecondFactor.none())), NOON_NEW_YORK);
        clock.advance(Duration.ofSeconds(10));
        engine.tick(DESK);
        var callId = pbx.originated.getLast().callId();
        clock.advance(Duration.ofSeconds(8));
        pbx.emit(new CallEvent.Answered(callId, clock.instant(), "Local/x@debtors-00000001;1"));
        return callId;
    }

    private static Campaign campaign() {
        return new Campaign(DESK, "desk", CampaignMode.AGENT, CallingWindow.defaults(), "Acme Lending", "18005550100",
                10, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }
}
