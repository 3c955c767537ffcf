package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.agent.AgentPool;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.campaign.RetryPolicy;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.FixedHolidays;
import io.duecall.domain.window.WeeklyWindows;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Three campaign days in virtual time through the real engine, across the night New York springs forward and a
 * holiday, for debtors in zones with odd offsets; the ledger is then audited rule by rule.
 */
class CampaignDaysTest {
    private static final CampaignId REMINDERS = new CampaignId("reminders");
    private static final Instant START = Instant.parse("2026-03-07T00:00:00Z");
    private static final List<String> ZONES = List.of("America/New_York", "America/Los_Angeles", "Europe/London",
            "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Honolulu", "");
    private final MutableClock clock = new MutableClock(START);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final InMemoryPromiseStore promises = new InMemoryPromiseStore();
    private final VirtualTelephony pbx = new VirtualTelephony(clock, 2026);
    private final FixedHolidays holidays = FixedHolidays.of(LocalDate.of(2026, 3, 9));
    private final Campaign campaign = new Campaign(REMINDERS, "reminders", CampaignMode.IVR_REMINDER,
            CallingWindow.defaults(), "Acme Lending", "18005550100", 25, Duration.ofSeconds(25), Duration.ofSeconds(2),
            Duration.ofMinutes(10), 3, RetryPolicy.defaults());
    private final ContactRules rules = ContactRules.defaults().withWindow(WeeklyWindows.every(campaign.window()));
    private final DialerEngine engine = new DialerEngine(clock, clock::advance, accounts, ledger, promises,
            new InMemorySuppressionStore(), pbx, new AgentPool(List.of(), Duration.ZERO), List.of(campaign), 10, holidays, Map.of(REMINDERS, rules));

    @Test
    void threeDaysKeepEveryRuleAndStoreEveryPromise() {
        pbx.answerWith(engine);
        accounts.importAccounts(REMINDERS, accounts(400), START);

        for (var t = START; t.isBefore(START.plus(Duration.ofDays(3))); t = t.plusSeconds(30)) {
            pbx.runUntil(t);
            engine.tick(REMINDERS);
        }
        pbx.runUntil(START.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));

        var lines = ledger.readAll();
        var violations = ComplianceAudit.audit(lines, rules, holidays);
        violations.forEach((rule, found) -> assertEquals(List.of(), found, rule.name()));
        assertTrue(lines.size() > 400, "dials: " + lines.size());
        assertEquals(0, engine.callsInFlight());
        assertTrue(pbx.peakUp <= campaign.channelLimit(), "peak calls up " + pbx.peakUp);
        var promisedInLedger = lines.stream().filter(a -> a.promiseAmount() != null).count();
        assertTrue(promisedInLedger > 0);
        assertEquals(promisedInLedger, promises.all().size());
        var callsOnHoliday = lines.stream()
                .filter(a -> a.debtorLocalTime().toLocalDate().equals(LocalDate.of(2026, 3, 9)))
                .count();
        assertEquals(0, callsOnHoliday, "calls on the holiday");
    }

    private static List<Account> accounts(int count) {
        var list = new ArrayList<Account>();
        for (int i = 0; i < count; i++) {
            var zone = ZONES.get(i % ZONES.size());
            var mobile = new Phone(new E164("+1212555" + String.format("%04d", i)), PhoneType.MOBILE);
            var home = new Phone(new E164("+1415555" + String.format("%04d", i)), PhoneType.HOME);
            list.add(new Account(new AccountId("a-" + i), "Dana Example", List.of(mobile, home),
                    zone.isEmpty() ? Optional.empty() : Optional.of(ZoneId.of(zone)),
                    new Money(10_000 + i, Currency.getInstance("USD")), LocalDate.of(2026, 2, 20), 15));
        }
        return list;
    }
}
