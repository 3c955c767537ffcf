package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.duecall.domain.attempt.CallOutcome;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each originate is judged and timed when it leaves, not at the tick that claimed it. */
class DialerEngineOriginateTimesTest {
    private static final CampaignId REMIND = new CampaignId("remind");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** 15 ms before the default window's last originate (20:50) in New York on 3 March 2026. */
    private static final Instant JUST_BEFORE_LAST_ORIGINATE = LocalDate.of(2026, 3, 3).atTime(20, 49, 59, 985_000_000)
            .atZone(NEW_YORK).toInstant();
    private static final Duration SEND_TAKES = Duration.ofMillis(10);

    private final VirtualClock clock = new VirtualClock(JUST_BEFORE_LAST_ORIGINATE);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final DialerEngine engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
            .promises(new InMemoryPromiseStore()).telephony(pbx)
            .agents(new AgentPool(List.of(), Duration.ZERO, new InMemoryAgentRoster(), ""))
            .campaigns(List.of(new Campaign(REMIND, "Reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme Lending", "18005550100", 10, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3)))
            .maxOriginatesPerTick(10).build();

    @Test
    void originatesOfOneTickCarryWhenEachLeftAndWasAcceptedAndNoneLeavesAfterTheWindow() {
        accounts.importAccounts(REMIND, IntStream.rangeClosed(1, 3).mapToObj(DialerEngineOriginateTimesTest::account)
                .toList(), JUST_BEFORE_LAST_ORIGINATE.minusSeconds(60));
        var sentAt = new ArrayList<Instant>();
        pbx.whileOriginating = () -> {
            sentAt.add(clock.instant());
            clock.advance(SEND_TAKES);
        };

        int placed = engine.tick(REMIND);

        assertEquals(2, placed, "the third would leave at 20:50:00.005, past the last permitted instant");
        assertEquals(List.of(JUST_BEFORE_LAST_ORIGINATE, JUST_BEFORE_LAST_ORIGINATE.plus(SEND_TAKES)), sentAt);
        for (var request : pbx.originated) {
            pbx.emit(new CallEvent.NotConnected(request.callId(), clock.instant(), CallOutcome.NO_ANSWER));
        }
        var lines = ledger.readAll();
        assertEquals(sentAt, lines.stream().map(a -> a.originatedAt()).toList());
        assertEquals(sentAt.stream().map(t -> t.plus(SEND_TAKES)).toList(),
                lines.stream().map(a -> a.originateAcceptedAt()).toList());
        var nextMorning = LocalDate.of(2026, 3, 4).atTime(9, 0).atZone(NEW_YORK).toInstant();
        assertEquals(Optional.of(nextMorning), accounts.nextEligible(REMIND),
                "the account left unsent waits for the window to open again");
    }

    private static Account account(int i) {
        return new Account(new AccountId("a-" + i), "Debtor " + i,
                List.of(new Phone(new E164("+1212555010" + i), PhoneType.MOBILE)), Optional.of(NEW_YORK),
                new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 2, 20), 11);
    }
}
