package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.memory.InMemoryAccountStore;
import io.duecall.adapter.memory.InMemoryAttemptLedger;
import io.duecall.adapter.memory.InMemoryPromiseStore;
import io.duecall.adapter.time.VirtualClock;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.agent.AgentPool;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.campaign.RetryPolicy;
import io.duecall.domain.window.CallingWindow;
import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A tick's calls placed at once on the engine's placer, not one PBX round trip after the other. */
class DialerEngineConcurrentPlacingTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId REMINDERS = new CampaignId("reminders");
    private static final int CALLS = 8;

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();

    @Test
    void everyOriginateOfATickIsInFlightAtOnce() throws Exception {
        // Each originate waits until all of the tick's originates have been sent: in sequence this never completes.
        var allSent = new CountDownLatch(CALLS);
        var pbx = new SlowPbx(request -> {
            allSent.countDown();
            try {
                if (!allSent.await(5, TimeUnit.SECONDS)) {
                    throw new TelephonyUnavailableException("Originate " + request.callId() + ": timed out");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TelephonyUnavailableException("interrupted", e);
            }
        });
        var engine = engine(pbx);
        try (var placer = Executors.newVirtualThreadPerTaskExecutor()) {
            engine.placeCallsOn(placer);

            int placed = engine.tick(REMINDERS);

            assertEquals(CALLS, placed);
            assertEquals(CALLS, pbx.placed.size());
            assertEquals(CALLS, engine.callsInFlight());
            assertEquals(CALLS, accounts.leased(REMINDERS));
        }
    }

    @Test
    void refusedOriginatesReturnTheirAccountsWhileTheOthersAreUp() throws Exception {
        var pbx = new SlowPbx(request -> {
            if (request.number().value().endsWith("3")) {
                throw new TelephonyUnavailableException("Originate " + request.callId() + ": trunk refused");
            }
        });
        var engine = engine(pbx);
        try (var placer = Executors.newVirtualThreadPerTaskExecutor()) {
            engine.placeCallsOn(placer);

            int placed = engine.tick(REMINDERS);

            assertEquals(CALLS - 1, placed);
            assertEquals(CALLS - 1, engine.callsInFlight());
            assertEquals(CALLS - 1, accounts.leased(REMINDERS), "the refused account is back in the queue");
            assertTrue(pbx.placed.keySet().stream().noneMatch(number -> number.endsWith("3")));
        }
    }

    private DialerEngine engine(CallOriginator pbx) {
        accounts.importAccounts(REMINDERS, IntStream.range(0, CALLS).mapToObj(DialerEngineConcurrentPlacingTest::account)
                .toList(), NOON_NEW_YORK);
        return new DialerEngine(clock, clock::advance, accounts, ledger, new InMemoryPromiseStore(), pbx,
                new AgentPool(List.of(), Duration.ZERO), List.of(new Campaign(REMINDERS, "Reminders",
                        CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme Lending", "18005550100", CALLS,
                        Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3,
                        RetryPolicy.defaults())), CALLS);
    }

    private static Account account(int i) {
        return new Account(new AccountId("a-" + i), "Debtor " + i,
                List.of(new Phone(new E164("+1212555010" + i), PhoneType.MOBILE)),
                Optional.of(ZoneId.of("America/New_York")), new Money(12_550, Currency.getInstance("USD")),
                LocalDate.of(2026, 2, 20), 11);
    }

    interface Originate {
        void accept(CallRequest request) throws TelephonyUnavailableException;
    }

    /** A PBX whose originate runs {@code behaviour} on the caller's thread before accepting the call. */
    private static final class SlowPbx implements CallOriginator {
        final ConcurrentHashMap<String, String> placed = new ConcurrentHashMap<>();
        private final Originate behaviour;

        SlowPbx(Originate behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public void onEvent(Consumer<CallEvent> listener) {}

        @Override
        public void originate(CallRequest request) throws TelephonyUnavailableException {
            behaviour.accept(request);
            placed.put(request.number().value(), request.callId());
        }

        @Override
        public void bridgeToAgent(String callId, String agentExtension) {}

        @Override
        public void hangup(String callId) {}

        @Override
        public void close() {}
    }
}
