package io.duecall.adapter.redis;

import org.junit.jupiter.api.Nested;

/**
 * Every Redis store's tests (the port contracts and the adapters' own) again on a three-master Redis Cluster on
 * loopback, started once per JVM; skipped, naming what is missing, without redis-server and redis-cli on PATH.
 */
class RedisClusterStoresTest {
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
