package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.window.CallingWindow;
import io.duecall.port.CallEvent;
import io.duecall.port.CallRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * A node dies (an engine abandoned mid-campaign, as kill -9 leaves it: no stop, no more events, nothing written)
 * with calls up. The node that takes the expired leases writes each call placed and never written as INTERRUPTED,
 * counted as connected, and dials none of those debtors inside the campaign's gaps.
 */
class DialerEngineCrashRecoveryTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId IVR = new CampaignId("reminders");
    private static final int ACCOUNTS = 8;

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);

    @Test
    void callsADeadNodeLeftUnwrittenAreWrittenInterruptedByTheTakeoverAndNobodyIsRedialedEarly(@TempDir Path dir) {
        var binary = RedisServerProcess.binaryOnPath();
        assumeTrue(binary.isPresent(), "no redis-server on PATH: this test starts its own");
        try (var redis = RedisServerProcess.start(binary.get(), dir); var jedis = new JedisPooled(redis.uri())) {
            var keys = new RedisKeys("crash-test");
            var ledger = new RedisAttemptLedger(jedis, keys);
            var deadPbx = new ScriptedTelephony();
            var dead = engine(new RedisAccountStore(jedis, keys, "node-a"), ledger, keys, jedis, deadPbx);
            new RedisAccountStore(jedis, keys).importAccounts(IVR, accounts(), NOON_NEW_YORK);
            dead.tick(IVR);
            var placed = deadPbx.originated.stream().map(CallRequest::callId).toList();
            assertEquals(ACCOUNTS, placed.size());
            // Two calls end and are written before the kill; the rest are up (half of them answered) when it comes.
            for (var callId : placed.subList(0, 2)) {
                deadPbx.emit(new CallEvent.NotConnected(callId, clock.instant(), CallOutcome.NO_ANSWER));
                deadPbx.emit(new CallEvent.Ended(callId, clock.instant()));
            }
            for (var callId : placed.subList(2, 5)) {
                deadPbx.emit(new CallEvent.Answered(callId, clock.instant(), null));
            }
            // kill -9: the engine is never told anything again.

            var takeoverPbx = new ScriptedTelephony();
            var takeover = engine(new RedisAccountStore(jedis, keys, "node-b"), ledger, keys, jedis, takeoverPbx);
            clock.advance(Duration.ofMinutes(2));
            takeover.tick(IVR);
            var beforeLeasesLapse = List.copyOf(takeoverPbx.originated);
            clock.advance(Duration.ofMinutes(4));
            for (int i = 0; i < 10; i++) {
                takeover.tick(IVR);
                clock.advance(Duration.ofSeconds(30));
            }

            var lines = ledger.readAll();
            assertEquals(List.of(), beforeLeasesLapse);
            assertEquals(Set.copyOf(placed), lines.stream().map(Attempt::callId).collect(Collectors.toSet()));
            assertEquals(ACCOUNTS, lines.size(), "one line per placed call");
            var interrupted = lines.stream().filter(a -> a.disposition() == Disposition.INTERRUPTED).toList();
            assertEquals(Set.copyOf(placed.subList(2, ACCOUNTS)),
                    interrupted.stream().map(Attempt::callId).collect(Collectors.toSet()));
            assertTrue(interrupted.stream().allMatch(a -> a.outcome().answered()));
            assertEquals(List.of(), takeoverPbx.originated, "nobody is dialed again inside the gaps");
            for (int i = 0; i < ACCOUNTS; i++) {
                assertEquals(List.of(), ledger.unwritten(new AccountId("a-" + i)));
            }

            clock.advance(Duration.ofHours(4));
            takeover.tick(IVR);
            assertEquals(ACCOUNTS, takeoverPbx.originated.size(), "once the gaps are over every account is dialed");
        }
    }

    private DialerEngine engine(RedisAccountStore accounts, RedisAttemptLedger ledger, RedisKeys keys,
            JedisPooled jedis, ScriptedTelephony pbx) {
        return DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
                .promises(new RedisPromiseStore(jedis, keys)).telephony(pbx)
                .agents(new AgentPool(List.of(), Duration.ofSeconds(20), new io.duecall.adapter.memory.InMemoryAgentRoster(), ""))
                .campaigns(List.of(campaign())).maxOriginatesPerTick(50).build();
    }

    private static Campaign campaign() {
        return new Campaign(IVR, "reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme Lending",
                "18005550100", 20, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }

    private static List<Account> accounts() {
        var list = new ArrayList<Account>();
        for (int i = 0; i < ACCOUNTS; i++) {
            list.add(new Account(new AccountId("a-" + i), "Dana Example",
                    List.of(new Phone(new E164("+1212555010" + i), PhoneType.MOBILE)),
                    Optional.of(ZoneId.of("America/New_York")), new Money(12_550, Currency.getInstance("USD")),
                    LocalDate.of(2026, 2, 20), 11));
        }
        return list;
    }
}
