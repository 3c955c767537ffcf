package io.duecall.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.adapter.quartz.LocalPostgres;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisLedgerFeed;
import io.duecall.adapter.redis.RedisTestSupport;
import io.duecall.app.ArchivedLedger;
import io.duecall.app.LedgerShipper;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.attempt.Attempt;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading the ledger back by time when part of it is in PostgreSQL and part still only in Redis (not yet shipped),
 * and part in both (shipped, still in the Redis window): each call once, as the abandon refill and the exports read it.
 */
class ArchivedLedgerTest {
    static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");

    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();
    private LocalPostgres postgres;
    private PostgresLedgerArchive archive;
    private RedisAttemptLedger recent;
    private ArchivedLedger ledger;

    @BeforeEach
    void start() throws SQLException {
        postgres = LocalPostgres.orSkip();
        archive = new PostgresLedgerArchive(postgres.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        archive.migrate();
        recent = new RedisAttemptLedger(redis.jedis(), redis.keys(), 2);
        ledger = new ArchivedLedger(recent, archive);
    }

    @AfterEach
    void stop() throws SQLException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachCallIsReadOnceWhereverItsLineIs() {
        // Only in PostgreSQL: shipped and trimmed from Redis long ago.
        var old = Lines.noAnswer("c-old", "acct-1", NOW.minus(Duration.ofDays(20)));
        archive.store(List.of(old));
        // In both: shipped, still in Redis's window.
        var shipped = Lines.promise("c-shipped", "acct-2", NOW.minus(Duration.ofHours(5)));
        ledger.append(shipped);
        new LedgerShipper(new RedisLedgerFeed(redis.jedis(), recent), archive, "node-a", 100, Duration.ofMinutes(1),
                Duration.ofDays(2)).shipAll();
        // Only in Redis: written after the last shipment.
        var fresh = Lines.noAnswer("c-fresh", "acct-1", NOW.minus(Duration.ofHours(1)));
        ledger.append(fresh);

        assertEquals(List.of(old, shipped, fresh), ledger.readAll());
        assertEquals(3, ledger.size());
        assertEquals(List.of(shipped, fresh), ledger.endedSince(NOW.minus(Duration.ofDays(1))));
        var streamed = new ArrayList<Attempt>();
        ledger.forEachEndedSince(NOW.minus(Duration.ofDays(1)), streamed::add);
        assertEquals(List.of(shipped, fresh), streamed, "streamed from PostgreSQL, then the lines not shipped yet");
        streamed.clear();
        ledger.forEachEndedSince(NOW.minus(Duration.ofDays(30)), streamed::add);
        assertEquals(List.of(old, shipped, fresh), streamed, "a line in both stores is handed over once");
        var range = new ArrayList<Attempt>();
        ledger.forEach(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofHours(2)), range::add);
        assertEquals(List.of(old, shipped), range);
        assertEquals(2, ledger.withArchivedHistory().history(new AccountId("acct-1"), NOW.minus(Duration.ofDays(30))).size());
        assertEquals(1, ledger.history(new AccountId("acct-1"), NOW.minus(Duration.ofDays(30))).size(),
                "the rules read the account's history kept in Redis");
    }
}
