package io.duecall.demo;

import io.duecall.engine.ScaledClock;
import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.postgres.LedgerDatabase;
import io.duecall.adapter.postgres.PostgresLedgerArchive;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisLedgerFeed;
import io.duecall.app.ArchivedLedger;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.app.ImportAccounts;
import io.duecall.devsupport.DirectoryTrees;
import io.duecall.devsupport.LoopbackPorts;
import io.duecall.devsupport.PostgresServerProcess;
import io.duecall.devsupport.RedisServerProcess;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseToPay;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.JedisPooled;

/**
 * Three dialer node processes sharing one Redis (append-only file, fsync every second) and one PostgreSQL (their
 * clustered Quartz and the ledger's system of record, which every node ships its lines to) dial one campaign through two simulated PBXs, each node spreading its calls over both; one node is killed with SIGKILL mid-campaign, the others run on past its leases, then the shared
 * ledger and the PBXs' call logs are audited ({@link ClusterAudit}).
 */
public final class ClusterDemo {
    static final CampaignId CAMPAIGN = new CampaignId("reminders");
    static final String KEY_PREFIX = "duecall-cluster";
    static final List<String> NODES = List.of("n1", "n2", "n3");
    /** Killed when no node holds more leases than another. */
    static final String PREFERRED_VICTIM = "n2";
    private static final Set<String> ZONES_IN_WINDOW = Set.of("America/New_York", "America/Chicago");
    private static final Duration NODE_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration NODE_STOP_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration TAKE_OVER_TIMEOUT = Duration.ofSeconds(60);
    /** Longer than a node's wait before it claims a dead node's unshipped lines (30 s). */
    private static final Duration SHIPPED_TIMEOUT = Duration.ofSeconds(45);
    static final Duration REDIS_RETENTION = Duration.ofSeconds(1);

    /** {@code beforeKill} and {@code afterKill} are real time; the lease is {@link ClusterPbxs#LEASE} of campaign time. */
    public record Options(int accounts, Duration beforeKill, Duration afterKill, double speed, long seed, Instant start,
            Path outDir) {
        public Options {
            if (accounts < 10) {
                throw new IllegalArgumentException("accounts: " + accounts + " (expected at least 10)");
            }
            if (!(speed >= 1 && speed <= 60)) {
                throw new IllegalArgumentException("speed: " + speed + " (expected 1 to 60)");
            }
            var needed = ClusterPbxs.LEASE.plusMinutes(1);
            if (afterKill.toMillis() * speed < needed.toMillis()) {
                throw new IllegalArgumentException("after-kill: " + afterKill.toSeconds() + " s (expected at least "
                        + (long) Math.ceil(needed.toSeconds() / speed) + " s at speed " + speed + ", so the killed"
                        + " node's " + ClusterPbxs.LEASE + " leases run out and are dialed again)");
            }
        }

        public static Options defaults() {
            return new Options(900, Duration.ofSeconds(25), Duration.ofSeconds(25), 30, 11,
                    Instant.parse("2026-11-24T17:45:00Z"), Path.of("run", "cluster"));
        }
    }

    private ClusterDemo() {}

