package io.duecall.bench;

import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisHabitStore;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.app.BestTimeScheduler;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.besttime.BestTime;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactHistory;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.domain.compliance.Suppression;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * What learning when debtors answer costs one node: the habit counts every written ledger line adds to (one script
 * on the campaign's hash), timed beside the ledger append the engine makes for that line anyway; the best-time
 * decision when an account returns to the queue (its campaign's counts read, the levels pooled, the best slot of the
 * next 24 hours chosen) beside the same decision for a campaign that does not learn; and Redis's memory for it all.
 */
final class HabitCost {
    record Result(int lines, int accounts, double appendMicros, double recordMicros, double recordP99Micros,
            int decisions, double learnedDecisionMicros, double offDecisionMicros, long habitBytes) {
        double bytesPerAccount() {
            return (double) habitBytes / accounts;
        }
    }

    static final int LINES = 100_000;
    static final int DECISIONS = 20_000;
    private static final int HISTORY = 10;
    private static final CampaignId CAMPAIGN = new CampaignId("reminders");

    private HabitCost() {}

    static Result run(UnifiedJedis jedis, int count, int decisions) {
        var keys = new RedisKeys("duecall-bench-habits");
        var ledger = new RedisAttemptLedger(jedis, keys, 1);
        var store = new RedisHabitStore(jedis, keys);
        var learned = BestTimeScheduler.learned(store, Map.of(CAMPAIGN, BestTime.defaults()));
        var off = BestTimeScheduler.off(store);
        var lines = new ArrayList<Attempt>(count);
        for (int i = 0; i < count; i++) {
            lines.add(LedgerThroughput.line(i));
        }
        long start = System.nanoTime();
        for (var line : lines) {
            ledger.append(line);
        }
        double append = (System.nanoTime() - start) / 1e3 / count;
        long[] each = new long[count];
        start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            var line = lines.get(i);
            learned.record(line, account(line));
            each[i] = System.nanoTime() - t;
        }
        double record = (System.nanoTime() - start) / 1e3 / count;
        Arrays.sort(each);
        double p99 = each[(int) (count * 0.99)] / 1e3;
        double learnedDecision = decide(learned, lines, decisions);
        double offDecision = decide(off, lines, decisions);
        long bytes = jedis.memoryUsage(keys.habits(CAMPAIGN), 0);
        return new Result(count, Math.min(count, LedgerThroughput.ACCOUNTS), append, record, p99, decisions,
                learnedDecision, offDecision, bytes);
    }

    /** Microseconds per decision: an account with {@value #HISTORY} calls behind it returns to the queue. */
    private static double decide(BestTimeScheduler scheduler, List<Attempt> lines, int decisions) {
        long start = System.nanoTime();
        for (int i = 0; i < decisions; i++) {
            var line = lines.get(i);
            var account = account(line);
            var past = new ArrayList<PastAttempt>(HISTORY);
            for (int h = 1; h <= HISTORY; h++) {
                var earlier = lines.get((i + h * 7) % lines.size());
                past.add(new PastAttempt(line.originatedAt().minus(Duration.ofHours(7L * h)), line.number(),
                        earlier.outcome(), earlier.disposition(), false));
            }
            var history = new ContactHistory(past, Suppression.none());
            scheduler.schedule(CAMPAIGN, account, history, line.number(), line.endedAt(), t -> true);
        }
        return (System.nanoTime() - start) / 1e3 / decisions;
    }

    private static Account account(Attempt line) {
        return new Account(line.account(), "Debtor", List.of(new Phone(line.number(), PhoneType.MOBILE)),
                Optional.of(line.zone()), new Money(12_345, Currency.getInstance("USD")), LocalDate.of(2026, 11, 20),
                12);
    }
}
