package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duecall.adapter.journal.FileJournal;
import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.devsupport.RedisServerProcess;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.window.CallingWindow;
import io.duecall.port.CallEvent;
import io.duecall.port.Journal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * Redis goes away while a caller keys a promise: the promise and the call's line are kept in the journal, survive the
 * engine's crash, and are stored exactly once when Redis is back, however often the journal is replayed. Without a
 * journal the caller is told the promise could not be recorded, and the ledger says so.
 */
class DialerEngineJournalTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId IVR = new CampaignId("reminders");
    private static final LocalDate PAY_BY = LocalDate.of(2026, 3, 6);

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final ScriptedTelephony pbx = new ScriptedTelephony();

    @Test
    void promiseKeyedWhileRedisIsDownIsJournaledSurvivesACrashAndIsStoredOnceHoweverOftenReplayed(@TempDir Path dir)
            throws IOException {
        var binary = RedisServerProcess.binaryOnPath();
        assumeTrue(binary.isPresent(), "no redis-server on PATH: this test stops and restarts its own");
        try (var redis = RedisServerProcess.start(binary.get(), dir.resolve("redis"));
                var jedis = new JedisPooled(redis.uri())) {
            var keys = new RedisKeys("journal-test");
            var ledger = new RedisAttemptLedger(jedis, keys);
            var promises = new RedisPromiseStore(jedis, keys);
            var accounts = new RedisAccountStore(jedis, keys);
            accounts.importAccounts(IVR, accounts(1), NOON_NEW_YORK);
            var journalDir = dir.resolve("journal");
            var journal = FileJournal.open(journalDir);
            var engine = engine(accounts, ledger, promises, journal);
            engine.tick(IVR);
            var callId = pbx.originated.getLast().callId();
            pbx.emit(new CallEvent.Answered(callId, clock.instant(), null));
            var call = engine.sessions().find(callId).orElseThrow();

            redis.stop();
            var promise = engine.sessions().recordPromise(callId, call.account().amountDue(), PAY_BY);
            engine.sessions().finished(callId, Disposition.PROMISE_TO_PAY);
            pbx.emit(new CallEvent.Ended(callId, clock.instant()));
            int journaled = engine.journalEntriesWaiting();
            // The engine dies here: nothing it held in memory is written.
            journal.close();
            var copy = copyOf(journalDir, dir.resolve("journal-copy"));

            redis.start();
            try (var reopened = FileJournal.open(journalDir)) {
                var restarted = engine(accounts, ledger, promises, reopened);
                restarted.upkeep();
                assertEquals(0, restarted.journalEntriesWaiting());
            }
            try (var replayedAgain = FileJournal.open(copy)) {
                var another = engine(accounts, ledger, promises, replayedAgain);
                another.upkeep();
            }

            assertEquals(2, journaled, "the promise and the call's line");
            assertEquals(List.of(promise), promises.all());
            var lines = ledger.readAll();
            assertEquals(List.of(callId), lines.stream().map(Attempt::callId).toList());
            assertEquals(Disposition.PROMISE_TO_PAY, lines.getFirst().disposition());
            assertEquals(1, ledger.history(new AccountId("a-0"), NOON_NEW_YORK.minusSeconds(1)).size());
        }
    }

    @Test
    void promiseNeitherRedisNorAJournalTakesIsRefusedToTheCallerAndTheLedgerSaysSo(@TempDir Path dir) {
        var binary = RedisServerProcess.binaryOnPath();
        assumeTrue(binary.isPresent(), "no redis-server on PATH: this test stops and restarts its own");
        try (var redis = RedisServerProcess.start(binary.get(), dir.resolve("redis"));
                var jedis = new JedisPooled(redis.uri())) {
            var keys = new RedisKeys("journal-test");
            var ledger = new RedisAttemptLedger(jedis, keys);
            var promises = new RedisPromiseStore(jedis, keys);
            var accounts = new RedisAccountStore(jedis, keys);
            accounts.importAccounts(IVR, accounts(1), NOON_NEW_YORK);
            var engine = engine(accounts, ledger, promises, Journal.none());
            engine.tick(IVR);
            var callId = pbx.originated.getLast().callId();
            pbx.emit(new CallEvent.Answered(callId, clock.instant(), null));
            var call = engine.sessions().find(callId).orElseThrow();

            redis.stop();
            assertThrows(PromiseNotRecordedException.class,
                    () -> engine.sessions().recordPromise(callId, call.account().amountDue(), PAY_BY));
            engine.sessions().finished(callId, Disposition.PROMISE_NOT_RECORDED);
            pbx.emit(new CallEvent.Ended(callId, clock.instant()));
            redis.start();
            clock.advance(Duration.ofSeconds(30));
            engine.upkeep();

            assertEquals(List.of(), promises.all());
            assertEquals(List.of(Disposition.PROMISE_NOT_RECORDED),
                    ledger.readAll().stream().map(Attempt::disposition).toList());
        }
    }

    private DialerEngine engine(RedisAccountStore accounts, RedisAttemptLedger ledger, RedisPromiseStore promises,
            Journal journal) {
        return DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger).promises(promises)
                .telephony(pbx).agents(new AgentPool(List.of(), Duration.ofSeconds(20), new InMemoryAgentRoster(), ""))
                .campaigns(List.of(campaign())).maxOriginatesPerTick(50).journal(journal).build();
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (var file : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private static Campaign campaign() {
        return new Campaign(IVR, "reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme Lending",
                "18005550100", 3, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }

    private static List<Account> accounts(int count) {
        var list = new ArrayList<Account>();
        for (int i = 0; i < count; i++) {
            list.add(new Account(new AccountId("a-" + i), "Dana Example",
                    List.of(new Phone(new E164("+1212555010" + i), PhoneType.MOBILE)),
                    Optional.of(ZoneId.of("America/New_York")), new Money(12_550, Currency.getInstance("USD")),
                    LocalDate.of(2026, 2, 20), 11));
        }
        return list;
    }
}