    public static ClusterAudit run(Options options, PrintStream out) throws Exception {
        Files.createDirectories(options.outDir());
        var binary = RedisServerProcess.binaryOnPath().orElseThrow(() -> new IllegalStateException(
                "cluster-demo starts its own redis-server with an append-only file, but none is on PATH"));
        requirePostgres();
        var anchor = Instant.now();
        var clock = ScaledClock.anchored(options.start(), anchor, options.speed());
        var work = Files.createTempDirectory("duecall-cluster-");
        try (var redis = RedisServerProcess.start(binary, work.resolve("redis"));
                var postgres = PostgresServerProcess.start();
                var jedis = new JedisPooled(redis.uri());
                var pbxs = ClusterPbxs.start(NODES, options.speed(), options.seed(), clock);
                var archive = PostgresLedgerArchive.open(new LedgerDatabase(postgres.jdbcUrl(ClusterPbxs.DATABASE),
                        "postgres", null), clock)) {
            out.printf("redis: redis-server on 127.0.0.1:%d, appendonly yes, appendfsync %s, data in %s%n",
                    redis.port(), RedisServerProcess.FSYNC_POLICY, work.resolve("redis"));
            out.printf("postgresql: on 127.0.0.1:%d (initdb into a temporary directory), clustered Quartz for the nodes'"
                    + " daily promise sweep and the ledger at %s; every node ticks its own dialing every %d ms and ships"
                    + " the ledger's lines there, Redis keeping %s of them%n", postgres.port(),
                    postgres.jdbcUrl(ClusterPbxs.DATABASE), ClusterPbxs.TICK_INTERVAL.toMillis(), REDIS_RETENTION);
            var keys = new RedisKeys(KEY_PREFIX);
            var ledger = new ArchivedLedger(new RedisAttemptLedger(jedis, keys), archive);
            var accounts = new RedisAccountStore(jedis, keys);
            importAccounts(accounts, clock, options, out);
            var nodes = new ArrayList<NodeProcess>();
            ClusterAudit.AtKill atKill;
            String killed;
            try {
                for (int i = 0; i < NODES.size(); i++) {
                    var name = NODES.get(i);
                    var config = options.outDir().resolve("node-" + name + ".yaml");
                    // Each run's journals start empty: a journal left by an earlier run must not replay into this Redis.
                    // The ledger's PostgreSQL is the Quartz one; Redis keeps a second of shipped lines, so the
                    // streams are seen trimmed.
                    Files.writeString(config, pbxs.nodeConfig(name, i, redis.port(),
                            postgres.jdbcUrl(ClusterPbxs.DATABASE)) + "journal:\n  dir: \"" + work.resolve("journal")
                            + "\"\nledger:\n  postgres: { url: \"" + postgres.jdbcUrl(ClusterPbxs.DATABASE)
                            + "\", user: postgres }\n  redisRetention: " + REDIS_RETENTION + "\n", StandardCharsets.UTF_8);
                    nodes.add(NodeProcess.start(name, config, pbxs.nodeEnvironment(), options.start(), anchor,
                            options.speed(), options.outDir().resolve("node-" + name + ".log")));
                }
                for (var node : nodes) {
                    node.awaitReady(NODE_START_TIMEOUT);
                    out.printf("node %s: pid %d, AMI to %s, log %s%n", node.name(), node.pid(), pbxs.describe(node.name()),
                            options.outDir().resolve("node-" + node.name() + ".log"));
                }
                Thread.sleep(options.beforeKill().toMillis());
                awaitLeases(accounts);
                // Kill the node holding the most leases, so its calls and leases are what the others must take over.
                var leases = NODES.stream().map(n -> n + " " + accounts.leasesHeldBy(CAMPAIGN, n).size())
                        .collect(Collectors.joining(", "));
                killed = busiestNode(accounts);
                var victim = nodes.get(NODES.indexOf(killed));
                victim.kill();
                var killedAt = clock.instant();
                atKill = new ClusterAudit.AtKill(killedAt, accounts.leasesHeldBy(CAMPAIGN, killed),
                        promiseCalls(jedis, keys), ledgerCalls(ledger));
                out.printf("leases held: %s%n", leases);
                out.printf("killed %s (kill -9) at %s campaign time, holding %d leases; %d promises and %d ledger lines stored%n",
                        killed, killedAt.atZone(ZoneOffset.UTC).toLocalTime().withNano(0), atKill.leasesOfKilled().size(),
                        atKill.promiseCalls().size(), atKill.ledgerCalls().size());
                Thread.sleep(options.afterKill().toMillis());
                awaitTakeOver(ledger, pbxs, atKill, killed, out);
                awaitShipped(new RedisLedgerFeed(jedis, new RedisAttemptLedger(jedis, keys)), killed, out);
                for (var node : nodes) {
                    if (node != victim) {
                        out.printf("stopping %s: %s%n", node.name(), node.stop(NODE_STOP_TIMEOUT) ? "clean" : "NOT clean");
                    }
                }
            } finally {
                nodes.forEach(NodeProcess::close);
            }
            var perPbx = pbxs.callsPerPbx();
            out.printf("pbxs: pbx-1 placed %d calls, pbx-2 placed %d; by node: %s%n", perPbx.get(0), perPbx.get(1),
                    NODES.stream().map(n -> n + " " + pbxs.callIdsOf(n).size()).collect(Collectors.joining(", ")));
            var audit = audit(jedis, keys, ledger, accounts, pbxs, atKill, killed, options, clock);
            audit.print(out, killed);
            return audit;
        } finally {
            DirectoryTrees.delete(work);
        }
    }

