package io.duecall.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemorySuppressionStore;
import io.duecall.adapter.quartz.LocalPostgres;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisLedgerFeed;
import io.duecall.adapter.redis.RedisTestSupport;
import io.duecall.app.ArchivedLedger;
import io.duecall.app.ComplianceAudit;
import io.duecall.app.Eligibility;
import io.duecall.app.LedgerAudit;
import io.duecall.app.LedgerShipper;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.HolidayCalendar;
import io.duecall.port.AttemptLedger;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same ledger read from Redis and from PostgreSQL gives the same verdicts: the audit of every line against the
 * contact rules, the campaign summary, and each account's eligibility (rule by rule) at several instants.
 */
class LedgerVerdictsTest {
    static final Instant START = Instant.parse("2026-11-02T14:00:00Z");
    static final CampaignId CAMPAIGN = new CampaignId("reminders");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final int ACCOUNTS = 30;

    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();
    private LocalPostgres postgres;

    @BeforeEach
    void start() throws SQLException {
        postgres = LocalPostgres.orSkip();
    }

    @AfterEach
    void stop() throws SQLException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theRulesAndTheAuditGiveTheSameVerdictsReadingPostgresAsReadingRedis() {
        var inRedis = new RedisAttemptLedger(redis.jedis(), redis.keys(), 4);
        var lines = ledgerOfThreeWeeks();
        lines.forEach(inRedis::append);
        var archive = new PostgresLedgerArchive(postgres.dataSource(), Clock.fixed(START, ZoneOffset.UTC));
        archive.migrate();
        new LedgerShipper(new RedisLedgerFeed(redis.jedis(), inRedis), archive, "node-a", 200, Duration.ofMinutes(1),
                Duration.ofDays(2)).shipAll();
        assertEquals(lines.size(), archive.count());
        // Nothing of Redis: every read below goes to PostgreSQL.
        AttemptLedger inPostgres = new ArchivedLedger(new InMemoryAttemptLedger(), archive).withArchivedHistory();
        var rules = ContactRules.defaults();

        var fromRedis = ComplianceAudit.audit(inRedis.readAll(), rules, HolidayCalendar.none());
        var fromPostgres = ComplianceAudit.audit(inPostgres.readAll(), rules, HolidayCalendar.none());
        assertEquals(new HashSet<>(fromRedis.keySet()), new HashSet<>(fromPostgres.keySet()));
        fromRedis.forEach((rule, violations) -> assertEquals(new HashSet<>(violations),
                new HashSet<>(fromPostgres.get(rule)), "violations of " + rule));
        assertTrue(fromRedis.values().stream().mapToInt(List::size).sum() > 0,
                "the ledger breaks some rules, so the comparison compares something");
        assertEquals(LedgerAudit.audit(List.of(campaign()), inRedis.readAll()),
                LedgerAudit.audit(List.of(campaign()), inPostgres.readAll()));

        var redisRules = eligibility(inRedis, rules);
        var postgresRules = eligibility(inPostgres, rules);
        int refused = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            var account = account(i);
            for (var at : List.of(START.plus(Duration.ofDays(7)).plusSeconds(3_600), START.plus(Duration.ofDays(20)),
                    START.plus(Duration.ofDays(21)).plusSeconds(7_200))) {
                var expected = redisRules.explain(CAMPAIGN, account, at).describe();
                assertEquals(expected, postgresRules.explain(CAMPAIGN, account, at).describe(), account.id() + " at " + at);
                assertEquals(redisRules.decide(CAMPAIGN, account, at), postgresRules.decide(CAMPAIGN, account, at));
                refused += redisRules.decide(CAMPAIGN, account, at).decision() instanceof io.duecall.domain.dial.DialDecision.Skip ? 1 : 0;
            }
        }
        assertFalse(refused == 0, "some accounts are refused, so the verdicts compared are not all the same one");
    }

    private static Eligibility eligibility(AttemptLedger ledger, ContactRules rules) {
        return new Eligibility(ledger, new InMemorySuppressionStore(), List.of(campaign()), HolidayCalendar.none(),
                Map.of(CAMPAIGN, rules));
    }

    /**
     * Three weeks of calls to 30 accounts: mostly inside the window, some too early or too late, bursts of redials,
     * answers, conversations, promises and abandons, seeded so every run writes the same ledger.
     */
    private static List<Attempt> ledgerOfThreeWeeks() {
        var random = new Random(23);
        var lines = new ArrayList<Attempt>();
        int call = 0;
        for (int day = 0; day < 21; day++) {
            for (int i = 0; i < ACCOUNTS; i++) {
                int calls = random.nextInt(10) < 7 ? random.nextInt(3) : 0;
                for (int c = 0; c < calls; c++) {
                    // 13:00-01:00 UTC is 08:00-20:00 in New York: an hour each side of the window.
                    var at = START.plus(Duration.ofDays(day)).minusSeconds(3_600)
                            .plusSeconds(random.nextInt(12 * 3_600) / 60 * 60L);
                    lines.add(line("c-" + call++, account(i), at, random));
                }
            }
        }
        lines.sort(java.util.Comparator.comparing(Attempt::originatedAt));
        return lines;
    }

    private static Attempt line(String callId, Account account, Instant at, Random random) {
        var number = account.phones().get(random.nextInt(account.phones().size())).number();
        var local = at.atZone(NEW_YORK).toLocalDateTime();
        int fate = random.nextInt(10);
        if (fate < 4) {
            return new Attempt(callId, CAMPAIGN, account.id(), number, NEW_YORK, local, at, null, null,
                    at.plusSeconds(30), CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED, null, false, null, null, null,
                    null);
        }
        if (fate < 6) {
            return new Attempt(callId, CAMPAIGN, account.id(), number, NEW_YORK, local, at, at.plusSeconds(8), null,
                    at.plusSeconds(40), CallOutcome.MACHINE, Disposition.MACHINE, null, false, null, null,
                    "reminder:3", null);
        }
        if (fate < 7) {
            return new Attempt(callId, CAMPAIGN, account.id(), number, NEW_YORK, local, at, at.plusSeconds(6), null,
                    at.plusSeconds(20), CallOutcome.ANSWERED, Disposition.ABANDONED, null, true, null, null,
                    "reminder:3", null, false, false, Disclosure.IDENTITY, List.of(NEW_YORK));
        }
        if (fate < 9) {
            return new Attempt(callId, CAMPAIGN, account.id(), number, NEW_YORK, local, at, at.plusSeconds(7), null,
                    at.plusSeconds(90), CallOutcome.ANSWERED, Disposition.NO_COMMITMENT, null, false, null, null,
                    "reminder:3", null, false, true, Disclosure.AMOUNT, List.of(NEW_YORK));
        }
        return new Attempt(callId, CAMPAIGN, account.id(), number, NEW_YORK, local, at, at.plusSeconds(5), null,
                at.plusSeconds(120), CallOutcome.ANSWERED, Disposition.PROMISE_TO_PAY, null, false,
                new Money(5_000, Currency.getInstance("USD")), LocalDate.of(2026, 12, 1), "reminder:3", null, false, true,
                Disclosure.AMOUNT, List.of(NEW_YORK));
    }

    private static Account account(int i) {
        return new Account(new AccountId("acct-" + i), "Dana Example",
                List.of(new Phone(new E164("+1212555%04d".formatted(i * 2)), PhoneType.MOBILE),
                        new Phone(new E164("+1212555%04d".formatted(i * 2 + 1)), PhoneType.HOME)),
                Optional.of(NEW_YORK), new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 10, 1), 32);
    }

    private static Campaign campaign() {
        return new Campaign(CAMPAIGN, "reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme Lending",
                "18005550100", 10, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }
}
