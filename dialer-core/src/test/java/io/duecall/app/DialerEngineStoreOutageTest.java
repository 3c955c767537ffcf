package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duecall.adapter.memory.InMemoryAgentRoster;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisAttemptLedger;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.adapter.redis.RedisPromiseStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.devsupport.RedisServerProcess;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
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

/** Redis stops mid-run and comes back: no call is placed meanwhile, and no call that ended meanwhile is lost. */
class DialerEngineStoreOutageTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId IVR = new CampaignId("reminders");

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final ScriptedTelephony pbx = new ScriptedTelephony();

    @Test
    void placesNoCallWhileRedisIsDownAndWritesTheCallsThatEndedMeanwhileWhenItReturns(@TempDir Path dir) {
        var binary = RedisServerProcess.binaryOnPath();
        assumeTrue(binary.isPresent(), "no redis-server on PATH: this test stops and restarts its own");
        try (var redis = RedisServerProcess.start(binary.get(), dir); var jedis = new JedisPooled(redis.uri())) {
            var keys = new RedisKeys("outage-test");
            var ledger = new RedisAttemptLedger(jedis, keys);
            var accounts = new RedisAccountStore(jedis, keys);
            var engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
                    .promises(new RedisPromiseStore(jedis, keys)).telephony(pbx)
                    .agents(new AgentPool(List.of(), Duration.ofSeconds(20), new InMemoryAgentRoster(), ""))
                    .campaigns(List.of(campaign())).maxOriginatesPerTick(50).build();
            accounts.importAccounts(IVR, accounts(6), NOON_NEW_YORK);
            engine.tick(IVR);
            var first = List.copyOf(pbx.originated);
            noAnswer(first.get(0));
            redis.stop();
            noAnswer(first.get(1));
            noAnswer(first.get(2));
            clock.advance(Duration.ofSeconds(30));

            int placedWhileDown = engine.tick(IVR);
            int waitingWhileDown = engine.ledgerLinesWaiting();
            redis.start();
            clock.advance(Duration.ofSeconds(30));
            int placedAfter = engine.tick(IVR);

            assertEquals(0, placedWhileDown);
            assertEquals(2, waitingWhileDown);
            assertEquals(3, placedAfter);
            assertEquals(0, engine.ledgerLinesWaiting());
            assertEquals(first.stream().map(CallRequest::callId).collect(Collectors.toSet()),
                    ledger.readAll().stream().map(Attempt::callId).collect(Collectors.toSet()));
            assertEquals(6, pbx.originated.size());
            assertEquals(Set.of("a-3", "a-4", "a-5"), pbx.originated.subList(3, 6).stream()
                    .map(DialerEngineStoreOutageTest::accountOf).collect(Collectors.toSet()));
        }
    }

    private void noAnswer(CallRequest request) {
        pbx.emit(new CallEvent.NotConnected(request.callId(), clock.instant(), CallOutcome.NO_ANSWER));
        pbx.emit(new CallEvent.Ended(request.callId(), clock.instant()));
    }

    /** The test's numbers end in the account's index. */
    private static String accountOf(CallRequest request) {
        return "a-" + Integer.parseInt(request.number().value().substring(request.number().value().length() - 1));
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
