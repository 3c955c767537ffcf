package io.duecall.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KeyspaceCleanerTest {
    @RegisterExtension
    final RedisTestSupport redis = support();

    /** The Redis the tests run on; {@link RedisClusterStoresTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }

    @Test
    void deletesEveryKeyUnderThePrefixAndNothingElse() {
        var jedis = redis.jedis();
        for (int i = 0; i < 1_200; i++) {
            jedis.set(redis.prefix() + ":k" + i, "v");
        }
        var neighbour = redis.prefix() + "x:kept";
        jedis.set(neighbour, "v");

        long deleted = KeyspaceCleaner.deleteAll(jedis, redis.prefix());

        assertEquals(1_200, deleted);
        assertEquals(0, KeyspaceCleaner.deleteAll(jedis, redis.prefix()));
        assertEquals("v", jedis.get(neighbour));
        jedis.del(neighbour);
    }

    @Test
    void refusesAPrefixThatWouldMatchMoreThanItself() {
        var error = assertThrows(IllegalArgumentException.class, () -> KeyspaceCleaner.deleteAll(redis.jedis(), "*"));

        assertEquals("redis.keyPrefix: '*' (expected 1-64 characters of A-Z a-z 0-9 . _ -)", error.getMessage());
    }
}
