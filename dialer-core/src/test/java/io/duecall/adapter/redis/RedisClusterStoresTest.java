package io.duecall.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.devsupport.LocalRedisCluster;
import io.duecall.devsupport.LoopbackPorts;
import io.duecall.port.StoreUnavailableException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/**
 * Every Redis store's tests (the port contracts and the adapters' own) again on a three-master Redis Cluster on
 * loopback, started once per JVM; skipped, naming what is missing, without redis-server and redis-cli on PATH.
 */
class RedisClusterStoresTest {
    @Test
    void aClusterNodeGivenAsOneRedisIsRefusedNamingTheClusterKey() {
        LocalRedisCluster.missingBinaries().ifPresent(missing ->
                Assumptions.abort("a Redis Cluster test needs " + missing + " on PATH"));
        var node = RedisTestSupport.sharedCluster().nodes().getFirst();

        var error = assertThrows(StoreUnavailableException.class, () -> RedisProvisioner.existing(
                URI.create("redis://" + node)));

        assertTrue(error.getMessage().contains(node + " is a Redis Cluster node; name the cluster's nodes in "
                + "redis.cluster"), error.getMessage());
    }

    @Test
    void oneSeedNodeIsEnoughToReachEveryMaster() {
        LocalRedisCluster.missingBinaries().ifPresent(missing ->
                Assumptions.abort("a Redis Cluster test needs " + missing + " on PATH"));
        var node = RedisTestSupport.sharedCluster().nodes().getFirst();

        var provisioned = RedisProvisioner.cluster(List.of(node));

        assertEquals("existing redis cluster at " + node, provisioned.description());
        try (var client = provisioned.connect()) {
            assertEquals(3, ((JedisCluster) client).getClusterNodes().size());
        }
    }

    @Test
    void aClusterNoNodeOfWhichAnswersIsReportedNamingTheNodes() {
        var port = LoopbackPorts.free();

        var error = assertThrows(StoreUnavailableException.class,
                () -> RedisProvisioner.cluster(List.of(new HostAndPort("127.0.0.1", port))));

        assertTrue(error.getMessage().contains("no Redis Cluster answers at 127.0.0.1:" + port), error.getMessage());
    }

    @Nested
    class Accounts extends RedisAccountStoreTest {
        @Override
        RedisTestSupport support() {
            return RedisTestSupport.cluster();
        }
    }

    @Nested
    class Imports extends StagedImportTest {
        @Override
        RedisTestSupport support() {
            return RedisTestSupport.cluster();
        }
    }

    @Nested
    class Ledger extends RedisAttemptLedgerTest {
        @Override
        RedisTestSupport support() {
            return RedisTestSupport.cluster();
        }

        @Override
        protected boolean keepsTotalAppendOrder() {
            return false;
        }
    }

    @Nested
    class Promises extends RedisPromiseStoreTest {
        @Override
        RedisTestSupport support() {
            return RedisTestSupport.cluster();
        }
    }

    @Nested
    class Payments extends RedisPaymentStoreTest {
        @Override
        RedisTestSupport support() {
            return RedisTestSupport.cluster();
        }
    }

    @Nested
    class Suppression extends RedisSuppressionStoreTest {
        @Override
        RedisTestSupport support() {
            return RedisTestSupport.cluster();
        }
    }

    @Nested
    class Dispositions extends RedisDispositionLogTest {
        @Override
        RedisTestSupport support() {
            return RedisTestSupport.cluster();
        }
    }

    @Nested
    class AgentTime extends RedisAgentTimeLogTest {
        @Override
        RedisTestSupport support() {
            return RedisTestSupport.cluster();
        }
    }

    @Nested
    class ScreenPops extends RedisScreenPopsTest {
        @Override
        RedisTestSupport support() {
            return RedisTestSupport.cluster();
        }
    }

    @Nested
    class CampaignDefinitions extends RedisCampaignDefinitionsTest {
        @Override
        RedisTestSupport support() {
            return RedisTestSupport.cluster();
        }
    }

    @Nested
    class Cleaner extends KeyspaceCleanerTest {
        @Override
        RedisTestSupport support() {
            return RedisTestSupport.cluster();
        }
    }
}
