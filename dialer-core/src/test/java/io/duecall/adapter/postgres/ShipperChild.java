package io.duecall.adapter.postgres;

import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisLedgerFeed;
import io.duecall.app.LedgerShipper;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.compliance.PastAttempt;
import io.duecall.port.LedgerArchive;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import redis.clients.jedis.JedisPooled;

/**
 * A node's shipper in a process of its own, for the test that kills it with SIGKILL:
 * {@code ShipperChild <redis uri> <key prefix> <shards> <jdbc url> <name>}. It ships with the engine's shipper and
 * archive; once its second batch is committed to PostgreSQL it prints {@code committed}, and stalls before the
 * acknowledgement, the instant a kill leaves lines stored but still pending in Redis.
 */
public final class ShipperChild {
    private ShipperChild() {}

    public static void main(String[] args) throws Exception {
        try (var jedis = new JedisPooled(URI.create(args[0]));
                var archive = PostgresLedgerArchive.open(new LedgerDatabase(args[3], "postgres", null),
                        Clock.systemUTC())) {
            var ledger = new RedisAttemptLedger(jedis, new RedisKeys(args[1]), Integer.parseInt(args[2]));
            var shipper = new LedgerShipper(new RedisLedgerFeed(jedis, ledger), new StallingAfter(2, archive), args[4],
                    50, Duration.ofMinutes(1), Duration.ZERO);
            shipper.shipAll();
        }
    }

    /** Starts it in a child JVM sharing this JVM's class path; its output goes to {@code log}. */
    static Process start(URI redis, String prefix, int shards, String jdbcUrl, String name, Path log)
            throws java.io.IOException {
        var java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-Xmx128m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), ShipperChild.class.getName(),
                redis.toString(), prefix, Integer.toString(shards), jdbcUrl, name)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The archive, stalling for good once its {@code n}th batch is committed. */
    private record StallingAfter(int n, LedgerArchive archive) implements LedgerArchive {
        private static final int[] BATCHES = {0};

        @Override
        public int store(List<Attempt> lines) {
            int stored = archive.store(lines);
            if (++BATCHES[0] == n) {
                System.out.println("committed " + lines.size());
                System.out.flush();
                while (true) {
                    java.util.concurrent.locks.LockSupport.park();
                }
            }
            return stored;
        }

        @Override
        public void forEach(Instant from, Instant to, Consumer<Attempt> sink) {
            archive.forEach(from, to, sink);
        }

        @Override
        public List<Attempt> endedSince(Instant since) {
            return archive.endedSince(since);
        }

        @Override
        public List<PastAttempt> history(AccountId account, Instant since) {
            return archive.history(account, since);
        }

        @Override
        public List<PastAttempt> latest(AccountId account, int max) {
            return archive.latest(account, max);
        }

        @Override
        public Map<E164, Integer> locationCalls(AccountId account) {
            return archive.locationCalls(account);
        }

        @Override
        public Set<String> stored(Collection<String> callIds) {
            return archive.stored(callIds);
        }

        @Override
        public long count() {
            return archive.count();
        }

        @Override
        public List<YearMonth> months() {
            return archive.months();
        }

        @Override
        public List<YearMonth> dropBefore(YearMonth month) {
            return archive.dropBefore(month);
        }
    }
}