    /** Waits (5 s at most) until some node holds a lease, so the kill leaves calls and leases to take over. */
    private static void awaitLeases(RedisAccountStore accounts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (NODES.stream().allMatch(n -> accounts.leasesHeldBy(CAMPAIGN, n).isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** The node holding the most leases of the campaign now, {@link #PREFERRED_VICTIM} on a tie. */
    private static String busiestNode(RedisAccountStore accounts) {
        var busiest = PREFERRED_VICTIM;
        int most = accounts.leasesHeldBy(CAMPAIGN, busiest).size();
        for (var node : NODES) {
            int held = accounts.leasesHeldBy(CAMPAIGN, node).size();
            if (held > most) {
                busiest = node;
                most = held;
            }
        }
        return busiest;
    }

    /** PostgreSQL's programs are looked for before anything starts, so a missing one is named at once. */
    private static void requirePostgres() throws IOException {
        if (PostgresServerProcess.binaries().isEmpty()) {
            throw new IllegalStateException("cluster-demo starts its own PostgreSQL for the nodes' clustered Quartz,"
                    + " but no PostgreSQL programs (initdb, pg_ctl) are in /usr/lib/postgresql/*/bin or on PATH;"
                    + " install them (Debian: apt-get install postgresql)");
        }
    }

    private static ClusterAudit audit(JedisPooled jedis, RedisKeys keys, ArchivedLedger ledger, RedisAccountStore accounts,
            ClusterPbxs pbxs, ClusterAudit.AtKill atKill, String killed, Options options, java.time.Clock clock) {
        var byNumber = new HashMap<String, AccountId>();
        for (int i = 1; i <= options.accounts(); i++) {
            var id = new AccountId(String.format("cl-%05d", i));
            accounts.find(id).ifPresent(account -> account.phones().forEach(phone -> {
                byNumber.put(phone.number().value(), id);
                byNumber.put(phone.number().value().replace("+", ""), id);
            }));
        }
        var redisLedger = new RedisAttemptLedger(jedis, keys);
        long appended = 0;
        for (var stream : redisLedger.streams()) {
            if (jedis.exists(stream)) {
                var added = jedis.xinfoStream(stream).getStreamInfo().get("entries-added");
                appended += added instanceof Long n ? n : jedis.xlen(stream);
            }
        }
        var storage = new ClusterAudit.LedgerStorage(archive(ledger).count(), redisLedger.size(), appended);
        return ClusterAudit.of(ledger.readAll(), pbxs.placedCalls(), byNumber, atKill, pbxs.callIdsOf(killed),
                promiseCalls(jedis, keys), clock.instant(),
                io.duecall.domain.compliance.AttemptLimits.defaults().minimumGap(), storage);
    }

    /**
     * A lapsed lease puts the account back in the queue at its expiry, behind accounts that were due earlier, so the
     * survivors reach it when they reach that point of the queue; wait for that, but not forever.
     */
    private static void awaitTakeOver(ArchivedLedger archived, ClusterPbxs pbxs, ClusterAudit.AtKill atKill,
            String killed, PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + TAKE_OVER_TIMEOUT.toNanos();
        var callsOfKilled = pbxs.callIdsOf(killed);
        while (true) {
            var ledger = archived.readAll();
            long waiting = atKill.leasesOfKilled().entrySet().stream()
                    .filter(lease -> ledger.stream().noneMatch(a -> a.account().equals(lease.getKey())
                            && (!a.originatedAt().isBefore(lease.getValue()) || callsOfKilled.contains(a.callId()))))
                    .count();
            if (waiting == 0 || System.nanoTime() > deadline) {
                return;
            }
            out.printf("waiting for %d accounts %s held to be dialed again%n", waiting, killed);
            Thread.sleep(1_000);
        }
    }

    private static Set<String> promiseCalls(JedisPooled jedis, RedisKeys keys) {
        return new RedisPromiseStore(jedis, keys).all().stream().map(PromiseToPay::callId).collect(Collectors.toSet());
    }

    private static Set<String> ledgerCalls(ArchivedLedger ledger) {
        return ledger.readAll().stream().map(Attempt::callId).collect(Collectors.toSet());
    }

    private static io.duecall.port.LedgerArchive archive(ArchivedLedger ledger) {
        return ledger.archive();
    }

    /**
     * Waits until the killed node holds no unshipped line (it may have died between taking a batch and acknowledging
     * it): a surviving node claims such lines once they have waited 30 s, and ships them.
     */
    private static void awaitShipped(RedisLedgerFeed feed, String killed, PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + SHIPPED_TIMEOUT.toNanos();
        long held = feed.heldBy(killed);
        if (held > 0) {
            out.printf("waiting for the %d ledger lines %s took and never shipped to be claimed by another node%n", held,
                    killed);
        }
        while (held > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            held = feed.heldBy(killed);
        }
    }

    private static void importAccounts(RedisAccountStore accounts, java.time.Clock clock, Options options, PrintStream out)
            throws IOException {
        var file = options.outDir().resolve("cluster-accounts.csv");
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            DemoAccounts.write(writer, "cl", options.accounts(), 1, 29, options.start().atZone(ZoneOffset.UTC).toLocalDate(),
                    options.seed(), ZONES_IN_WINDOW);
        }
        int imported = new ImportAccounts(new AccountCsvReader(null), accounts, clock).fromFile(CAMPAIGN, file);
        out.printf("imported %d accounts into %s from %s%n", imported, CAMPAIGN, file);
    }
}
