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
import io.duecall.domain.pbx.PbxLimits;
import io.duecall.domain.pbx.TrunkLimits;
import io.duecall.domain.window.CallingWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The PBX connection drops and returns: no claim meanwhile, calls whose events were missed are closed, dialing resumes. */
class DialerEngineTelephonyOutageTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId IVR = new CampaignId("reminders");

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final DialerEngine engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
            .promises(new InMemoryPromiseStore()).telephony(pbx)
            .agents(new AgentPool(List.of(), Duration.ofSeconds(20), new InMemoryAgentRoster(), ""))
            .campaigns(List.of(campaign())).maxOriginatesPerTick(50).build();

    @Test
    void placesNoCallWhilePbxIsUnreachableClosesCallsItLostAndResumesWhenItReturns() {
        accounts.importAccounts(IVR, accounts(4), NOON_NEW_YORK);
        engine.tick(IVR);
        pbx.down = true;
        clock.advance(Duration.ofSeconds(5));

        int placedWhileDown = engine.tick(IVR);
        long leasedWhileDown = accounts.leased(IVR);
        clock.advance(Duration.ofMinutes(2));
        pbx.down = false;
        int placedAfter = engine.tick(IVR);

        assertEquals(0, placedWhileDown);
        assertEquals(2, leasedWhileDown);
        assertEquals(2, placedAfter);
        assertEquals(List.of(CallOutcome.FAILED, CallOutcome.FAILED),
                ledger.readAll().stream().map(a -> a.outcome()).toList());
        assertEquals(4, pbx.originated.size());
    }

    @Test
    void anAccountThrottledByThePbxPoolKeepsItsTurnForTheNextSecond() {
        var limits = new PbxLimits("pbx", 10, 1, 1, List.of(TrunkLimits.unlimited("trunk")));
        var pool = new PbxPool(List.of(new PbxPool.Member(limits, pbx)), clock);
        var pooled = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
                .promises(new InMemoryPromiseStore()).telephony(pool)
                .agents(new AgentPool(List.of(), Duration.ofSeconds(20), new InMemoryAgentRoster(), ""))
                .campaigns(List.of(campaign())).maxOriginatesPerTick(50).build();
        accounts.importAccounts(IVR, accounts(2), NOON_NEW_YORK);

        int placedFirst = pooled.tick(IVR);
        long leasedAfterThrottle = accounts.leased(IVR);
        clock.advance(Duration.ofSeconds(1));
        int placedNextSecond = pooled.tick(IVR);

        assertEquals(1, placedFirst);
        assertEquals(1, leasedAfterThrottle);
        assertEquals(1, placedNextSecond);
        assertEquals(2, pbx.originated.stream().map(r -> r.number()).distinct().count());
    }

    private static Campaign campaign() {
        return new Campaign(IVR, "reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme Lending",
                "18005550100", 2, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }

    private static List<Account> accounts(int count) {
        var list = new ArrayList<Account>();
        for (int i = 0; i < count; i++) {
            list.add(new Account(new AccountId("a-" + i), "Dana Example",
                    List.of(new Phone(new E164("+1212555020" + i), PhoneType.MOBILE)),
                    Optional.of(ZoneId.of("America/New_York")), new Money(12_550, Currency.getInstance("USD")),
                    LocalDate.of(2026, 2, 20), 11));
        }
        return list;
    }
}
