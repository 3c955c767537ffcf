package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.pacing.PacingPolicy;
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

/** The live engine driving a predictive pacer through its ticks, with in-memory stores and a scripted PBX. */
class DialerEnginePacingTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId DESK = new CampaignId("desk");

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final List<AgentId> seats = List.of(new AgentId("101"), new AgentId("102"), new AgentId("103"),
            new AgentId("104"));
    private final AgentPool agents = new AgentPool(
            seats.stream().map(a -> new AgentSeat(a, Set.of(DESK))).toList(), Duration.ofSeconds(20), new InMemoryAgentRoster(), "");
    private final DialerEngine engine = DialerEngine.builder(clock, clock::advance).accounts(accounts)
            .ledger(new InMemoryAttemptLedger()).promises(new InMemoryPromiseStore())
            .suppression(new InMemorySuppressionStore()).telephony(pbx).agents(agents)
            .campaigns(List.of(new Campaign(DESK, "desk", CampaignMode.AGENT, CallingWindow.defaults(), "Acme Lending", "18005550100", 100, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3)))
            .maxOriginatesPerTick(50)
            .pacing(Map.of(DESK, new PacingPolicy(PacingPolicy.Mode.PREDICTIVE, 1.5, 2, 100, 0.025))).build();
    private int resolved;

    @Test
    void predictivePacingPlacesMoreCallsThanReadyAgentsOnceFewCallsAreAnswered() {
        loginAll();
        learnThatFewCallsAnswer();

        int placed = engine.tick(DESK);

        assertTrue(placed > seats.size(), "placed " + placed + " for " + seats.size() + " ready agents");
    }

    @Test
    void predictivePacingNeverHoldsMoreThanItsLinesPerAgent() {
        loginAll();
        learnThatFewCallsAnswer();

        for (int i = 0; i < 5; i++) {
            engine.tick(DESK);
            clock.advance(Duration.ofSeconds(1));
        }

        assertEquals(2 * seats.size(), engine.callsInFlight());
    }

    @Test
    void predictivePacingStopsAtOnceWhenAgentsLogOut() {
        loginAll();
        learnThatFewCallsAnswer();
        seats.forEach(a -> agents.logout(a, clock.instant()));

        int placed = engine.tick(DESK);

        assertEquals(0, placed);
        assertEquals(0, engine.callsInFlight());
    }

    @Test
    void predictivePacingCountsAgentsInTalkAndWrapUpButNotTheirLinesWhenAllAreBusy() {
        loginAll();
        learnThatFewCallsAnswer();
        engine.tick(DESK);
        var live = pbx.originated.get(resolved).callId();
        clock.advance(Duration.ofSeconds(8));
        pbx.emit(new CallEvent.Answered(live, clock.instant(), "PJSIP/x"));
        engine.sessions().requestAgent(live);
        pbx.emit(new CallEvent.Bridged(live, clock.instant(), "101"));

        var snapshot = engine.snapshot(engine.campaign(DESK), clock.instant().plusSeconds(5));

        assertEquals(4, snapshot.loggedInAgents());
        assertEquals(3, snapshot.readyAgents());
        assertEquals(1, snapshot.talkElapsed().length);
        assertEquals(5.0, snapshot.talkElapsed()[0], 1e-9);
    }

    @Test
    void theSnapshotTellsThePacerHowLongTheCountingDayStillAllowsCalls() {
        loginAll();

        // noon in New York is 17:00 on the engine's clock (UTC); the default window's last originate is 20:50
        var afternoon = engine.snapshot(engine.campaign(DESK), NOON_NEW_YORK);
        var lateEvening = engine.snapshot(engine.campaign(DESK), NOON_NEW_YORK.plus(Duration.ofHours(4)));

        assertEquals(Duration.ofHours(3).plusMinutes(50).toSeconds(), afternoon.secondsLeftToday(), 1e-9);
        assertTrue(Double.isNaN(lateEvening.secondsLeftToday()), "past 20:50: " + lateEvening.secondsLeftToday());
    }

    private void loginAll() {
        accounts.importAccounts(DESK, accounts(300), NOON_NEW_YORK);
        seats.forEach(a -> agents.ready(a, NOON_NEW_YORK));
    }

    /** Rounds of progressive-looking dialing in which every call rings out: the live-answer estimate falls. */
    private void learnThatFewCallsAnswer() {
        while (resolved < 60) {
            engine.tick(DESK);
            clock.advance(Duration.ofSeconds(18));
            for (; resolved < pbx.originated.size(); resolved++) {
                pbx.emit(new CallEvent.NotConnected(pbx.originated.get(resolved).callId(), clock.instant(),
                        CallOutcome.NO_ANSWER));
            }
        }
    }

    private static List<Account> accounts(int count) {
        var list = new ArrayList<Account>();
        for (int i = 0; i < count; i++) {
            list.add(new Account(new AccountId("a-" + i), "Dana Example",
                    List.of(new Phone(new E164("+1212555" + String.format("%04d", 100 + i)), PhoneType.MOBILE)),
                    Optional.of(ZoneId.of("America/New_York")), new Money(12_550, Currency.getInstance("USD")),
                    LocalDate.of(2026, 2, 20), 11));
        }
        return list;
    }
}
