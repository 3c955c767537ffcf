package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryHabitStore;
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
import io.duecall.domain.besttime.BestTime;
import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.ContactSlot.DayKind;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.pacing.PacingPolicy;
import io.duecall.domain.window.CallingWindow;
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

/**
 * A predictive campaign that learns when its debtors answer tells its pacer each ringing call's own live chance, from
 * the best-time model, instead of leaving it to the campaign's share.
 */
class DialerEngineLiveChanceTest {
    private static final CampaignId DESK = new CampaignId("desk");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Monday 7 December 2026, 19:00 in New York: the hour the campaign's debtors answer. */
    private static final Instant MONDAY_1900 = LocalDate.of(2026, 12, 7).atTime(19, 0).atZone(NEW_YORK).toInstant();

    private final VirtualClock clock = new VirtualClock(MONDAY_1900);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryHabitStore habits = new InMemoryHabitStore();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final List<AgentId> seats = List.of(new AgentId("101"), new AgentId("102"));
    private final AgentPool agents = new AgentPool(seats.stream().map(a -> new AgentSeat(a, Set.of(DESK))).toList(),
            Duration.ofSeconds(20), new InMemoryAgentRoster(), "");

    private DialerEngine engine(PacingPolicy.Mode mode, Map<CampaignId, BestTime> learning) {
        return DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(new InMemoryAttemptLedger())
                .promises(new InMemoryPromiseStore()).telephony(pbx).agents(agents)
                .campaigns(List.of(new Campaign(DESK, "desk", CampaignMode.AGENT, CallingWindow.defaults(),
                        "Acme Lending", "18005550100", 20, Duration.ofSeconds(20), Duration.ofSeconds(2),
                        Duration.ofMinutes(5), 3)))
                .maxOriginatesPerTick(10)
                .pacing(Map.of(DESK, new PacingPolicy(mode, 1.5, 2, 100, 0.025)))
                .bestTime(BestTimeScheduler.learned(habits, learning)).build();
    }

    /** Weekday evenings at 19:00 answered 600 times in 1,000 for the campaign's mobile numbers; other hours 50. */
    private void eveningCampaign() {
        for (int hour = 9; hour < 21; hour++) {
            int answered = hour == 19 ? 600 : 50;
            for (int i = 0; i < 1000; i++) {
                habits.record(DESK, "MOBILE/EARLY", new ContactSlot(DayKind.WEEKDAY, hour), i < answered, i < answered);
            }
        }
        accounts.importAccounts(DESK, accounts(4), MONDAY_1900.minusSeconds(60));
        seats.forEach(a -> agents.ready(a, MONDAY_1900));
    }

    @Test
    void eachRingingCallCarriesTheModelsChanceThatAPersonAnswersAtItsHour() {
        eveningCampaign();
        var engine = engine(PacingPolicy.Mode.PREDICTIVE, Map.of(DESK, BestTime.defaults()));

        int placed = engine.tick(DESK);
        var snapshot = engine.snapshot(engine.campaign(DESK), clock.instant().plusSeconds(1));

        assertTrue(placed > 0, "placed " + placed);
        assertEquals(placed, snapshot.ringingChances().length, "one chance per ringing call");
        for (double chance : snapshot.ringingChances()) {
            assertEquals(0.6, chance, 0.05, "the campaign's evening answer rate, pooled with its prior");
        }
    }

    @Test
    void aCampaignThatDoesNotLearnLeavesThePacerToItsShare() {
        eveningCampaign();
        var engine = engine(PacingPolicy.Mode.PREDICTIVE, Map.of());

        engine.tick(DESK);
        var snapshot = engine.snapshot(engine.campaign(DESK), clock.instant().plusSeconds(1));

        assertTrue(snapshot.callsRinging() > 0);
        assertEquals(0, snapshot.ringingChances().length);
    }

    @Test
    void aPacerThatWeighsNoChancesIsNotGivenAny() {
        eveningCampaign();
        var engine = engine(PacingPolicy.Mode.PROGRESSIVE, Map.of(DESK, BestTime.defaults()));

        engine.tick(DESK);
        var snapshot = engine.snapshot(engine.campaign(DESK), clock.instant().plusSeconds(1));

        assertTrue(snapshot.callsRinging() > 0);
        assertEquals(0, snapshot.ringingChances().length, "the model is not asked for a progressive campaign");
    }

    private static List<Account> accounts(int count) {
        var list = new ArrayList<Account>();
        for (int i = 0; i < count; i++) {
            list.add(new Account(new AccountId("a-" + i), "Dana Example",
                    List.of(new Phone(new E164("+1212555" + String.format("%04d", 100 + i)), PhoneType.MOBILE)),
                    Optional.of(NEW_YORK), new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 11, 20),
                    5));
        }
        return list;
    }
}
