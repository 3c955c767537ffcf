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
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.besttime.BestTime;
import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.ContactSlot.DayKind;
import io.duecall.domain.besttime.SlotCounts;
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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A campaign that learns when its debtors answer places first calls and retries at the best permitted slot. */
class DialerEngineBestTimeTest {
    private static final CampaignId REMIND = new CampaignId("remind");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Monday 7 December 2026, 09:00 in New York. */
    private static final Instant MONDAY_0900 = LocalDate.of(2026, 12, 7).atTime(9, 0).atZone(NEW_YORK).toInstant();
    private static final Instant MONDAY_1900 = LocalDate.of(2026, 12, 7).atTime(19, 0).atZone(NEW_YORK).toInstant();
    private static final Account ACCOUNT = new Account(new AccountId("a-1"), "Dana Example",
            List.of(new Phone(new E164("+12125550101"), PhoneType.MOBILE)), Optional.of(NEW_YORK),
            new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 11, 20), 17);

    private final VirtualClock clock = new VirtualClock(MONDAY_0900);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final InMemoryHabitStore habits = new InMemoryHabitStore();
    private final ScriptedTelephony pbx = new ScriptedTelephony();

    private DialerEngine engine(BestTimeScheduler bestTime) {
        return DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
                .promises(new InMemoryPromiseStore()).telephony(pbx)
                .agents(new AgentPool(List.of(), Duration.ZERO, new InMemoryAgentRoster(), ""))
                .campaigns(List.of(new Campaign(REMIND, "Reminders", CampaignMode.IVR_REMINDER,
                        CallingWindow.defaults(), "Acme Lending", "18005550100", 10, Duration.ofSeconds(20),
                        Duration.ofSeconds(2), Duration.ofMinutes(5), 3)))
                .maxOriginatesPerTick(10).bestTime(bestTime).build();
    }

    /** The campaign's debtors answer on weekday evenings: 19:00-20:00 reached 60 times in 100, other hours 5 in 100. */
    private void eveningCampaign() {
        for (int hour = 9; hour < 21; hour++) {
            int reached = hour == 19 ? 60 : 5;
            for (int i = 0; i < 100; i++) {
                habits.record(REMIND, "MOBILE/MIDDLE", new ContactSlot(DayKind.WEEKDAY, hour), i < reached, i < reached);
            }
        }
    }

    @Test
    void aFirstCallWaitsForTheCampaignsBestHourAndItsOutcomeIsLearned() {
        eveningCampaign();
        var engine = engine(BestTimeScheduler.learned(habits, Map.of(REMIND, BestTime.defaults())));
        accounts.importAccounts(REMIND, List.of(ACCOUNT), MONDAY_0900.minusSeconds(60));

        assertEquals(0, engine.tick(REMIND), "09:00 is permitted, but 19:00 is far better and within the hold");
        assertEquals(Optional.of(MONDAY_1900), accounts.nextEligible(REMIND));

        clock.advanceTo(MONDAY_1900);
        assertEquals(1, engine.tick(REMIND));
        pbx.emit(new CallEvent.NotConnected(pbx.originated.getFirst().callId(), clock.instant(), CallOutcome.NO_ANSWER));

        var slot = new ContactSlot(DayKind.WEEKDAY, 19);
        assertEquals(new SlotCounts(101, 60, 60), habits.campaign(REMIND).get(slot), "the missed call is counted");
        var next = accounts.nextEligible(REMIND).orElseThrow();
        assertTrue(next.isAfter(MONDAY_1900), next.toString());
        assertEquals(19, next.atZone(NEW_YORK).getHour(), "the retry goes to an evening again: " + next);
    }

    @Test
    void aCampaignThatDoesNotLearnCallsAtTheFirstPermittedInstant() {
        eveningCampaign();
        var engine = engine(BestTimeScheduler.learned(habits, Map.of()));
        accounts.importAccounts(REMIND, List.of(ACCOUNT), MONDAY_0900.minusSeconds(60));

        assertEquals(1, engine.tick(REMIND), "called at 09:00, the first permitted instant");
        assertEquals(1, pbx.originated.size());
    }
}
