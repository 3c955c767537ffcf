package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountFlag;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.account.RegionCode;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.compliance.RegionOverlay;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.domain.window.WeeklyWindows;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The account's flags, the do-not-call list and the debtor's region, as the engine's dial cycle applies them. */
class DialerEngineSuppressionTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    /** 19:55 in Nevada (PST): inside the campaign's window, after a 20:00 state's last originate. */
    private static final Instant EVENING_NEVADA = Instant.parse("2026-03-04T03:55:00Z");
    private static final CampaignId IVR = new CampaignId("reminders");
    private static final E164 MOBILE = new E164("+12125550100");
    private static final E164 HOME = new E164("+12125550101");

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final InMemorySuppressionStore suppression = new InMemorySuppressionStore();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final ContactRules rules = ContactRules.defaults().withRegions(Map.of("NV", RegionOverlay.window(
            WeeklyWindows.every(new CallingWindow(LocalTime.of(9, 0), LocalTime.of(20, 0), Duration.ofMinutes(10))))));
    private final DialerEngine engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
            .promises(new InMemoryPromiseStore()).suppression(suppression).telephony(pbx)
            .agents(new AgentPool(List.of(), Duration.ofSeconds(20), new InMemoryAgentRoster(), ""))
            .campaigns(List.of(campaign())).maxOriginatesPerTick(50).rules(Map.of(IVR, rules)).build();

    @Test
    void accountFlaggedForBankruptcyIsNeverDialedAndLeavesTheQueue() {
        accounts.importAccounts(IVR, List.of(account("a-1", "America/New_York").withFlags(Set.of(AccountFlag.BANKRUPTCY))),
                NOON_NEW_YORK);

        int placed = engine.tick(IVR);

        assertEquals(0, placed);
        assertEquals(List.of(), pbx.originated);
        assertEquals(Optional.empty(), accounts.nextEligible(IVR));
        assertEquals(SkipReason.ACCOUNT_FLAGGED,
                eligibility().decide(IVR, accounts.find(new AccountId("a-1")).orElseThrow(), NOON_NEW_YORK)
                        .decision() instanceof io.duecall.domain.dial.DialDecision.Skip skip ? skip.reason() : null);
    }

    @Test
    void workNumberOfADebtorWhoAskedNotToBeCalledAtWorkIsPassedOver() {
        var account = new Account(new AccountId("a-1"), "Dana Example", List.of(new Phone(MOBILE, PhoneType.WORK),
                new Phone(HOME, PhoneType.HOME)), Optional.of(ZoneId.of("America/New_York")),
                new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 2, 20), 11)
                .withFlags(Set.of(AccountFlag.DO_NOT_CALL_AT_WORK));
        accounts.importAccounts(IVR, List.of(account), NOON_NEW_YORK);

        engine.tick(IVR);

        assertEquals(List.of(HOME), pbx.originated.stream().map(r -> r.number()).toList());
    }

    @Test
    void numberOnTheDoNotCallListIsNeverDialedButTheAccountsOtherNumberIs() {
        suppression.doNotCall(MOBILE, NOON_NEW_YORK.minusSeconds(60), "dnc", "file:dnc.csv");
        accounts.importAccounts(IVR, List.of(account("a-1", "America/New_York")), NOON_NEW_YORK);

        engine.tick(IVR);

        assertEquals(List.of(HOME), pbx.originated.stream().map(r -> r.number()).toList());
    }

    @Test
    void accountWhoseEveryNumberIsOnTheDoNotCallListIsNeverDialed() {
        suppression.doNotCall(MOBILE, NOON_NEW_YORK.minusSeconds(60), "dnc", "file:dnc.csv");
        suppression.doNotCall(HOME, NOON_NEW_YORK.minusSeconds(60), "dnc", "file:dnc.csv");
        accounts.importAccounts(IVR, List.of(account("a-1", "America/New_York")), NOON_NEW_YORK);

        int placed = engine.tick(IVR);

        assertEquals(0, placed);
        assertEquals(Optional.empty(), accounts.nextEligible(IVR));
    }

    @Test
    void regionOverlayNarrowsTheWindowForItsDebtorsOnly() {
        clock.advance(Duration.between(NOON_NEW_YORK, EVENING_NEVADA));
        accounts.importAccounts(IVR, List.of(account("nv", "America/Los_Angeles").withRegion(new RegionCode("NV")),
                account("ca", "America/Los_Angeles").withRegion(new RegionCode("CA"))), EVENING_NEVADA);

        int placed = engine.tick(IVR);

        assertEquals(1, placed);
        assertEquals(Optional.of(Instant.parse("2026-03-04T17:00:00Z")), accounts.nextEligible(IVR));
        assertEquals(1, engine.figures(IVR).skippedOutsideWindow());
    }

    private Eligibility eligibility() {
        return new Eligibility(ledger, suppression, List.of(campaign()), HolidayCalendar.none(), Map.of(IVR, rules));
    }

    private static Campaign campaign() {
        return new Campaign(IVR, "reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme Lending",
                "18005550100", 10, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }

    private static Account account(String id, String zone) {
        return new Account(new AccountId(id), "Dana Example",
                List.of(new Phone(MOBILE, PhoneType.MOBILE), new Phone(HOME, PhoneType.HOME)),
                Optional.of(ZoneId.of(zone)), new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 2, 20), 11);
    }
}
