package io.duecall.bench;

import io.duecall.adapter.postgres.LedgerDatabase;
import io.duecall.adapter.postgres.PostgresLedgerArchive;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisLedgerFeed;
import io.duecall.app.LedgerShipper;
import io.duecall.devsupport.LocalPostgres;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.DialContext;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The ledger's figures: lines appended to the Redis ledger as the engine appends them (stream, account history, one
 * Lua script each), then shipped into PostgreSQL by the engine's own shipper (batches of its size, its consumer
 * group, acknowledged and trimmed after each commit) until every line is there, timed; and Redis's memory per line.
 */
final class LedgerThroughput {
    record Result(int lines, double appendSeconds, double shipSeconds, long storedInPostgres, long leftInRedis,
            double streamBytesPerLine, double redisBytesPerLine, double bytesPerLineAfterTrim, String postgres) {
        double shippedPerSecond() {
            return storedInPostgres / shipSeconds;
        }
    }

    static final int ACCOUNTS = 20_000;
    static final int BATCH = 1_000;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant START = Instant.parse("2026-12-01T14:00:00Z");

    private LedgerThroughput() {}

    static Result run(UnifiedJedis jedis, java.net.URI uri, int lines) throws Exception {
        var postgres = LocalPostgres.shared();
        try (var schema = postgres.newSchema("duecall_bench");
                var archive = PostgresLedgerArchive.open(new LedgerDatabase(schema.jdbcUrl(), schema.user(), null),
                        Clock.systemUTC())) {
            archive.migrate();
            var keys = new RedisKeys("duecall-bench-ledger");
            var ledger = new RedisAttemptLedger(jedis, keys, 1);
            long memoryBefore = usedMemory(uri);
            long start = System.nanoTime();
            for (int i = 0; i < lines; i++) {
                ledger.append(line(i));
            }
            double appendSeconds = (System.nanoTime() - start) / 1e9;
            long memoryAfter = usedMemory(uri);
            var stream = ledger.streams().getFirst();
            long streamBytes = jedis.memoryUsage(stream, 0);
            var shipper = new LedgerShipper(new RedisLedgerFeed(jedis, ledger), archive, "bench", BATCH,
                    Duration.ofMinutes(1), Duration.ZERO);
            start = System.nanoTime();
            long stored = shipper.shipAll();
            double shipSeconds = (System.nanoTime() - start) / 1e9;
            long memoryTrimmed = usedMemory(uri);
            var result = new Result(lines, appendSeconds, shipSeconds, archive.count(), ledger.size(),
                    (double) streamBytes / lines, (double) (memoryAfter - memoryBefore) / lines,
                    (double) (memoryTrimmed - memoryBefore) / lines, postgres.description());
            if (stored != lines) {
                throw new IllegalStateException("the shipper stored " + stored + " of " + lines + " lines");
            }
            return result;
        }
    }

    private static long usedMemory(java.net.URI uri) {
        String info;
        try (var connection = new redis.clients.jedis.Jedis(uri)) {
            info = connection.info("memory");
        }
        for (var row : info.split("\r?\n")) {
            if (row.startsWith("used_memory:")) {
                return Long.parseLong(row.substring("used_memory:".length()).strip());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    /** A line as a reminder campaign writes it: a third promise, the rest unanswered or machines, every field set. */
    static Attempt line(int i) {
        var account = new AccountId("acct-%06d".formatted(i % ACCOUNTS));
        var number = new E164("+1212%07d".formatted(i % ACCOUNTS));
        var at = START.plusMillis(i * 250L);
        var local = at.atZone(NEW_YORK).toLocalDateTime();
        var context = new DialContext("rules-0a1b2c3d4e5f", i % 3, i % 2, 0);
        if (i % 3 == 0) {
            return new Attempt("c-%08d-4b1e-9c2a-6f0d3e5a7b21".formatted(i), new CampaignId("reminders"), account, number,
                    NEW_YORK, local, at, at.plusSeconds(9), null, at.plusSeconds(95), CallOutcome.ANSWERED,
                    Disposition.PROMISE_TO_PAY, null, false, new Money(12_345, Currency.getInstance("USD")),
                    LocalDate.of(2026, 12, 20), "reminder:3", context, false, true, Disclosure.AMOUNT, List.of(NEW_YORK),
                    at.plusMillis(40));
        }
        return new Attempt("c-%08d-4b1e-9c2a-6f0d3e5a7b21".formatted(i), new CampaignId("reminders"), account, number,
                NEW_YORK, local, at, null, null, at.plusSeconds(30), CallOutcome.NO_ANSWER, Disposition.NOT_CONNECTED,
                null, false, null, null, null, context, false, false, Disclosure.NOTHING, List.of(NEW_YORK),
                at.plusMillis(40));
    }
}
