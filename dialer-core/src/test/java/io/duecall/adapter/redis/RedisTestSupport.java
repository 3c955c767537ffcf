package io.duecall.adapter.redis;

import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.JedisPooled;

/**
 * JUnit extension giving each test its own key prefix on one Redis shared by the whole JVM, and deleting every
 * key under that prefix afterwards. Register it as an instance field with {@code @RegisterExtension}.
 */
public final class RedisTestSupport implements BeforeEachCallback, AfterEachCallback {
    private static ProvisionedRedis server;
    private static JedisPooled jedis;

    private String prefix;

    /** The address of the Redis every test in this JVM shares. */
    public static synchronized java.net.URI sharedUri() {
        sharedJedis();
        return server.uri();
    }

    public static synchronized JedisPooled sharedJedis() {
        if (jedis == null) {
            server = RedisProvisioner.provision();
            jedis = new JedisPooled(server.uri());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                jedis.close();
                server.close();
            }, "redis-test-support-shutdown"));
        }
        return jedis;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sharedJedis();
        prefix = "duecall-test-" + UUID.randomUUID();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        KeyspaceCleaner.deleteAll(jedis, prefix);
    }

    public JedisPooled jedis() {
        return sharedJedis();
    }

    public String prefix() {
        return prefix;
    }

    public RedisKeys keys() {
        return new RedisKeys(prefix);
    }
}
