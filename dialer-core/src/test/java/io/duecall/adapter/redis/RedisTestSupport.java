package io.duecall.adapter.redis;

import io.duecall.devsupport.LocalRedis;
import io.duecall.devsupport.LocalRedisCluster;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * JUnit extension giving each test its own key prefix on one Redis shared by the whole JVM, and deleting every
 * key under that prefix afterwards. Register it as an instance field with {@code @RegisterExtension}:
 * {@code new RedisTestSupport()} for a single Redis, {@link #cluster()} for a three-master Redis Cluster on
 * loopback (started once per JVM; the test is skipped, naming what is missing, without redis-server and
 * redis-cli on PATH).
 */
public class RedisTestSupport implements BeforeEachCallback, AfterEachCallback {
    private static LocalRedis server;
    private static JedisPooled jedis;
    private static LocalRedisCluster localCluster;
    private static JedisCluster clusterJedis;

    private final boolean clustered;
    private String prefix;

    public RedisTestSupport() {
        this(false);
    }

    private RedisTestSupport(boolean clustered) {
        this.clustered = clustered;
    }

    /** Each test on the JVM's shared Redis Cluster. */
    public static RedisTestSupport cluster() {
        return new RedisTestSupport(true);
    }

    /** The address of the Redis every test in this JVM shares. */
    public static synchronized java.net.URI sharedUri() {
        sharedJedis();
        return server.uri();
    }

    public static synchronized JedisPooled sharedJedis() {
        if (jedis == null) {
            server = LocalRedis.provision();
            jedis = new JedisPooled(server.uri());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                jedis.close();
                server.close();
            }, "redis-test-support-shutdown"));
        }
        return jedis;
    }

    /** A handle the stores connect through to the shared cluster; closing it leaves the cluster running. */
    public static ProvisionedRedis clusterHandle() {
        return ProvisionedRedis.startedCluster(sharedCluster().nodes());
    }

    /** The Redis Cluster every clustered test in this JVM shares. */
    public static synchronized LocalRedisCluster sharedCluster() {
        if (localCluster == null) {
            localCluster = LocalRedisCluster.start(3);
            clusterJedis = (JedisCluster) clusterHandle().connect();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                clusterJedis.close();
                localCluster.close();
            }, "redis-cluster-test-support-shutdown"));
        }
        return localCluster;
    }

    public static synchronized JedisCluster sharedClusterJedis() {
        sharedCluster();
        return clusterJedis;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (clustered) {
            LocalRedisCluster.missingBinaries().ifPresent(missing ->
                    Assumptions.abort("a Redis Cluster test needs " + missing + " on PATH"));
        }
        jedis();
        prefix = "duecall-test-" + UUID.randomUUID();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (prefix != null) {
            KeyspaceCleaner.deleteAll(jedis(), prefix);
        }
    }

    /** The shared client: a {@link JedisPooled}, or a {@link JedisCluster} for {@link #cluster()}. */
    public UnifiedJedis jedis() {
        return clustered ? sharedClusterJedis() : sharedJedis();
    }

    /** A client of its own to the same Redis, as another dialer node would have; the caller closes it. */
    public UnifiedJedis newClient() {
        return clustered ? clusterHandle().connect() : new JedisPooled(sharedUri());
    }

    public boolean clustered() {
        return clustered;
    }

    public String prefix() {
        return prefix;
    }

    public RedisKeys keys() {
        return new RedisKeys(prefix);
    }
}
