package io.duecall.bench;

import io.duecall.common.ProgressReporter;
import java.io.PrintStream;
import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.app.ImportAccounts;
import io.duecall.domain.campaign.CampaignId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.BitSet;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/**
 * Imports a generated campaign of {@code accounts} through the operators' CSV import into a dedicated Redis, then
 * claims every account as a dialer would, and runs redis-benchmark against the same server for the limit.
 */
final class RedisThroughput {
    static final CampaignId CAMPAIGN = new CampaignId("bench-claims");
    private static final Duration LEASE = Duration.ofMinutes(10);

    /** What one run measured; {@code claimErrors} counts accounts claimed twice or never. */
    record Result(int accounts, double importSeconds, double bytesPerAccount, long claimed, int claimErrors,
            double claimsPerSecond, RedisBenchmarkTool.Rates limit) {}

    private final JedisPooled jedis;
    private final URI uri;
    private final Clock clock;
    private final PrintStream progressOut;

    /** Progress of the import and the claims goes to {@code progressOut}, a bar when it is a terminal. */
    RedisThroughput(JedisPooled jedis, URI uri, Clock clock, PrintStream progressOut) {
        this.jedis = jedis;
        this.uri = uri;
        this.clock = clock;
        this.progressOut = progressOut;
    }

    Result run(int accounts, int claimBatch, Path workDir, boolean runRedisBenchmark) throws IOException {
        var keys = new RedisKeys("bench");
        var store = new RedisAccountStore(jedis, keys);
        var csv = workDir.resolve("bench-accounts-" + accounts + ".csv");
        try (var out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            BenchAccounts.write(out, "A", accounts, clock.instant().atZone(clock.getZone()).toLocalDate(), 7L);
        }
        long memoryBefore = usedMemory();
        var importer = new ImportAccounts(new AccountCsvReader("US"), store, clock);
        long start;
        int imported;
        double importSeconds;
        try (var progress = ProgressReporter.on(progressOut, "import", accounts)) {
            start = System.nanoTime();
            imported = importer.withProgress(progress::update).fromFile(CAMPAIGN, csv);
            importSeconds = (System.nanoTime() - start) / 1e9;
        }
        long memoryAfter = usedMemory();
        Files.deleteIfExists(csv);
        if (imported != accounts || store.queued(CAMPAIGN) != accounts) {
            throw new IllegalStateException("import: " + imported + " read and " + store.queued(CAMPAIGN)
                    + " queued (expected " + accounts + ")");
        }

        var seen = new BitSet(accounts);
        int errors = 0;
        long claimed = 0;
        var now = clock.instant();
        var progress = ProgressReporter.on(progressOut, "claim", accounts);
        start = System.nanoTime();
        while (true) {
            var batch = store.claim(CAMPAIGN, claimBatch, now, LEASE);
            if (batch.isEmpty()) {
                break;
            }
            progress.update(claimed + batch.size());
            for (var claim : batch) {
                int index = BenchAccounts.index(claim.account().id().value());
                if (seen.get(index)) {
                    errors++;
                }
                seen.set(index);
            }
            claimed += batch.size();
        }
        double claimSeconds = (System.nanoTime() - start) / 1e9;
        progress.close();
        errors += accounts - seen.cardinality();
        var limit = runRedisBenchmark ? RedisBenchmarkTool.run(uri.getPort()) : RedisBenchmarkTool.Rates.NOT_RUN;
        return new Result(accounts, importSeconds, (memoryAfter - memoryBefore) / (double) accounts, claimed, errors,
                claimed / claimSeconds, limit);
    }

    private long usedMemory() {
        String info;
        try (var connection = new Jedis(uri)) {
            info = connection.info("memory");
        }
        for (var line : info.split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).strip());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory line");
    }

}
