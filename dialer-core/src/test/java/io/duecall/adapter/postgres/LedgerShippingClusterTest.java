package io.duecall.adapter.postgres;

import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisTestSupport;

/** The shipping tests on a three-master Redis Cluster, the ledger in the engine's 16 streams spread over its shards. */
class LedgerShippingClusterTest extends LedgerShippingTest {
    @Override
    RedisTestSupport support() {
        return RedisTestSupport.cluster();
    }

    @Override
    int shards() {
        return RedisAttemptLedger.CLUSTER_SHARDS;
    }
}
