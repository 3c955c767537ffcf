package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.dial.SkipReason;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.HolidayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An account that leaves a campaign says, number by number, which rule removed it. */
class EligibilityLeavingTest {
    private static final CampaignId ID = new CampaignId("reminders");

    @Test
    void anAccountNoNumberOfWhichMayBeCalledNamesTheRuleForEachNumber() {
        var optedOut = new Phone(new E164("+14155550123"), PhoneType.MOBILE);
        var noZone = new Phone(new E164("+80012345678"), PhoneType.HOME);
        var account = new Account(new AccountId("a-1"), "Dana", List.of(optedOut, noZone), Optional.empty(),
                new Money(1_000, Currency.getInstance("USD")), LocalDate.of(2026, 2, 1), 10);
        var suppression = new InMemorySuppressionStore();
        var now = Instant.parse("2026-03-04T16:00:00Z");
        suppression.optOut(optedOut.number(), now.minusSeconds(60), "test");
        var campaign = new Campaign(ID, "Reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme",
                "18005550100", 10, Duration.ofSeconds(25), Duration.ofSeconds(2), Duration.ofMinutes(10), 3);
        var eligibility = new Eligibility(new InMemoryAttemptLedger(), suppression, List.of(campaign),
                HolidayCalendar.none(), Map.of());

        var skip = (DialDecision.Skip) eligibility.decide(ID, account, now).decision();

        assertNull(skip.nextEligible());
        assertEquals(SkipReason.OPTED_OUT, skip.reason());
        assertTrue(skip.detail().contains("+14155550123 (MOBILE): suppression never"), skip.detail());
        assertTrue(skip.detail().contains("+80012345678 (HOME): time zone never"), skip.detail());
    }
}
