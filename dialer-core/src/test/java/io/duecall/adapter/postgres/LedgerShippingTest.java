package io.duecall.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.quartz.LocalPostgres;
import io.duecall.adapter.quartz.TcpCut;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisLedgerFeed;
import io.duecall.adapter.redis.RedisTestSupport;
import io.duecall.app.LedgerShipper;
import io.duecall.domain.attempt.Attempt;
import io.duecall.port.LedgerFeed;
import java.sql.SQLException;
import redis.clients.jedis.StreamEntryID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipper against a real Redis and a real PostgreSQL: every line reaches the table once, whatever fails. The
 * ledger is in four streams, as a sharded one is.
 */
class LedgerShippingTest {
    static final int SHARDS = 4;
    static final Instant START = Instant.parse("2026-12-06T15:00:00Z");
    static final Duration KEEP = Duration.ofDays(2);

    @RegisterExtension
    final RedisTestSupport redis = support();
    private LocalPostgres postgres;
    private PostgresLedgerArchive archive;
    private RedisAttemptLedger ledger;
    private int written;

    /** The Redis the tests run on; {@link LedgerShippingClusterTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }

    /** Four streams on one Redis; on a cluster, as many as the engine uses there. */
    int shards() {
        return SHARDS;
    }

    @BeforeEach
    void start() throws SQLException {
        postgres = LocalPostgres.orSkip();
        archive = new PostgresLedgerArchive(postgres.dataSource(), Clock.fixed(START, ZoneOffset.UTC));
        archive.migrate();
        ledger = new RedisAttemptLedger(redis.jedis(), redis.keys(), shards());
    }

    @AfterEach
    void stop() throws SQLException {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A shipper keeping no shipped line in Redis. */
    private LedgerShipper shipper(String name, PostgresLedgerArchive to, Duration claimAfter) {
        return shipper(name, to, claimAfter, Duration.ZERO);
    }

    private LedgerShipper shipper(String name, PostgresLedgerArchive to, Duration claimAfter, Duration keep) {
        return new LedgerShipper(new RedisLedgerFeed(redis.jedis(), ledger), to, name, 100, claimAfter, keep);
    }

    private List<Attempt> dial(int calls) {
        var lines = new ArrayList<Attempt>();
        for (int i = 0; i < calls; i++) {
            int n = written++;
            var line = n % 3 == 0 ? Lines.promise("c-" + n, "acct-" + n % 97, START.plusSeconds(n))
                    : Lines.noAnswer("c-" + n, "acct-" + n % 97, START.plusSeconds(n));
            ledger.append(line);
            lines.add(line);
        }
        return lines;
    }

    private long distinctCallsInTable() throws SQLException {
        try (var connection = postgres.dataSource().getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(distinct call_id), count(*) from attempts")) {
            rows.next();
            assertEquals(rows.getLong(1), rows.getLong(2), "a call has more than one row");
            return rows.getLong(1);
        }
    }

    @Test
    void everyLineIsShippedOnceAndRedisKeepsOnlyWhatTheRetentionWindowHolds() throws SQLException {
        var lines = dial(450);
        var feed = new RedisLedgerFeed(redis.jedis(), ledger);

        // Within the window (two days) nothing is trimmed, shipped or not.
        assertEquals(450, shipper("node-a", archive, Duration.ofMinutes(1), KEEP).shipAll());
        assertEquals(450, feed.retained());
        assertEquals(0, feed.unshipped());
        // With no window, the shipped lines go.
        shipper("node-a", archive, Duration.ofMinutes(1)).shipOnce();
        assertEquals(0, feed.retained());

        assertEquals(450, distinctCallsInTable());
        var read = new ArrayList<Attempt>();
        archive.forEach(Instant.EPOCH, START.plus(Duration.ofDays(1)), read::add);
        assertEquals(lines, read);
    }

    @Test
    void theSingleStreamAnOlderBuildWroteIsReadAndShippedBesideTheShards() throws SQLException {
        var written = Lines.promise("c-before-sharding", "acct-1", START.minusSeconds(60));
        new RedisAttemptLedger(redis.jedis(), redis.keys(), 1).append(written);
        var lines = dial(20);

        assertEquals(21, ledger.readAll().size());
        assertEquals(written, ledger.readAll().getFirst());
        assertEquals(21, shipper("node-a", archive, Duration.ofMinutes(1)).shipAll());
        assertEquals(21, distinctCallsInTable());
        assertEquals(lines.size() + 1, archive.count());
    }

    @Test
    void withoutPostgresRedisKeepsTheWindowAndTrimsWhatIsOlder() {
        dial(60);
        var feed = new RedisLedgerFeed(redis.jedis(), ledger);

        assertEquals(0, feed.trim(Duration.ofDays(31)), "every line is within the window");
        assertEquals(60, feed.retained());
        assertEquals(0, feed.unshipped(), "nothing ships this ledger");

        assertEquals(60, feed.trim(Duration.ZERO));
        assertEquals(0, feed.retained());
    }

    @Test
    void linesNotYetShippedAreNeverTrimmedHoweverOld() {
        dial(50);
        var feed = new RedisLedgerFeed(redis.jedis(), ledger);
        feed.take("node-a", 10, Duration.ofMinutes(1));

        assertEquals(0, feed.trim(Duration.ZERO));

        assertEquals(50, feed.retained());
        assertEquals(50, feed.unshipped());
    }

    @Test
    void duringAPostgresOutageDialingGoesOnAndAfterItEveryLineArrivesOnce() throws Exception {
        try (var relay = new TcpCut(postgres.host(), postgres.port())) {
            var viaRelay = new PostgresLedgerArchive(dataSourceVia(relay.port()), Clock.fixed(START, ZoneOffset.UTC));
            var shipper = shipper("node-a", viaRelay, Duration.ofMinutes(1));
            dial(120);
            assertEquals(120, shipper.shipAll());

            relay.cut();
            dial(300);
            var during = shipper.shipOnce();
            dial(80);

            assertFalse(during.ok());
            assertTrue(during.failure().startsWith("postgres: store"), during.failure());
            assertTrue(shipper.outage() != null);
            var feed = new RedisLedgerFeed(redis.jedis(), ledger);
            assertEquals(380, feed.retained(), "only shipped lines are trimmed");
            assertEquals(380, feed.unshipped());

            relay.restore();
            assertEquals(380, shipper.shipAll());
            assertEquals(null, shipper.outage());
            assertEquals(500, distinctCallsInTable());
            assertEquals(0, feed.retained());
        }
    }

    @Test
    void aShipperKilledBetweenItsCommitAndItsAckLeavesItsLinesToAnotherWhichStoresThemOnce() throws SQLException {
        dial(200);
        var feed = new RedisLedgerFeed(redis.jedis(), ledger);
        // node-a takes a batch and commits it to PostgreSQL, then dies (kill -9) before its XACK: its entries stay
        // pending under its name, as Redis keeps them for a consumer that never comes back.
        var held = feed.take("node-a", 30, Duration.ofMinutes(1));
        archive.store(held.stream().map(LedgerFeed.Line::attempt).toList());
        assertEquals(Math.min(200, 30 * shards()), held.size());

        // While node-a could still be alive (held for less than claimAfter), node-b leaves its lines alone.
        var patient = shipper("node-b", archive, Duration.ofHours(1));
        assertEquals(200 - held.size(), patient.shipAll());
        assertEquals(held.size(), feed.unshipped());

        // Past claimAfter (0 here: node-a is known dead), node-b claims them (XAUTOCLAIM); they are stored once.
        var claiming = shipper("node-b", archive, Duration.ZERO);
        claiming.shipAll();

        assertEquals(0, feed.unshipped());
        assertEquals(0, feed.retained());
        assertEquals(200, distinctCallsInTable());
    }

    @Test
    void aShippingNodeKilledWithSigkillAfterItsCommitLeavesItsLinesToAnotherWhichStoresThemOnce(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(redis.clustered(), "the child process connects to one Redis");
        dial(400);
        var log = dir.resolve("shipper.log");
        var child = ShipperChild.start(RedisTestSupport.sharedUri(), redis.prefix(), shards(), postgres.jdbcUrl(),
                "node-killed", log);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!java.nio.file.Files.readString(log).contains("committed") && child.isAlive()
                    && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            assertTrue(java.nio.file.Files.readString(log).contains("committed"), java.nio.file.Files.readString(log));
        } finally {
            child.destroyForcibly().waitFor();
        }
        var feed = new RedisLedgerFeed(redis.jedis(), ledger);
        long held = feed.heldBy("node-killed");
        assertTrue(held > 0, "the killed node held lines it had stored and not acknowledged");
        long storedBefore = distinctCallsInTable();

        long stored = shipper("node-b", archive, Duration.ZERO).shipAll();

        assertEquals(0, feed.heldBy("node-killed"));
        assertEquals(0, feed.unshipped());
        assertEquals(400, distinctCallsInTable());
        assertEquals(400 - storedBefore, stored, "lines the killed node had stored are not stored again");
    }

