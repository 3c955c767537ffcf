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
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.window.CallingWindow;
import io.duecall.port.CallEvent;
import io.duecall.port.CallRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A stop with 24 calls up: no call is placed after it, and every call ends with exactly one ledger line. */
class GracefulStopTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId IVR = new CampaignId("reminders");
    private static final int CALLS = 24;

    private final VirtualClock clock = new VirtualClock(NOON_NEW_YORK);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAttemptLedger ledger = new InMemoryAttemptLedger();
    private final ScriptedTelephony pbx = new ScriptedTelephony();
    private final Set<String> answered = new java.util.HashSet<>();
    private final DialerEngine engine = DialerEngine.builder(clock, clock::advance).accounts(accounts).ledger(ledger)
            .promises(new InMemoryPromiseStore()).telephony(pbx)
            .agents(new AgentPool(List.of(), Duration.ofSeconds(20), new io.duecall.adapter.memory.InMemoryAgentRoster(), ""))
            .campaigns(List.of(campaign())).maxOriginatesPerTick(50).build();

    @Test
    void callsInFlightFinishWithinTheGraceAndNoCallIsPlacedOnceStopped() throws InterruptedException {
        var up = placeAndAnswerHalf();
        var ending = new ArrayList<>(up);
        // Each poll of the stop, two more calls end by themselves, as a PBX would report them.
        var stop = new GracefulStop(engine, clock, d -> {
            clock.advance(d);
            for (int i = 0; i < 2 && !ending.isEmpty(); i++) {
                end(ending.removeFirst());
            }
        });

        var report = stop.stop(GracefulStop.graceFor(engine), () -> false);
        int placedAfter = engine.tick(IVR);

        assertEquals(0, placedAfter);
        assertEquals(new GracefulStop.Report(CALLS, CALLS, 0, 0, 0, 0, false, report.took()), report);
        assertEquals(List.of(), pbx.hangups);
        assertOneLinePerCall(up);
        assertEquals(CALLS, accounts.queued(IVR), "every account is back in the queue");
    }

    @Test
    void aSecondSignalHangsUpWhatIsLeftAndCallsWhoseEndNeverComesAreWrittenInterrupted() throws InterruptedException {
        var up = placeAndAnswerHalf();
        end(up.get(0));
        var silent = Set.copyOf(up.subList(1, 4));
        var polls = new int[1];
        // The second signal comes at the first poll; the PBX reports the end of every hung-up call but three.
        var stop = new GracefulStop(engine, clock, d -> {
            clock.advance(d);
            polls[0]++;
            for (var callId : pbx.hangups) {
                if (!silent.contains(callId)) {
                    end(callId);
                }
            }
        });

        var report = stop.stop(GracefulStop.graceFor(engine), () -> polls[0] >= 1);

        assertTrue(report.hurried(), report.describe());
        assertEquals(CALLS - 1, report.hungUp());
        assertEquals(silent.size(), report.closedInterrupted());
        assertEquals(0, engine.callsInFlight());
        var lines = assertOneLinePerCall(up);
        assertEquals(silent, lines.values().stream().filter(a -> a.disposition() == Disposition.INTERRUPTED)
                .map(Attempt::callId).collect(Collectors.toSet()));
        assertTrue(lines.values().stream().filter(a -> a.disposition() == Disposition.INTERRUPTED)
                .allMatch(a -> a.outcome().answered()), "a call cut off counts as answered");
        assertEquals(0, engine.tick(IVR));
    }

    /** Places {@link #CALLS} calls and answers every other one; returns their call ids. */
    private List<String> placeAndAnswerHalf() {
        accounts.importAccounts(IVR, accounts(), NOON_NEW_YORK);
        engine.tick(IVR);
        var up = pbx.originated.stream().map(CallRequest::callId).toList();
        assertEquals(CALLS, up.size());
        for (int i = 0; i < up.size(); i += 2) {
            pbx.emit(new CallEvent.Answered(up.get(i), clock.instant(), null));
            answered.add(up.get(i));
        }
        return up;
    }

    private void end(String callId) {
        if (!answered.contains(callId)) {
            pbx.emit(new CallEvent.NotConnected(callId, clock.instant(), CallOutcome.NO_ANSWER));
        }
        pbx.emit(new CallEvent.Ended(callId, clock.instant()));
    }

    private Map<String, Attempt> assertOneLinePerCall(List<String> callIds) {
        var lines = ledger.readAll();
        assertEquals(Set.copyOf(callIds), lines.stream().map(Attempt::callId).collect(Collectors.toSet()));
        assertEquals(callIds.size(), lines.size(), "one line per call");
        return lines.stream().collect(Collectors.toMap(Attempt::callId, Function.identity()));
    }

    private static Campaign campaign() {
        return new Campaign(IVR, "reminders", CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme Lending",
                "18005550100", 40, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
    }

    private static List<Account> accounts() {
        var list = new ArrayList<Account>();
        for (int i = 0; i < CALLS; i++) {
            list.add(new Account(new AccountId("a-" + i), "Dana Example",
                    List.of(new Phone(new E164("+121255501%02d".formatted(i)), PhoneType.MOBILE)),
                    Optional.of(ZoneId.of("America/New_York")), new Money(12_550, Currency.getInstance("USD")),
                    LocalDate.of(2026, 2, 20), 11));
        }
        return list;
    }
}
