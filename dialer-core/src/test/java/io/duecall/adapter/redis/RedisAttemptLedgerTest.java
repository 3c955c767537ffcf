package io.duecall.adapter.redis;

import static io.duecall.port.Fixtures.T0;
import static io.duecall.port.Fixtures.fullAttempt;
import static io.duecall.port.Fixtures.locationAttempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.port.AttemptLedger;
import io.duecall.port.AttemptLedgerContract;
import io.duecall.port.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAttemptLedgerTest extends AttemptLedgerContract {
    @RegisterExtension
    final RedisTestSupport redis = support();

    /** The Redis the tests run on; {@link RedisClusterStoresTest} runs them on a Redis Cluster. */
    RedisTestSupport support() {
        return new RedisTestSupport();
    }

    @Override
    protected AttemptLedger newLedger() {
        return new RedisAttemptLedger(redis.jedis(), redis.keys());
    }

    @Test
    void anAppendRetriedAfterItsReplyWasLostWritesNeitherLineNorHistoryTwice() {
        var attempt = locationAttempt("c-retried", "+14155550142");
        ledger.append(fullAttempt("c-before"));
        ledger.append(attempt);

        ledger.append(attempt);

        assertEquals(List.of(fullAttempt("c-before"), attempt), ledger.readAll());
        assertEquals(2, ledger.history(attempt.account(), T0).size());
        assertEquals(Map.of(new E164("+14155550142"), 1), ledger.locationCalls(attempt.account()));
    }

    @Test
    void aLineThatCouldNotBeWrittenIsWrittenOnceOnRetryAndTheCallCountsOnce() {
        var attempt = fullAttempt("c-1");
        var stream = ((RedisAttemptLedger) ledger).streamOf(attempt.account());
        redis.jedis().set(stream, "not a stream");

        assertThrows(StoreUnavailableException.class, () -> ledger.append(attempt));

        // One Redis writes nothing; a cluster has written the history first, so the rules already count the call.
        assertEquals(redis.clustered() ? 1 : 0, ledger.history(new AccountId("acct-1"), T0).size());
        redis.jedis().del(stream);
        ledger.append(attempt);
        assertEquals(List.of(attempt), ledger.readAll());
        assertEquals(1, ledger.history(new AccountId("acct-1"), T0).size());
    }
}
