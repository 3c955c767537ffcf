package io.duecall.adapter.redis;

import static io.duecall.port.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duecall.devsupport.RedisServerProcess;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * An operator's import in a child process, against a redis-server of the test's own (it turns on keyspace events to
 * see the import start writing): killed with SIGKILL part-way, it leaves nothing but keys that expire; held to a
 * small heap, a large file still imports.
 */
class KilledImportTest {
    private static final CampaignId CAMPAIGN = new CampaignId("reminders");
    private static final String PREFIX = "killed-import";

    // Issue 15: kill -9 during a 50 MB import left 102,398 account hashes with no expiry.
    @Test
    void importKilledPartWayLeavesTheStoreAsItWasOnceItsStagedKeysExpire(@TempDir Path dir) throws Exception {
        var binary = RedisServerProcess.binaryOnPath();
        assumeTrue(binary.isPresent(), "no redis-server on PATH: this test starts its own");
        var file = dir.resolve("accounts.csv");
        ImportChild.writeAccounts(file, 100_000, "Sam Other");
        try (var redis = RedisServerProcess.start(binary.get(), dir.resolve("redis"));
                var jedis = new JedisPooled(redis.uri())) {
            var store = new RedisAccountStore(jedis, new RedisKeys(PREFIX));
            store.importAccounts(CAMPAIGN, List.of(Fixtures.account("A-1"), Fixtures.account("A-2")), T0);
            var before = snapshot(jedis);
            var writing = firstHashWrite(redis.uri());
            var log = dir.resolve("child.log");
            var child = ImportChild.start("256m", redis.uri(), PREFIX, CAMPAIGN.value(), file, log);
            assertTrue(writing.await(120, TimeUnit.SECONDS), "the import never started writing");

            child.destroyForcibly().waitFor();

            assertNotEquals(0, child.exitValue(), java.nio.file.Files.readString(log));
            assertEquals(2, store.queued(CAMPAIGN));
            assertEquals(Fixtures.account("A-1"), store.find(new AccountId("A-1")).orElseThrow());
            var after = snapshot(jedis);
            after.keySet().removeAll(before.keySet());
            assertTrue(after.size() > 0, "the import had staged something");
            assertTrue(after.values().stream().allMatch(ttl -> ttl > 0 && ttl <= StagedImport.STAGING_TTL.toMillis()),
                    "every key the import wrote expires: " + after.values().stream().filter(ttl -> ttl <= 0).count()
                            + " of " + after.size() + " do not");
            assertTrue(before.values().stream().allMatch(ttl -> ttl == -1), "what was stored before keeps no expiry");
        }
    }

    // Issue 18: a 50 MB import took 2.4 GB of memory.
    @Test
    void largeFileImportsWithinASmallFixedHeap(@TempDir Path dir) throws Exception {
        var binary = RedisServerProcess.binaryOnPath();
        assumeTrue(binary.isPresent(), "no redis-server on PATH: this test starts its own");
        var file = dir.resolve("accounts.csv");
        ImportChild.writeAccounts(file, 100_000, "Dana Diaz");
        try (var redis = RedisServerProcess.start(binary.get(), dir.resolve("redis"));
                var jedis = new JedisPooled(redis.uri())) {
            var log = dir.resolve("child.log");
            var child = ImportChild.start("48m", redis.uri(), PREFIX, CAMPAIGN.value(), file, log);

            int status = child.waitFor();

            var output = java.nio.file.Files.readString(log);
            assertEquals(0, status, output);
            assertTrue(output.contains("imported 100000"), output);
            assertEquals(100_000, new RedisAccountStore(jedis, new RedisKeys(PREFIX)).queued(CAMPAIGN));
            assertEquals(-1, jedis.pttl(new RedisKeys(PREFIX).queue(CAMPAIGN)), "the queue keeps no expiry");
        }
    }

    /** Every key under the prefix with its expiry in ms (-1: none). */
    private static TreeMap<String, Long> snapshot(JedisPooled jedis) {
        var keys = new TreeMap<String, Long>();
        for (var key : KeyScan.matching(jedis, PREFIX + ":*")) {
            keys.put(key, jedis.pttl(key));
        }
        return keys;
    }

    /** Counts down at the first hash written on the server, from keyspace events turned on for the purpose. */
    private static CountDownLatch firstHashWrite(java.net.URI uri) throws InterruptedException {
        var written = new CountDownLatch(1);
        var subscribed = new CountDownLatch(1);
        var listener = new Thread(() -> {
            try (var connection = new Jedis(uri)) {
                connection.configSet("notify-keyspace-events", "Eh");
                connection.subscribe(new JedisPubSub() {
                    @Override
                    public void onSubscribe(String channel, int count) {
                        subscribed.countDown();
                    }

                    @Override
                    public void onMessage(String channel, String message) {
                        written.countDown();
                        unsubscribe();
                    }
                }, "__keyevent@0__:hset");
            }
        }, "first-hash-write");
        listener.setDaemon(true);
        listener.start();
        assertTrue(subscribed.await(60, TimeUnit.SECONDS), "could not subscribe to keyspace events");
        return written;
    }
}