    @Test
    void twoShippersAtOnceWhileCallsAreWrittenShipEveryLineOnce() throws Exception {
        var a = shipper("node-a", archive, Duration.ofMinutes(1));
        var b = shipper("node-b", archive, Duration.ofMinutes(1));
        try (var threads = Executors.newFixedThreadPool(3)) {
            var dialing = threads.submit(() -> dial(1_500));
            Callable<Long> shipA = () -> shipUntil(a, dialing);
            Callable<Long> shipB = () -> shipUntil(b, dialing);
            var shippedA = threads.submit(shipA);
            var shippedB = threads.submit(shipB);
            dialing.get();
            long total = shippedA.get() + shippedB.get();
            total += a.shipAll() + b.shipAll();
            assertEquals(1_500, total, "lines newly stored by the two shippers together");
        }
        assertEquals(1_500, distinctCallsInTable());
        assertEquals(0, new RedisLedgerFeed(redis.jedis(), ledger).retained());
    }

    private static long shipUntil(LedgerShipper shipper, java.util.concurrent.Future<?> dialing) {
        long stored = 0;
        while (!dialing.isDone()) {
            stored += shipper.shipOnce().stored();
        }
        return stored;
    }

    @Test
    void anUnreadableEntryStaysInRedisUnshippedAndTheOthersGoOn() throws SQLException {
        dial(10);
        var stream = ledger.streams().getFirst();
        redis.jedis().xadd(stream, StreamEntryID.NEW_ENTRY, java.util.Map.of("callId", "c-broken"));
        dial(10);

        shipper("node-a", archive, Duration.ofMinutes(1)).shipAll();

        assertEquals(20, distinctCallsInTable());
        var feed = new RedisLedgerFeed(redis.jedis(), ledger);
        assertEquals(1, feed.unshipped());
        assertTrue(feed.retained() >= 1);
        assertEquals("c-broken", redis.jedis().xrange(stream, "-", "+").getFirst().getFields().get("callId"));
    }

    private javax.sql.DataSource dataSourceVia(int port) {
        var source = new org.postgresql.ds.PGSimpleDataSource();
        source.setUrl(postgres.jdbcUrl(port));
        source.setUser("postgres");
        source.setConnectTimeout(2);
        source.setSocketTimeout(10);
        return source;
    }
}
