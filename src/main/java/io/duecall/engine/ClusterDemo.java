package io.duecall.engine;

import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.adapter.redis.RedisServerProcess;
import io.duecall.app.ImportAccounts;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.PlacedCall;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 * Three dialer node processes sharing one Redis (append-only file, fsync every second) dial one campaign through two
 * simulated PBXs, each node spreading its calls over both; one node is killed with SIGKILL mid-campaign, the others run on past its leases, then the shared
 * ledger and the PBXs' call logs are audited ({@link ClusterAudit}).
 */
public final class ClusterDemo {
    static final CampaignId CAMPAIGN = new CampaignId("reminders");
    static final String KEY_PREFIX = "duecall-cluster";
    static final List<String> NODES = List.of("n1", "n2", "n3");
    static final String KILLED = "n2";
    private static final Set<String> ZONES_IN_WINDOW = Set.of("America/New_York", "America/Chicago");
    private static final Duration NODE_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration NODE_STOP_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration TAKE_OVER_TIMEOUT = Duration.ofSeconds(60);

    /** {@code beforeKill} and {@code afterKill} are real time; the lease is 2 campaign minutes. */
    public record Options(int accounts, Duration beforeKill, Duration afterKill, double speed, long seed, Instant start,
            Path outDir) {
        public Options {
            if (accounts < 10) {
                throw new IllegalArgumentException("accounts: " + accounts + " (expected at least 10)");
            }
            if (!(speed >= 1 && speed <= 60)) {
                throw new IllegalArgumentException("speed: " + speed + " (expected 1 to 60)");
            }
            if (afterKill.toMillis() * speed < Duration.ofMinutes(3).toMillis()) {
                throw new IllegalArgumentException("after-kill: " + afterKill.toSeconds() + " s (expected at least "
                        + (long) Math.ceil(180 / speed) + " s at speed " + speed + ", so the killed node's 2-minute"
                        + " leases run out and are dialed again)");
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
        var anchor = Instant.now();
        var clock = ScaledClock.anchored(options.start(), anchor, options.speed());
        var work = Files.createTempDirectory("duecall-cluster-");
        try (var redis = RedisServerProcess.start(binary, work.resolve("redis"));
                var jedis = new JedisPooled(redis.uri());
                var pbxs = ClusterPbxs.start(NODES, options.speed(), options.seed())) {
            out.printf("redis: redis-server on 127.0.0.1:%d, appendonly yes, appendfsync %s, data in %s%n",
                    redis.port(), RedisServerProcess.FSYNC_POLICY, work.resolve("redis"));
            var keys = new RedisKeys(KEY_PREFIX);
            var accounts = new RedisAccountStore(jedis, keys);
            importAccounts(accounts, clock, options, out);
            var nodes = new ArrayList<NodeProcess>();
            ClusterAudit.AtKill atKill;
            try {
                for (int i = 0; i < NODES.size(); i++) {
                    var name = NODES.get(i);
                    var config = options.outDir().resolve("node-" + name + ".yaml");
                    Files.writeString(config, pbxs.nodeConfig(name, i, redis.port()), StandardCharsets.UTF_8);
                    nodes.add(NodeProcess.start(name, config, options.start(), anchor, options.speed(),
                            options.outDir().resolve("node-" + name + ".log")));
                }
                for (var node : nodes) {
                    node.awaitReady(NODE_START_TIMEOUT);
                    out.printf("node %s: pid %d, AMI to %s, log %s%n", node.name(), node.pid(), pbxs.describe(node.name()),
                            options.outDir().resolve("node-" + node.name() + ".log"));
                }
                Thread.sleep(options.beforeKill().toMillis());
                var victim = nodes.get(NODES.indexOf(KILLED));
                victim.kill();
                var killedAt = clock.instant();
                atKill = new ClusterAudit.AtKill(accounts.leasesHeldBy(CAMPAIGN, KILLED),
                        promiseCalls(jedis, keys), ledgerCalls(jedis, keys));
                out.printf("killed %s (kill -9) at %s campaign time, holding %d leases; %d promises and %d ledger lines stored%n",
                        KILLED, killedAt.atZone(ZoneOffset.UTC).toLocalTime().withNano(0), atKill.leasesOfKilled().size(),
                        atKill.promiseCalls().size(), atKill.ledgerCalls().size());
                Thread.sleep(options.afterKill().toMillis());
                awaitTakeOver(jedis, keys, pbxs, atKill, out);
                for (var node : nodes) {
                    if (node != victim) {
                        out.printf("stopping %s: %s%n", node.name(), node.stop(NODE_STOP_TIMEOUT) ? "clean" : "NOT clean");
                    }
                }
            } finally {
                nodes.forEach(NodeProcess::close);
            }
            var perPbx = pbxs.callsPerPbx();
            out.printf("pbxs: pbx-1 placed %d calls, pbx-2 placed %d%n", perPbx.get(0), perPbx.get(1));
            var audit = audit(jedis, keys, accounts, pbxs, atKill, options);
            audit.print(out, KILLED);
            return audit;
        } finally {
            deleteTree(work);
        }
    }

    private static ClusterAudit audit(JedisPooled jedis, RedisKeys keys, RedisAccountStore accounts,
            ClusterPbxs pbxs, ClusterAudit.AtKill atKill, Options options) {
        var byNumber = new HashMap<String, AccountId>();
        for (int i = 1; i <= options.accounts(); i++) {
            var id = new AccountId(String.format("cl-%05d", i));
            accounts.find(id).ifPresent(account -> account.phones().forEach(phone -> {
                byNumber.put(phone.number().value(), id);
                byNumber.put(phone.number().value().replace("+", ""), id);
            }));
        }
        var ledger = new RedisAttemptLedger(jedis, keys).readAll();
        var callsOfKilled = pbxs.placedCallsOf(KILLED).stream().map(PlacedCall::callId).collect(Collectors.toSet());
        return ClusterAudit.of(ledger, pbxs.placedCalls(), byNumber, atKill, callsOfKilled, promiseCalls(jedis, keys),
                Instant.now());
    }

    /**
     * A lapsed lease puts the account back in the queue at its expiry, behind accounts that were due earlier, so the
     * survivors reach it when they reach that point of the queue; wait for that, but not forever.
     */
    private static void awaitTakeOver(JedisPooled jedis, RedisKeys keys, ClusterPbxs pbxs, ClusterAudit.AtKill atKill,
            PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + TAKE_OVER_TIMEOUT.toNanos();
        var callsOfKilled = pbxs.placedCallsOf(KILLED).stream().map(PlacedCall::callId).collect(Collectors.toSet());
        while (true) {
            var ledger = new RedisAttemptLedger(jedis, keys).readAll();
            long waiting = atKill.leasesOfKilled().entrySet().stream()
                    .filter(lease -> ledger.stream().noneMatch(a -> a.account().equals(lease.getKey())
                            && (!a.originatedAt().isBefore(lease.getValue()) || callsOfKilled.contains(a.callId()))))
                    .count();
            if (waiting == 0 || System.nanoTime() > deadline) {
                return;
            }
            out.printf("waiting for %d accounts %s held to be dialed again%n", waiting, KILLED);
            Thread.sleep(1_000);
        }
    }

    private static Set<String> promiseCalls(JedisPooled jedis, RedisKeys keys) {
        return new RedisPromiseStore(jedis, keys).all().stream().map(PromiseToPay::callId).collect(Collectors.toSet());
    }

    private static Set<String> ledgerCalls(JedisPooled jedis, RedisKeys keys) {
        return new RedisAttemptLedger(jedis, keys).readAll().stream().map(Attempt::callId).collect(Collectors.toSet());
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

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
